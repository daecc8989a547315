import { sql } from 'kysely'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { normalizeEmail, normalizePhone } from '../../../shared/validators'
import type { Db } from '../../db/client'
import type { Deps } from '../../deps'
import { AppError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { getContact } from '../contacts/contacts-read.service'
import { recordEvents } from '../timeline/timeline.service'
import { workspaceLocale } from '../workspaces/workspaces.service'
import {
  anonymiseHistory,
  blankContact,
  contactActivityIds,
  findErasedHashes,
  hasErasedHashes,
  insertErasedSubjects,
  isErased,
  scrubColumn,
  workspaceTextColumns,
} from './erasure.repo'
import { readPersonRows } from './personal-data.repo'
import { erasedEvidence } from './privacy-evidence.texts'
import { completeRequestAfterErasure } from './privacy-requests.repo'
import { allowHistoryRewrite } from './privacy.repo'
import { privacySecret, subjectHash } from './privacy.secret'

// Erasure (GDPR art. 17): the person is anonymised everywhere, in one transaction. Their row
// stays (counts, deal values and links keep adding up) but holds nothing that identifies them.
// Emails and phones are scrubbed from every text and jsonb column of the workspace; names and
// other values only from the person's own records and history, so that e.g. a company called
// "Virtanen Oy" is not renamed when a Virtanen is erased. A salted hash of each email and phone
// is kept so that a later create or import of the same person can be flagged.

function stringsIn(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (value.trim().length >= 3) out.add(value)
  } else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out))
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => stringsIn(v, out))
}

function nationalDigits(e164: string): string | null {
  const p = parsePhoneNumberFromString(e164)
  return p ? p.formatNational().replace(/\D/g, '') : null
}

async function personValues(db: Db, workspaceId: string, contactId: string) {
  const rows = await readPersonRows(db, workspaceId, contactId)
  const c = rows.contact
  if (!c) throw notFound('Contact')
  const emails = c.emails.map((e) => normalizeEmail(e.address))
  const phones = c.phones.map((p) => p.number)
  const identifiers = new Set<string>([...emails, ...phones])
  for (const p of phones) {
    const national = nationalDigits(p)
    if (national && national.length >= 6) identifiers.add(national)
  }
  const all = new Set<string>(identifiers)
  const fullName = [c.first_name, c.last_name].filter(Boolean).join(' ')
  stringsIn(
    [fullName, c.first_name, c.last_name, c.title, c.address, c.custom, c.source, c.interests],
    all,
  )
  stringsIn(
    rows.activities.map((a) => [a.subject, a.body]),
    all,
  )
  stringsIn(
    rows.companies.map((l) => l.role),
    all,
  )
  // Longest first, so a full name goes before its parts and leaves no fragment behind.
  const byLength = (a: string, b: string) => b.length - a.length
  return {
    emails,
    phones,
    identifiers: [...identifiers].sort(byLength),
    all: [...all].sort(byLength),
  }
}

export type ErasureReason = 'request' | 'retention' | 'preference_centre'

/** The erasure itself, in the caller's transaction; shared by staff requests and retention. */
export async function eraseInTransaction(
  deps: Deps,
  trx: Db,
  workspaceId: string,
  contactId: string,
  reason: ErasureReason,
): Promise<{ erasedAt: Date; activities: number }> {
  if (await isErased(trx, workspaceId, contactId))
    throw new AppError('CONFLICT', 'The contact has already been erased')
  const values = await personValues(trx, workspaceId, contactId)
  const activityIds = await contactActivityIds(trx, workspaceId, contactId)
  await allowHistoryRewrite(trx)
  // One time for the contact's mark and the erased_subjects rows of this erasure.
  const erasedAt = new Date()
  const activities = await blankContact(trx, workspaceId, contactId, erasedAt)
  await anonymiseHistory(trx, workspaceId, contactId, activityIds)
  const own = [contactId, ...activityIds]
  for (const col of await workspaceTextColumns(trx)) {
    await scrubColumn(trx, col, workspaceId, values.identifiers)
    const scope =
      col.table === 'timeline_events'
        ? sql`(record_id = any(${own}::uuid[]) or data->>'contactId' = ${contactId})`
        : col.table === 'audit_log'
          ? sql`(record_id = any(${own}::uuid[]) or details->>'contactId' = ${contactId})`
          : col.table === 'privacy_requests' || col.table === 'consent_events'
            ? sql`contact_id = ${contactId}`
            : col.table === 'activities'
              ? sql`contact_id = ${contactId}`
              : null
    if (scope) await scrubColumn(trx, col, workspaceId, values.all, scope)
  }
  const secret = await privacySecret(deps, trx)
  const hashes = [
    ...values.emails.map((v) => ({
      kind: 'email' as const,
      hash: subjectHash(secret, workspaceId, v),
    })),
    ...values.phones.map((v) => ({
      kind: 'phone' as const,
      hash: subjectHash(secret, workspaceId, v),
    })),
  ]
  await insertErasedSubjects(trx, workspaceId, contactId, hashes, reason, erasedAt)
  return { erasedAt, activities }
}

