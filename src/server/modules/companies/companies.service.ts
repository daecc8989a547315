import {
  companyValueFields,
  type Company,
  type CompanyCreate,
  type CompanyUpdate,
} from '../../../shared/companies.schema'
import type { ListQuery, Page, TimelineEvent } from '../../../shared/common.schema'
import { normalizeBusinessId, normalizeDomain } from '../../../shared/validators'
import type { Db } from '../../db/client'
import { planList, type Visibility } from '../../db/list-query'
import type { Deps } from '../../deps'
import { AppError, fieldError, mapDbError, namingRecords, notFound } from '../../errors'
import type { Actor } from '../../lib/actor'
import { newId } from '../../lib/ids'
import { authorize, visibleOwnerIds } from '../access/access.service'
import { audit } from '../audit/audit.service'
import { customFieldDefinitions } from '../custom-fields/definitions-cache'
import { validateCustomValues } from '../custom-fields/custom-values'
import { replaceTagLinks } from '../tags/tag-links.repo'
import { listTimelineEvents } from '../timeline/timeline.repo'
import { diffFields, recordEvents } from '../timeline/timeline.service'
import {
  companyListSpec,
  countCompanyRows,
  findCompanies,
  insertCompanies,
  isAncestorOrSelf,
  listCompanyRows,
  setDeletedAt,
  updateCompanyRow,
  valuesOf,
  type CompanyValues,
} from './companies.repo'

const trackedFields = [...companyValueFields, 'custom', 'tags'] as const

async function customDefs(db: Db, workspaceId: string) {
  return customFieldDefinitions(db, workspaceId, 'company')
}

/** Applies a create or patch onto the stored values, normalising IDs, domain and custom fields. */
function mergeValues(
  input: CompanyUpdate,
  existing: CompanyValues | undefined,
  defs: Awaited<ReturnType<typeof customDefs>>,
  pathPrefix: string,
): CompanyValues {
  const base: CompanyValues = existing ?? {
    name: '',
    businessId: null,
    vatId: null,
    domain: null,
    industry: null,
    size: null,
    addresses: [],
    tier: null,
    lifecycleStage: null,
    ownerId: null,
    parentId: null,
    custom: {},
  }
  const pick = <K extends keyof CompanyValues>(key: K, value: CompanyValues[K] | undefined) =>
    value === undefined ? base[key] : value
  let custom: Record<string, unknown>
  try {
    custom = validateCustomValues(defs, input.custom, existing?.custom)
  } catch (err) {
    throw prefixPaths(err, pathPrefix)
  }
  return {
    name: pick('name', input.name),
    businessId:
      input.businessId === undefined
        ? base.businessId
        : input.businessId && normalizeBusinessId(input.businessId),
    vatId: pick('vatId', input.vatId),
    domain:
      input.domain === undefined ? base.domain : input.domain && normalizeDomain(input.domain),
    industry: pick('industry', input.industry),
    size: pick('size', input.size),
    addresses: pick('addresses', input.addresses),
    tier: pick('tier', input.tier),
    lifecycleStage: pick('lifecycleStage', input.lifecycleStage),
    ownerId: pick('ownerId', input.ownerId),
    parentId: pick('parentId', input.parentId),
    custom,
  }
}

export function prefixPaths(err: unknown, prefix: string): unknown {
  if (!prefix || !(err instanceof AppError) || !err.errors) return err
  return new AppError(err.code, err.message, {
    errors: err.errors.map((e) => ({ ...e, path: `${prefix}${e.path}` })),
  })
}

async function withDb<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw mapDbError(err)
  }
}

