import type { ContactUpdate } from '../../../shared/contacts.schema'
import type { ImportProblem } from '../../../shared/import-problems'
import type { CustomField } from '../../../shared/custom-fields.schema'
import type { Db } from '../../db/client'
import type { FieldChange } from '../../db/schema'
import { AppError } from '../../errors'
import { newId } from '../../lib/ids'
import {
  findCompanies,
  insertCompanies,
  updateCompanyRow,
  valuesOf as companyValuesOf,
  type CompanyValues,
} from '../companies/companies.repo'
import { upsertLinks } from '../contacts/contact-companies.repo'
import {
  findContacts,
  insertContacts,
  updateContactRow,
  valuesOf as contactValuesOf,
  type ContactValues,
} from '../contacts/contacts.repo'
import { mergeValues } from '../contacts/contacts.values'
import { validateCustomValues } from '../custom-fields/custom-values'
import { addTagLinks } from '../tags/tag-links.repo'
import { insertTag } from '../tags/tags.repo'
import { diffFields } from '../timeline/timeline.service'
import {
  findCompanyIdBy,
  findCompanyLinks,
  findContactIdBy,
  findMemberIdsByEmails,
  findTagIdsByNames,
  findTagLinks,
  type NewOutcome,
} from './imports.repo'
import type { ContactKeyIndex } from './import-keys'
import type { RowValues } from './import-values'

// Writing one row inside its chunk's transaction. Like tag links, the import writes through the
// contact and company repos directly: a chunk, its rows' outcomes and the progress must commit
// together, and the services open transactions of their own.

export type ApplyContext = {
  workspaceId: string
  userId: string | null
  objectType: 'companies' | 'contacts' | 'both'
  dedupeRule: string
  matchAction: 'skip' | 'fill_empty' | 'overwrite'
  contactDefs: CustomField[]
  companyDefs: CustomField[]
  /** Tag ids by lowercased name, found or created so far. */
  tagIds: Map<string, string>
  /** Member ids by lowercased email; null for an email that is not a member. */
  ownerIds: Map<string, string | null>
  /** Tags this chunk created (the chunk stores them on the import for undo). */
  createdTagIds: string[]
  /** Where the chunk adds the milliseconds of its phases (import-job's Timings). */
  timings?: Record<string, number>
  /** The in-memory duplicate index of a contacts import by email or phone (import-keys.ts). */
  keys?: ContactKeyIndex
}

const all = { ownerIds: null }
type Result = Omit<NewOutcome, 'rowNumber' | 'raw'> & { changes?: FieldChange[] }

/** A row the import cannot write, with its problems (stable codes, see import-problems.ts). */
export class RowError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.code).join('; '))
  }
}

/**
 * Why a write failed, as problems: a validation error keeps each field issue's code and path
 * (its text comes from the API's field texts); anything else is `import_not_saved` with the
 * error's own words as the detail.
 */
export function problemsOf(err: unknown): ImportProblem[] {
  if (err instanceof RowError) return err.problems
  if (err instanceof AppError && err.errors?.length)
    return err.errors.map((e) => ({ code: e.code, ...(e.path ? { field: e.path } : {}) }))
  const detail = err instanceof Error ? err.message : String(err)
  return [{ code: 'import_not_saved', params: { detail: detail.slice(0, 300) } }]
}

/** Runs `fn`, adding its time to the chunk's phase (for the log line of a finished import). */
export async function timed<T>(ctx: ApplyContext, phase: string, fn: () => Promise<T>): Promise<T> {
  const at = performance.now()
  try {
    return await fn()
  } finally {
    if (ctx.timings) ctx.timings[phase] = (ctx.timings[phase] ?? 0) + performance.now() - at
  }
}

function customError(err: unknown): never {
  if (err instanceof AppError) throw new RowError(problemsOf(err))
  throw err
}

/** Finds the tags named in a chunk with one query and creates the missing ones. */
export async function resolveTags(db: Db, ctx: ApplyContext, names: string[]): Promise<void> {
  const wanted = new Map<string, string>()
  for (const name of names) {
    const key = name.toLowerCase()
    if (!ctx.tagIds.has(key) && !wanted.has(key)) wanted.set(key, name)
  }
  if (wanted.size === 0) return
  const found = await findTagIdsByNames(db, ctx.workspaceId, [...wanted.keys()])
  for (const [key, name] of wanted) {
    let id = found.get(key)
    if (!id) {
      id = newId()
      await insertTag(db, ctx.workspaceId, id, { name: name.slice(0, 100), color: null })
      ctx.createdTagIds.push(id)
    }
    ctx.tagIds.set(key, id)
  }
}

export async function tagIdsFor(db: Db, ctx: ApplyContext, names: string[]): Promise<string[]> {
  const some = names.slice(0, 100)
  await resolveTags(db, ctx, some)
  return some.flatMap((n) => ctx.tagIds.get(n.toLowerCase()) ?? [])
}

