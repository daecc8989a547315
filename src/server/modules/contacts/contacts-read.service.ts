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
import { exportContactRows, withContactLinks } from './contacts-export.repo'
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

/** The planned list query and the actor's visibility: what the list and the export share. */
async function planContacts(deps: Deps, actor: Actor, query: ListQuery) {
  authorize(actor, 'contacts', 'read')
  const defs = await customFieldDefinitions(deps.db, actor.workspaceId, 'contact')
  const { rest, where } = contactSpecialFilters({ ...query, q: searchTerm(query.q) })
  const plan = planList(contactListSpec(new Map(defs.map((d) => [d.key, d.type]))), rest)
  plan.where.push(...where)
  const includeDeleted = query.includeDeleted === 'only' ? 'only' : query.includeDeleted === 'true'
  const vis = await contactVisibility(deps, actor, includeDeleted)
  return { plan, vis }
}

export async function listContacts(
  deps: Deps,
  actor: Actor,
  query: ListQuery,
  view = 'list',
  /** Aborted when nobody waits for the answer any more. */
  signal?: AbortSignal,
): Promise<Page<Contact>> {
  const { plan, vis } = await planContacts(deps, actor, query)
  const page = await withDb(() => listContactRows(deps.db, actor.workspaceId, plan, vis, signal))
  await auditRead(
    deps,
    actor,
    'list',
    page.data.map((c) => c.id),
    view,
  )
  // Counting every match is the costliest read of a search: not for an answer nobody awaits.
  if (query.includeTotal !== 'true' || signal?.aborted) return page
  return {
    ...page,
    total: await withDb(() => countContactRows(deps.db, actor.workspaceId, plan, vis)),
  }
}

/**
 * A page of contacts for an export: the same filters, q, sort, cursor and visibility as
 * listContacts and the same personal-data audit (view `export`). Answers in two steps: the
 * page's rows and next cursor first, so the caller can start the next page's read, then
 * `contacts`, the rows with their tags and company links (one grouped query each, not two
 * subselects a row) once the page's audit entry is written.
 */
export async function readContactsForExport(
  deps: Deps,
  actor: Actor,
  query: ListQuery,
): Promise<{ nextCursor: string | null; contacts: Promise<Contact[]> }> {
  const { plan, vis } = await planContacts(deps, actor, query)
  const page = await withDb(() => exportContactRows(deps.db, actor.workspaceId, plan, vis))
  const contacts = (async () => {
    const data = await withDb(() => withContactLinks(deps.db, actor.workspaceId, page.rows))
    await auditRead(
      deps,
      actor,
      'list',
      data.map((c) => c.id),
      'export',
    )
    return data
  })()
  return { nextCursor: page.nextCursor, contacts }
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
