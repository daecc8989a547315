import type { ContactUpdate } from '../../../shared/contacts.schema'
import type { CustomField } from '../../../shared/custom-fields.schema'
import type { Db } from '../../db/client'
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
import { findTagIdByName, insertTag } from '../tags/tags.repo'
import {
  findCompanyIdBy,
  findContactIdBy,
  findMemberIdByEmail,
  type NewOutcome,
} from './imports.repo'
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
  tagIds: Map<string, string>
  ownerIds: Map<string, string | null>
}

const all = { ownerIds: null }
type Result = Omit<NewOutcome, 'rowNumber' | 'raw'>

export class RowError extends Error {}

function customError(err: unknown): never {
  if (err instanceof AppError)
    throw new RowError(err.errors?.map((e) => `${e.path}: ${e.code}`).join('; ') ?? err.message)
  throw err
}

export async function tagIdsFor(db: Db, ctx: ApplyContext, names: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const name of names.slice(0, 100)) {
    const key = name.toLowerCase()
    let id = ctx.tagIds.get(key) ?? (await findTagIdByName(db, ctx.workspaceId, name))
    if (!id) {
      id = newId()
      await insertTag(db, ctx.workspaceId, id, { name: name.slice(0, 100), color: null })
    }
    ctx.tagIds.set(key, id)
    ids.push(id)
  }
  return ids
}

export async function ownerIdFor(db: Db, ctx: ApplyContext, email: string | null) {
  if (!email) return ctx.userId
  if (!ctx.ownerIds.has(email))
    ctx.ownerIds.set(email, (await findMemberIdByEmail(db, ctx.workspaceId, email)) ?? null)
  const id = ctx.ownerIds.get(email)
  if (!id) throw new RowError(`Owner "${email}" is not a member of this workspace`)
  return id
}

/** Keeps only the keys whose stored value is empty, for "fill empty fields". */
function onlyEmpty<T extends Record<string, unknown>>(
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
    if (ctx.objectType === 'companies') throw new RowError('The company name is empty')
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
  if (!company) throw new RowError('The matched company disappeared')
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
  await addTagLinks(db, 'company', ctx.workspaceId, [existingId], tagIds)
  return {
    ...base,
    outcome: 'updated',
    recordId: existingId,
    oldValues: old as unknown as Record<string, unknown>,
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
      if (!contact) throw new RowError('The matched contact disappeared')
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
      }
    }
  } catch (err) {
    customError(err)
  }
  await addTagLinks(db, 'contact', ctx.workspaceId, [recordId], tagIds)
  if (companyId)
    await upsertLinks(db, ctx.workspaceId, [
      { contactId: recordId, companyId, role: v.contact.title, isPrimary: false },
    ])
  return result
}