/** Looks up the owner emails of a chunk with one query. */
export async function resolveOwners(db: Db, ctx: ApplyContext, emails: string[]): Promise<void> {
  const missing = [...new Set(emails)].filter((e) => !ctx.ownerIds.has(e))
  if (missing.length === 0) return
  const found = await findMemberIdsByEmails(db, ctx.workspaceId, missing)
  for (const e of missing) ctx.ownerIds.set(e, found.get(e) ?? null)
}

export async function ownerIdFor(db: Db, ctx: ApplyContext, email: string | null) {
  if (!email) return ctx.userId
  await resolveOwners(db, ctx, [email])
  const id = ctx.ownerIds.get(email)
  if (!id) throw new RowError([{ code: 'import_owner_not_member', field: 'owner', value: email }])
  return id
}

/** Links the tags to a record the import did not create; returns the ones that were new. */
async function addTagsTracked(
  db: Db,
  ctx: ApplyContext,
  object: 'contact' | 'company',
  recordId: string,
  tagIds: string[],
): Promise<string[]> {
  const had = await findTagLinks(db, object, ctx.workspaceId, [recordId], tagIds)
  const added = tagIds.filter((t) => !had.has(`${recordId}:${t}`))
  await addTagLinks(db, object, ctx.workspaceId, [recordId], added)
  return added
}

/** Keeps only the keys whose stored value is empty, for "fill empty fields". */
export function onlyEmpty<T extends Record<string, unknown>>(
  input: T,
  existing: Record<string, unknown>,
): Partial<T> {
  const isEmpty = (x: unknown) =>
    x === null || x === undefined || x === '' || (Array.isArray(x) && x.length === 0)
  return Object.fromEntries(
    Object.entries(input).filter(([k]) => isEmpty(existing[k])),
  ) as Partial<T>
}

function companyMatch(ctx: ApplyContext, v: RowValues) {
  const c = v.company
  if (ctx.dedupeRule === 'business_id' && c.businessId) return { businessId: c.businessId }
  if (ctx.dedupeRule === 'domain' && c.domain) return { domain: c.domain }
  if (ctx.dedupeRule === 'name_city' && c.name && v.contact.address?.city)
    return { name: c.name, city: v.contact.address.city }
  return null
}

/** Finds or creates the company a row names; with objectType companies it is the record. */
export async function applyCompany(
  db: Db,
  ctx: ApplyContext,
  v: RowValues,
): Promise<Result | null> {
  const c = v.company
  if (!c.name) {
    if (ctx.objectType === 'companies')
      throw new RowError([{ code: 'import_company_name_missing', field: 'companyName' }])
    return null
  }
  const isRecord = ctx.objectType !== 'contacts'
  const match = isRecord
    ? companyMatch(ctx, v)
    : c.businessId
      ? { businessId: c.businessId }
      : { name: c.name }
  const existingId = match ? await findCompanyIdBy(db, ctx.workspaceId, match) : undefined
  const addresses = isRecord && v.contact.address ? [{ label: null, ...v.contact.address }] : []
  const input: Partial<CompanyValues> = {
    name: c.name,
    businessId: c.businessId,
    vatId: c.vatId,
    domain: c.domain,
    industry: c.industry,
    tier: c.tier,
    ...(addresses.length ? { addresses } : {}),
  }
  const custom = isRecord ? v.custom : {}
  const tagIds = isRecord ? await tagIdsFor(db, ctx, v.tags) : []
  const base = { objectType: 'company', companyId: null, companyCreated: false, error: null }
  if (!existingId) {
    const id = newId()
    let values: CompanyValues
    try {
      values = {
        name: c.name,
        businessId: c.businessId,
        vatId: c.vatId,
        domain: c.domain,
        industry: c.industry,
        size: null,
        addresses,
        tier: c.tier,
        lifecycleStage: null,
        ownerId: await ownerIdFor(db, ctx, isRecord ? v.ownerEmail : null),
        parentId: null,
        custom: validateCustomValues(ctx.companyDefs, custom),
      }
    } catch (err) {
      customError(err)
    }
    await insertCompanies(db, ctx.workspaceId, [{ id, values }], ctx.userId)
    await addTagLinks(db, 'company', ctx.workspaceId, [id], tagIds)
    return { ...base, outcome: 'created', recordId: id, oldValues: null }
  }
  if (!isRecord || ctx.matchAction === 'skip')
    return { ...base, outcome: 'skipped', recordId: existingId, oldValues: null }
  const [company] = await findCompanies(db, ctx.workspaceId, [existingId], all, true)
  if (!company) throw new RowError([{ code: 'import_matched_company_gone' }])
  const old = companyValuesOf(company)
  const clean = Object.fromEntries(
    Object.entries(input).filter(([, x]) => x !== null && x !== undefined),
  )
  const patch = ctx.matchAction === 'fill_empty' ? onlyEmpty(clean, old) : clean
  let values: CompanyValues
  try {
    values = {
      ...old,
      ...patch,
      custom: validateCustomValues(
        ctx.companyDefs,
        ctx.matchAction === 'fill_empty' ? onlyEmpty(custom, old.custom) : custom,
        old.custom,
      ),
    }
  } catch (err) {
    customError(err)
  }
  await updateCompanyRow(db, ctx.workspaceId, existingId, values)
  const added = await addTagsTracked(db, ctx, 'company', existingId, tagIds)
  return {
    ...base,
    outcome: 'updated',
    recordId: existingId,
    oldValues: old as unknown as Record<string, unknown>,
    addedTagIds: added,
    changes: diffFields(old, values, Object.keys(values)),
  }
}

