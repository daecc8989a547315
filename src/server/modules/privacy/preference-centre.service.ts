import { z } from 'zod'
import { emailSchema, phoneNumberSchema } from '../../../shared/common.schema'
import { normalizeEmail, normalizePhone } from '../../../shared/validators'
import type { Deps } from '../../deps'
import { fieldError, notFound } from '../../errors'
import { newId } from '../../lib/ids'
import { searchText } from '../contacts/contacts.repo'
import { workspaceLocale } from '../workspaces/workspaces.service'
import { checkConsentEvent, consentsOf } from './consents.service'
import { findContactInfo, insertConsentEvent } from './consents.repo'
import { updateContactDetails } from './preference-centre.repo'
import { collectPersonalData, zipPersonalData } from './personal-data.service'
import { LinkError, resolveLink } from './privacy-links.service'
import { markLinkUsed } from './privacy-links.repo'
import { askedThroughLinkEvidence } from './privacy-evidence.texts'
import { insertRequest } from './privacy-requests.repo'
import { dueFrom } from './privacy-requests.service'
import { recordSubjectAction, workspaceName } from './privacy.repo'
import { channels } from '../../../shared/privacy.schema'

// What the person can do through their preference-centre link. There is no user here: the
// signed link is the authority, and every action is logged as done by the data subject.

export type Meta = { ip: string | null; userAgent: string | null }
export type FormBody = Record<string, string | string[]>

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : [])

async function openLink(deps: Deps, token: string) {
  const link = await resolveLink(deps, deps.db, token, 'preference_centre')
  const contact = await findContactInfo(deps.db, link.workspace_id, link.contact_id)
  if (!contact || contact.erased) throw new LinkError('revoked')
  return { link, contact }
}

export async function openPreferences(deps: Deps, token: string, meta: Meta) {
  const { link, contact } = await openLink(deps, token)
  const { current, purposes } = await consentsOf(deps.db, link.workspace_id, contact.id)
  await recordSubjectAction(deps.db, {
    workspaceId: link.workspace_id,
    contactId: contact.id,
    action: 'read',
    ip: meta.ip,
    details: { view: 'preference_centre', linkId: link.id },
    timeline: false,
  })
  // Staff see when the person last opened the page (a preference link stays usable until it
  // expires or is revoked; only confirmation links are single-use).
  await markLinkUsed(deps.db, link.workspace_id, link.id)
  return {
    link,
    contact,
    consents: current,
    purposes,
    org: await workspaceName(deps.db, link.workspace_id),
  }
}

const detailsSchema = z.object({
  firstName: z.string().trim().max(200),
  lastName: z.string().trim().max(200),
  email: z.union([z.literal(''), emailSchema]),
  phone: z.union([z.literal(''), phoneNumberSchema]),
})

export async function updateDetails(deps: Deps, token: string, form: FormBody, meta: Meta) {
  const input = detailsSchema.parse({
    firstName: one(form.firstName),
    lastName: one(form.lastName),
    email: one(form.email).trim(),
    phone: one(form.phone).trim(),
  })
  await deps.db.transaction().execute(async (trx) => {
    const link = await resolveLink(deps, trx, token, 'preference_centre')
    const c = await findContactInfo(trx, link.workspace_id, link.contact_id, true)
    if (!c || c.erased) throw notFound('Contact')
    // The form edits the primary email and the first phone; the others stay as they are.
    const primary = c.emails.findIndex((e) => e.primary)
    const at = primary >= 0 ? primary : 0
    const emails = input.email
      ? c.emails.length
        ? c.emails.map((e, i) => (i === at ? { ...e, address: normalizeEmail(input.email) } : e))
        : [{ address: normalizeEmail(input.email), label: null, primary: true }]
      : c.emails.filter((_, i) => i !== at)
    const phone = input.phone ? (normalizePhone(input.phone) ?? input.phone) : ''
    const phones = phone
      ? c.phones.length
        ? c.phones.map((p, i) => (i === 0 ? { ...p, number: phone } : p))
        : [{ number: phone, label: null }]
      : c.phones.slice(1)
    const next = {
      firstName: input.firstName || null,
      lastName: input.lastName || null,
      emails,
      phones,
    }
    if (!next.firstName && !next.lastName && emails.length === 0)
      throw fieldError('lastName', 'name_or_email_required')
    const changes = (['firstName', 'lastName', 'emails', 'phones'] as const)
      .filter((f) => JSON.stringify(c[f]) !== JSON.stringify(next[f]))
      .map((f) => ({ field: f, old: c[f], new: next[f] }))
    if (!changes.length) return
    await updateContactDetails(trx, link.workspace_id, c.id, next, (v) => searchText(v))
    await recordSubjectAction(trx, {
      workspaceId: link.workspace_id,
      contactId: c.id,
      action: 'update',
      ip: meta.ip,
      details: { via: 'preference_centre', linkId: link.id },
      changes,
    })
  })
}