export async function eraseContact(
  deps: Deps,
  actor: Actor,
  contactId: string,
  requestId: string | null,
) {
  authorize(actor, 'privacy-requests', 'update')
  await getContact(deps, actor, contactId)
  return deps.db.transaction().execute(async (trx) => {
    const done = await eraseInTransaction(deps, trx, actor.workspaceId, contactId, 'request')
    if (requestId) {
      const locale = await workspaceLocale(trx, actor.workspaceId)
      const ok = await completeRequestAfterErasure(trx, actor.workspaceId, requestId, contactId, {
        erasedAt: done.erasedAt,
        evidence: erasedEvidence(locale, done.erasedAt),
      })
      if (!ok)
        throw new AppError('VALIDATION_FAILED', 'Unknown request', {
          errors: [{ path: 'requestId', code: 'unknown_reference' }],
        })
    }
    await recordEvents(trx, actor, [
      {
        objectType: 'contact',
        recordId: contactId,
        eventType: 'erased',
        data: { reason: 'request' },
      },
    ])
    await audit(trx, actor, {
      action: 'erase',
      objectType: 'contact',
      recordIds: [contactId],
      details: { requestId, activities: done.activities },
    })
    return {
      contactId,
      erasedAt: done.erasedAt.toISOString(),
      activities: done.activities,
      requestId,
    }
  })
}

/** Whether an email or phone belongs to someone erased before: imports and creates flag it. */
export async function erasedMatches(
  deps: Deps,
  workspaceId: string,
  input: { emails?: string[]; phones?: string[] },
): Promise<{ kind: string; erasedAt: string }[]> {
  const secret = await privacySecret(deps, deps.db)
  const values = [
    ...(input.emails ?? []).map((e) => normalizeEmail(e)),
    ...(input.phones ?? []).flatMap((p) => normalizePhone(p) ?? []),
  ]
  const rows = await findErasedHashes(
    deps.db,
    workspaceId,
    values.map((v) => subjectHash(secret, workspaceId, v)),
  )
  return rows.map((r) => ({ kind: r.kind, erasedAt: r.erased_at.toISOString() }))
}

/**
 * A new contact whose email or phone was erased before is created (the person may have come
 * back and consented again) but flagged: a timeline event and audit entry on the contact, and
 * the kinds that matched ('email', 'phone') for the response header Suhde-Previously-Erased.
 */
export async function flagPreviouslyErased(
  deps: Deps,
  actor: Actor,
  contact: { id: string; emails: { address: string }[]; phones: { number: string }[] },
): Promise<string | null> {
  const matches = await erasedMatches(deps, actor.workspaceId, {
    emails: contact.emails.map((e) => e.address),
    phones: contact.phones.map((p) => p.number),
  })
  if (matches.length === 0) return null
  const kinds = [...new Set(matches.map((m) => m.kind))].sort().join(',')
  await deps.db.transaction().execute(async (trx) => {
    await recordEvents(trx, actor, [
      {
        objectType: 'contact',
        recordId: contact.id,
        eventType: 'previously_erased',
        data: { matched: kinds },
      },
    ])
    await audit(trx, actor, {
      action: 'previously_erased',
      objectType: 'contact',
      recordIds: [contact.id],
      details: { matched: kinds },
    })
  })
  return kinds
}

/**
 * Which of many normalised emails and E.164 phones belonged to someone erased before, with the
 * kind that matched: for imports and bulk creates, one query for a whole batch. `db` is the
 * caller's transaction when inside one (the embedded database has a single connection).
 */
export async function erasedValues(
  deps: Pick<Deps, 'config'>,
  db: Db,
  workspaceId: string,
  values: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (values.length === 0 || !(await hasErasedHashes(db, workspaceId))) return out
  const secret = await privacySecret(deps, db)
  const byHash = new Map(values.map((v) => [subjectHash(secret, workspaceId, v), v]))
  for (const r of await findErasedHashes(db, workspaceId, [...byHash.keys()])) {
    const value = r.value_hash ? byHash.get(r.value_hash) : undefined
    if (value) out.set(value, r.kind)
  }
  return out
}

/**
 * Bulk create flags like a single create: each new contact whose email or phone was erased
 * before gets a `previously_erased` timeline event, with one audit entry for the batch.
 * Returns the flagged contacts and the kinds that matched.
 */
export async function flagPreviouslyErasedMany(
  deps: Deps,
  actor: Actor,
  contacts: { id: string; emails: { address: string }[]; phones: { number: string }[] }[],
): Promise<{ id: string; matched: string }[]> {
  const values = contacts.flatMap((c) => [
    ...c.emails.map((e) => normalizeEmail(e.address)),
    ...c.phones.flatMap((p) => normalizePhone(p.number) ?? []),
  ])
  const erased = await erasedValues(deps, deps.db, actor.workspaceId, values)
  if (erased.size === 0) return []
  const flagged = contacts.flatMap((c) => {
    const kinds = new Set<string>()
    for (const e of c.emails) {
      const kind = erased.get(normalizeEmail(e.address))
      if (kind) kinds.add(kind)
    }
    for (const p of c.phones) {
      const kind = erased.get(normalizePhone(p.number) ?? '')
      if (kind) kinds.add(kind)
    }
    return kinds.size ? [{ id: c.id, matched: [...kinds].sort().join(',') }] : []
  })
  await deps.db.transaction().execute(async (trx) => {
    await recordEvents(
      trx,
      actor,
      flagged.map((f) => ({
        objectType: 'contact',
        recordId: f.id,
        eventType: 'previously_erased',
        data: { matched: f.matched },
      })),
    )
    await audit(trx, actor, {
      action: 'previously_erased',
      objectType: 'contact',
      recordIds: flagged.map((f) => f.id),
      details: { matched: [...new Set(flagged.map((f) => f.matched))].sort() },
    })
  })
  return flagged
}