export async function createCompanies(
  deps: Deps,
  actor: Actor,
  inputs: CompanyCreate[],
  isBulk = false,
): Promise<Company[]> {
  authorize(actor, 'companies', 'create')
  const defs = await customDefs(deps.db, actor.workspaceId)
  const records = inputs.map((input, i) => ({
    id: newId(),
    values: mergeValues(
      { ownerId: actor.userId, ...input },
      undefined,
      defs,
      isBulk ? `records.${i}.` : '',
    ),
    tagIds: input.tagIds ?? [],
  }))
  return namingRecords(isBulk, inputs, () =>
    withDb(() =>
      deps.db.transaction().execute(async (trx) => {
        const created = await insertCompanies(trx, actor.workspaceId, records, actor.userId)
        for (const r of records)
          if (r.tagIds.length)
            await replaceTagLinks(trx, 'company', actor.workspaceId, r.id, r.tagIds)
        await recordEvents(
          trx,
          actor,
          created.map((c) => ({ objectType: 'company', recordId: c.id, eventType: 'created' })),
        )
        await audit(trx, actor, {
          action: 'create',
          objectType: 'company',
          recordIds: created.map((c) => c.id),
        })
        if (!records.some((r) => r.tagIds.length)) return created
        return findCompanies(
          trx,
          actor.workspaceId,
          created.map((c) => c.id),
          { ownerIds: null },
        )
      }),
    ),
  )
}

/**
 * Creates one company inside the caller's transaction, for writes that make several records at
 * once (lead conversion): the same value rules, history and audit entry as POST /companies.
 * Custom fields required of companies are not demanded: such a caller has no values to give,
 * so they are asked the next time the company is edited. Returns the new company's id.
 */
export async function createCompanyInTransaction(
  trx: Db,
  actor: Actor,
  input: CompanyCreate,
  eventData: Record<string, unknown> | null = null,
): Promise<string> {
  authorize(actor, 'companies', 'create')
  const defs = await customDefs(trx, actor.workspaceId)
  const blank = mergeValues({ name: input.name }, undefined, [], '')
  const id = newId()
  const values = mergeValues({ ownerId: actor.userId, ...input }, blank, defs, 'company.')
  await insertCompanies(trx, actor.workspaceId, [{ id, values }], actor.userId)
  if (input.tagIds?.length)
    await replaceTagLinks(trx, 'company', actor.workspaceId, id, input.tagIds)
  await recordEvents(trx, actor, [
    { objectType: 'company', recordId: id, eventType: 'created', data: eventData },
  ])
  await audit(trx, actor, { action: 'create', objectType: 'company', recordIds: [id] })
  return id
}

async function visibility(
  deps: Deps,
  actor: Actor,
  includeDeleted: Visibility['includeDeleted'] = false,
): Promise<Visibility> {
  return { ownerIds: await visibleOwnerIds(deps, actor), includeDeleted }
}

export async function getCompany(deps: Deps, actor: Actor, id: string): Promise<Company> {
  authorize(actor, 'companies', 'read')
  const [company] = await findCompanies(
    deps.db,
    actor.workspaceId,
    [id],
    await visibility(deps, actor, true),
  )
  if (!company) throw notFound('Company')
  return company
}

export async function listCompanies(
  deps: Deps,
  actor: Actor,
  query: ListQuery,
  /** Aborted when nobody waits for the answer any more. */
  signal?: AbortSignal,
): Promise<Page<Company>> {
  authorize(actor, 'companies', 'read')
  const defs = await customDefs(deps.db, actor.workspaceId)
  const plan = planList(companyListSpec(new Map(defs.map((d) => [d.key, d.type]))), query)
  const includeDeleted = query.includeDeleted === 'only' ? 'only' : query.includeDeleted === 'true'
  const vis = await visibility(deps, actor, includeDeleted)
  const page = await withDb(() => listCompanyRows(deps.db, actor.workspaceId, plan, vis, signal))
  // Counting every match is the costliest read of a search: not for an answer nobody awaits.
  if (query.includeTotal !== 'true' || signal?.aborted) return page
  return {
    ...page,
    total: await withDb(() => countCompanyRows(deps.db, actor.workspaceId, plan, vis)),
  }
}

export type CompanyPatch = CompanyUpdate & { id: string }