export async function setConsentFromCentre(deps: Deps, token: string, form: FormBody, meta: Meta) {
  const status = one(form.status)
  if (status !== 'granted' && status !== 'withdrawn') throw fieldError('status', 'invalid_value')
  const chosen = many(form.channels).filter((c): c is (typeof channels)[number] =>
    (channels as readonly string[]).includes(c),
  )
  await deps.db.transaction().execute(async (trx) => {
    const link = await resolveLink(deps, trx, token, 'preference_centre')
    const occurredAt = new Date()
    const purpose = await checkConsentEvent(
      trx,
      link.workspace_id,
      link.contact_id,
      { purposeKey: one(form.purposeKey), status, channels: chosen },
      occurredAt,
    )
    if (purpose.legalBasis === 'contract' || purpose.legalBasis === 'legal_obligation')
      throw fieldError('purposeKey', 'invalid_value')
    if (status === 'granted' && purpose.channels.length && chosen.length === 0)
      throw fieldError('channels', 'required')
    const id = newId()
    await insertConsentEvent(trx, {
      id,
      workspaceId: link.workspace_id,
      contactId: link.contact_id,
      purposeId: purpose.id,
      status,
      channels: status === 'granted' ? chosen : [],
      occurredAt,
      source: 'preference_centre',
      textVersion: purpose.textVersion,
      ip: meta.ip,
      userAgent: meta.userAgent,
      confirmedAt: null,
      note: null,
      actorUserId: null,
      actorApiKeyId: null,
    })
    await recordSubjectAction(trx, {
      workspaceId: link.workspace_id,
      contactId: link.contact_id,
      action: `consent_${status}`,
      ip: meta.ip,
      details: { purposeKey: purpose.key, consentEventId: id, via: 'preference_centre' },
    })
  })
}

export async function requestErasureFromCentre(deps: Deps, token: string, meta: Meta) {
  await deps.db.transaction().execute(async (trx) => {
    const link = await resolveLink(deps, trx, token, 'preference_centre')
    const receivedAt = new Date()
    const r = await insertRequest(trx, {
      workspaceId: link.workspace_id,
      id: newId(),
      contactId: link.contact_id,
      type: 'erasure',
      channel: 'preference_centre',
      receivedAt,
      dueAt: dueFrom(receivedAt),
      handlerId: null,
      evidence: askedThroughLinkEvidence(await workspaceLocale(trx, link.workspace_id), link.id),
      notes: '',
      createdBy: null,
    })
    await recordSubjectAction(trx, {
      workspaceId: link.workspace_id,
      contactId: link.contact_id,
      action: 'erasure_requested',
      ip: meta.ip,
      details: { via: 'preference_centre', requestId: r.id },
    })
  })
}

export async function downloadFromCentre(deps: Deps, token: string, meta: Meta) {
  const { link, contact } = await openLink(deps, token)
  const data = await collectPersonalData(deps.db, link.workspace_id, contact.id)
  await recordSubjectAction(deps.db, {
    workspaceId: link.workspace_id,
    contactId: contact.id,
    action: 'export',
    ip: meta.ip,
    details: { view: 'preference_centre', linkId: link.id, format: 'zip' },
    timeline: false,
  })
  return zipPersonalData(data)
}
