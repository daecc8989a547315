import { strToU8, zipSync } from 'fflate'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { csvLine } from '../../lib/csv'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getContact } from '../contacts/contacts-read.service'
import { listConsentEvents } from './consents.repo'
import { readPersonRows } from './personal-data.repo'

// The person's own data in a portable form: one JSON document, or a zip with the JSON and a
// CSV per section. Staff exports and the preference-centre download use the same builder.

export type PersonalData = Record<string, unknown> & { contact: Record<string, unknown> }

export async function collectPersonalData(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<PersonalData> {
  const rows = await readPersonRows(db, workspaceId, contactId)
  if (!rows.contact) throw notFound('Contact')
  const c = rows.contact
  const consents = await listConsentEvents(db, workspaceId, contactId)
  return {
    exportedAt: new Date().toISOString(),
    contact: {
      id: c.id,
      firstName: c.first_name,
      lastName: c.last_name,
      emails: c.emails,
      phones: c.phones,
      title: c.title,
      language: c.language,
      birthDate: c.birth_date,
      gender: c.gender,
      interests: c.interests,
      address: c.address,
      lifecycleStage: c.lifecycle_stage,
      source: c.source,
      custom: c.custom,
      createdAt: c.created_at.toISOString(),
      updatedAt: c.updated_at.toISOString(),
    },
    companies: rows.companies.map((l) => ({ name: l.name, role: l.role, isPrimary: l.is_primary })),
    tags: rows.tags,
    activities: rows.activities.map((a) => ({
      id: a.id,
      type: a.type,
      subject: a.subject,
      body: a.body,
      occurredAt: a.occurred_at?.toISOString() ?? null,
      dueAt: a.due_at?.toISOString() ?? null,
      doneAt: a.done_at?.toISOString() ?? null,
      createdAt: a.created_at.toISOString(),
    })),
    consents: consents.map((e) => ({
      purpose: e.purposeKey,
      status: e.status,
      channels: e.channels,
      occurredAt: e.occurredAt,
      source: e.source,
      textVersion: e.textVersion,
      ip: e.ip,
      userAgent: e.userAgent,
      confirmedAt: e.confirmedAt,
    })),
    privacyRequests: rows.requests.map((r) => ({
      id: r.id,
      type: r.type,
      status: r.status,
      receivedAt: r.received_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      completedAt: r.completed_at?.toISOString() ?? null,
    })),
  }
}

function tableCsv(rows: Record<string, unknown>[]): string {
  const first = rows[0]
  if (!first) return ''
  const keys = Object.keys(first)
  return csvLine(keys) + rows.map((r) => csvLine(keys.map((k) => r[k]))).join('')
}

/** A zip of personal-data.json and one CSV per section (contact as field,value rows). */
export function zipPersonalData(data: PersonalData): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'personal-data.json': strToU8(JSON.stringify(data, null, 2)),
    'contact.csv': strToU8(
      csvLine(['field', 'value']) +
        Object.entries(data.contact)
          .map(([k, v]) => csvLine([k, v]))
          .join(''),
    ),
  }
  for (const section of ['companies', 'activities', 'consents', 'privacyRequests'] as const) {
    const rows = data[section] as Record<string, unknown>[]
    files[`${section}.csv`] = strToU8(tableCsv(rows))
  }
  return zipSync(files)
}

export async function exportPersonalData(
  deps: Deps,
  actor: Actor,
  contactId: string,
  format: 'json' | 'zip',
): Promise<
  { kind: 'json'; data: PersonalData } | { kind: 'zip'; zip: Uint8Array; filename: string }
> {
  authorize(actor, 'contacts', 'read')
  await getContact(deps, actor, contactId)
  const data = await collectPersonalData(deps.db, actor.workspaceId, contactId)
  await audit(deps.db, actor, {
    action: 'export',
    objectType: 'contact',
    recordIds: [contactId],
    details: { view: 'personal-data', format },
  })
  if (format === 'json') return { kind: 'json', data }
  return { kind: 'zip', zip: zipPersonalData(data), filename: `personal-data-${contactId}.zip` }
}