export async function updateCompanies(
  deps: Deps,
  actor: Actor,
  patches: CompanyPatch[],
  isBulk = false,
): Promise<Company[]> {
  authorize(actor, 'companies', 'update')
  const defs = await customDefs(deps.db, actor.workspaceId)
  const vis = await visibility(deps, actor)
  return namingRecords(isBulk, patches, () =>
    withDb(() =>
      deps.db.transaction().execute(async (trx) => {
        const ids = patches.map((p) => p.id)
        const existing = new Map(
          (await findCompanies(trx, actor.workspaceId, ids, vis, true)).map((c) => [c.id, c]),
        )
        const events = []
        for (const [i, patch] of patches.entries()) {
          const prefix = isBulk ? `records.${i}.` : ''
          const before = existing.get(patch.id)
          if (!before)
            throw isBulk
              ? fieldError(`${prefix}id`, 'unknown_reference', 'Company not found')
              : notFound('Company')
          const values = mergeValues(patch, valuesOf(before), defs, prefix)
          if (
            values.parentId &&
            values.parentId !== before.parentId &&
            (await isAncestorOrSelf(trx, actor.workspaceId, patch.id, values.parentId))
          ) {
            throw fieldError(`${prefix}parentId`, 'cycle')
          }
          await updateCompanyRow(trx, actor.workspaceId, patch.id, values)
          if (patch.tagIds)
            await replaceTagLinks(trx, 'company', actor.workspaceId, patch.id, patch.tagIds)
          events.push({ before, id: patch.id })
        }
        const updated = await findCompanies(trx, actor.workspaceId, ids, { ownerIds: null })
        const after = new Map(updated.map((c) => [c.id, c]))
        const timeline = events
          .map(({ before, id }) => {
            const now = after.get(id) ?? before
            const changes = diffFields(
              { ...before, tags: before.tags.map((t) => t.id) },
              { ...now, tags: now.tags.map((t) => t.id) },
              [...trackedFields],
            )
            return { objectType: 'company', recordId: id, eventType: 'updated', changes }
          })
          .filter((e) => e.changes.length > 0)
        await recordEvents(trx, actor, timeline)
        await audit(trx, actor, {
          action: 'update',
          objectType: 'company',
          recordIds: timeline.map((e) => e.recordId),
        })
        return ids.flatMap((id) => after.get(id) ?? [])
      }),
    ),
  )
}

/** Soft delete: the records leave lists and search but can be restored with their history. */
export async function deleteCompanies(deps: Deps, actor: Actor, ids: string[]): Promise<number> {
  authorize(actor, 'companies', 'delete')
  const vis = await visibility(deps, actor)
  return deps.db.transaction().execute(async (trx) => {
    const found = await findCompanies(trx, actor.workspaceId, ids, vis, true)
    if (ids.length === 1 && found.length === 0) throw notFound('Company')
    const foundIds = found.map((c) => c.id)
    await setDeletedAt(trx, actor.workspaceId, foundIds, new Date())
    await recordEvents(
      trx,
      actor,
      foundIds.map((id) => ({ objectType: 'company', recordId: id, eventType: 'deleted' })),
    )
    await audit(trx, actor, { action: 'delete', objectType: 'company', recordIds: foundIds })
    return foundIds.length
  })
}

export async function restoreCompanies(
  deps: Deps,
  actor: Actor,
  ids: string[],
): Promise<Company[]> {
  authorize(actor, 'companies', 'delete')
  const vis = await visibility(deps, actor, 'only')
  return deps.db.transaction().execute(async (trx) => {
    const found = await findCompanies(trx, actor.workspaceId, ids, vis, true)
    if (found.length === 0) throw notFound('Deleted company')
    const foundIds = found.map((c) => c.id)
    await setDeletedAt(trx, actor.workspaceId, foundIds, null)
    await recordEvents(
      trx,
      actor,
      foundIds.map((id) => ({ objectType: 'company', recordId: id, eventType: 'restored' })),
    )
    await audit(trx, actor, { action: 'restore', objectType: 'company', recordIds: foundIds })
    return findCompanies(trx, actor.workspaceId, foundIds, { ownerIds: null })
  })
}

export async function companyTimeline(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { before?: string; limit: number },
): Promise<TimelineEvent[]> {
  await getCompany(deps, actor, id)
  return listTimelineEvents(deps.db, {
    workspaceId: actor.workspaceId,
    objectType: 'company',
    recordIds: [id],
    ...opts,
  })
}

/** Which of `ids` the actor may see; other modules check links to companies with it. */
export async function visibleCompanyIds(
  deps: Deps,
  actor: Actor,
  ids: string[],
): Promise<Set<string>> {
  const found = await findCompanies(deps.db, actor.workspaceId, ids, await visibility(deps, actor))
  return new Set(found.map((c) => c.id))
}