function contactInput(v: RowValues): ContactUpdate {
  const k = v.contact
  const input: ContactUpdate = {
    firstName: k.firstName,
    lastName: k.lastName,
    title: k.title,
    birthDate: k.birthDate,
    language: k.language,
    lifecycleStage: k.lifecycleStage as ContactUpdate['lifecycleStage'],
    ...(k.address ? { address: k.address } : {}),
    ...(k.emails.length ? { emails: k.emails.map((address) => ({ address })) } : {}),
    ...(k.phones.length ? { phones: k.phones.map((number) => ({ number })) } : {}),
  }
  return Object.fromEntries(Object.entries(input).filter(([, x]) => x !== null && x !== undefined))
}

function contactMatch(ctx: ApplyContext, v: RowValues) {
  const k = v.contact
  if (ctx.dedupeRule === 'email' && k.emails[0]) return { email: k.emails[0] }
  if (ctx.dedupeRule === 'phone' && k.phones[0]) return { phone: k.phones[0] }
  if (ctx.dedupeRule === 'name_city' && k.address?.city)
    return { firstName: k.firstName, lastName: k.lastName, city: k.address.city }
  return null
}

export async function applyContact(
  db: Db,
  ctx: ApplyContext,
  v: RowValues,
  companyId: string | null,
): Promise<Result> {
  const match = contactMatch(ctx, v)
  const existingId = match ? await findContactIdBy(db, ctx.workspaceId, match) : undefined
  const input = contactInput(v)
  const tagIds = await tagIdsFor(db, ctx, v.tags)
  const base = { objectType: 'contact', companyId, companyCreated: false, error: null }
  let recordId: string
  let result: Result
  try {
    if (!existingId) {
      recordId = newId()
      const ownerId = await ownerIdFor(db, ctx, v.ownerEmail)
      const values = mergeValues(
        { ...input, ownerId, custom: v.custom, source: { channel: 'import' } },
        undefined,
        ctx.contactDefs,
        '',
      )
      await insertContacts(db, ctx.workspaceId, [{ id: recordId, values }], ctx.userId)
      result = { ...base, outcome: 'created', recordId, oldValues: null }
    } else {
      recordId = existingId
      if (ctx.matchAction === 'skip')
        return { ...base, outcome: 'skipped', recordId, oldValues: null }
      const [contact] = await findContacts(db, ctx.workspaceId, [recordId], all, true)
      if (!contact) throw new RowError([{ code: 'import_matched_contact_gone' }])
      const old: ContactValues = contactValuesOf(contact)
      const fill = ctx.matchAction === 'fill_empty'
      const patch = fill ? onlyEmpty(input, old) : input
      const custom = fill ? onlyEmpty(v.custom, old.custom) : v.custom
      const values = mergeValues({ ...patch, custom }, old, ctx.contactDefs, '')
      await updateContactRow(db, ctx.workspaceId, recordId, values)
      result = {
        ...base,
        outcome: 'updated',
        recordId,
        oldValues: old as unknown as Record<string, unknown>,
        changes: diffFields(old, values, Object.keys(values)),
      }
    }
  } catch (err) {
    customError(err)
  }
  if (result.outcome === 'created') {
    await addTagLinks(db, 'contact', ctx.workspaceId, [recordId], tagIds)
    if (companyId)
      await upsertLinks(db, ctx.workspaceId, [
        { contactId: recordId, companyId, role: v.contact.title, isPrimary: false },
      ])
    return result
  }
  // A contact that existed before: what the row adds to it is remembered for undo.
  result.addedTagIds = await addTagsTracked(db, ctx, 'contact', recordId, tagIds)
  if (
    companyId &&
    !(await findCompanyLinks(db, ctx.workspaceId, [recordId])).has(`${recordId}:${companyId}`)
  ) {
    await upsertLinks(db, ctx.workspaceId, [
      { contactId: recordId, companyId, role: v.contact.title, isPrimary: false },
    ])
    result.linkAdded = true
  }
  return result
}
