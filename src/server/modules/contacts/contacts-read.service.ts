import type { ListQuery, Page, TimelineEvent } from '../../../shared/common.schema'
import type { CompanyContact, Contact } from '../../../shared/contacts.schema'
import { normalizeEmail, normalizePhone } from '../../../shared/validators'
import { planList } from '../../db/list-query'
import type { Deps } from '../../deps'
import { fieldError, mapDbError, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { authorize } from '../access/access.service'
import { audit, auditEntries } from '../audit/audit.service'
import { getCompany } from '../companies/companies.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { listTimelineEvents } from '../timeline/timeline.repo'
import { contactListSpec, contactSpecialFilters } from './contacts-list.repo'
import {
  countContactRows,
  findContacts,
  findContactsByEmailOrPhone,
  listContactRows,
  readContact,
} from './contacts.repo'
import { contactVisibility } from './contacts.service'

// Reads of contacts. Each one that shows personal data is written to the audit log (GDPR-5):
// a single record as `read`, a page as one `list` entry with the ids.

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

async function auditRead(
  deps: Deps,
  actor: Actor,
  action: 'read' | 'list',
  ids: string[],
  view: string,
) {
  if (ids.length === 0) return
  await audit(deps.db, actor, {
    action,
    objectType: 'contact',
    recordIds: ids,
    details: { view },
  })
}

async function findVisible(deps: Deps, actor: Actor, id: string): Promise<Contact> {
  authorize(actor, 'contacts', 'read')
  const vis = await contactVisibility(deps, actor, true)
  const [contact] = await findContacts(deps.db, actor.workspaceId, [id], vis)
  if (!contact) throw notFound('Contact')
  return contact
}

/** One contact and the audit entry of its read, in one statement (readContact). */
export async function getContact(deps: Deps, actor: Actor, id: string): Promise<Contact> {
  authorize(actor, 'contacts', 'read')
  const vis = await contactVisibility(deps, actor, true)
  const [entry] = auditEntries(actor, {
    action: 'read',
    objectType: 'contact',
    recordIds: [id],
    details: { view: 'record' },
  })
  const contact = await withDb(() => readContact(deps.db, actor.workspaceId, id, vis, entry!))
  if (!contact) throw notFound('Contact')
  return contact
}

/** A phone-like q (digits, spaces, +, -) searches the E.164 form, whatever the spacing. */
function searchTerm(q: string | undefined): string | undefined {
  if (!q || !/^[\d\s+()-]{6,}$/.test(q.trim())) return q
  return normalizePhone(q) ?? q.replace(/[^\d+]/g, '')
}

export async function listContacts(
  deps: Deps,
  actor: Actor,
  query: ListQuery,
  view = 'list',
): Promise<Page<Contact>> {
  authorize(actor, 'contacts', 'read')
  const defs = await customFieldDefinitions(deps.db, actor.workspaceId, 'contact')
  const { rest, where } = contactSpecialFilters({ ...query, q: searchTerm(query.q) })
  const plan = planList(contactListSpec(new Map(defs.map((d) => [d.key, d.type]))), rest)
  plan.where.push(...where)
  const includeDeleted = query.includeDeleted === 'only' ? 'only' : query.includeDeleted === 'true'
  const vis = await contactVisibility(deps, actor, includeDeleted)
  const page = await withDb(() => listContactRows(deps.db, actor.workspaceId, plan, vis))
  await auditRead(
    deps,
    actor,
    'list',
    page.data.map((c) => c.id),
    view,
  )
  if (query.includeTotal !== 'true') return page
  return {
    ...page,
    total: await withDb(() => countContactRows(deps.db, actor.workspaceId, plan, vis)),
  }
}

/** GET /companies/:id/contacts: the company's contacts, each with its role there. */
export async function listCompanyContacts(
  deps: Deps,
  actor: Actor,
  companyId: string,
  query: ListQuery,
): Promise<Page<CompanyContact>> {
  await getCompany(deps, actor, companyId)
  const filter = { ...query.filter, companyId: { eq: companyId } }
  const page = await listContacts(deps, actor, { ...query, filter }, 'company-contacts')
  return {
    ...page,
    data: page.data.map((c) => {
      const link = c.companies.find((l) => l.companyId === companyId)
      return { ...c, role: link?.role ?? null, isPrimary: link?.isPrimary ?? false }
    }),
  }
}

export async function contactTimeline(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { before?: string; limit: number },
): Promise<TimelineEvent[]> {
  await findVisible(deps, actor, id)
  const events = await listTimelineEvents(deps.db, {
    workspaceId: actor.workspaceId,
    objectType: 'contact',
    recordIds: [id],
    ...opts,
  })
  await auditRead(deps, actor, 'read', [id], 'timeline')
  return events
}

/** Live contacts sharing the email or phone, for the duplicate warning of the web form. */
export async function findDuplicateContacts(
  deps: Deps,
  actor: Actor,
  query: { email?: string; phone?: string },
): Promise<Contact[]> {
  authorize(actor, 'contacts', 'read')
  if (!query.email && !query.phone) throw fieldError('email', 'required', 'Give email or phone')
  const phone = query.phone ? normalizePhone(query.phone) : undefined
  if (phone === null) throw fieldError('phone', 'invalid_phone')
  const email = query.email ? normalizeEmail(query.email) : undefined
  const vis = await contactVisibility(deps, actor)
  const found = await findContactsByEmailOrPhone(deps.db, actor.workspaceId, { email, phone }, vis)
  await auditRead(
    deps,
    actor,
    'list',
    found.map((c) => c.id),
    'duplicates',
  )
  return found
}
