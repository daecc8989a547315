import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { newId } from '../../lib/ids'
import { insertCompanies, type CompanyValues } from '../companies/companies.repo'
import { upsertLinks, type LinkRow } from '../contacts/contact-companies.repo'
import { insertContacts, type ContactValues } from '../contacts/contacts.repo'
import { mergeValues } from '../contacts/contacts.values'
import { addTagLinks } from '../tags/tag-links.repo'
import { ownerIdFor, RowError, tagIdsFor, type ApplyContext } from './import-apply'
import type { RowValues } from './import-values'
import { findCompanyIdsByKeys, findContactIdsByKeys, type NewOutcome } from './imports.repo'

// The fast path of a contacts chunk: rows that match nothing are created with a few multi-row
// statements instead of several round trips each. Rows that match a stored contact (or another
// row of the chunk) go back to the row-by-row path, which handles skip / fill / overwrite.

export type Prepared = { line: number; raw: string[]; v: RowValues }

export function canBulk(ctx: ApplyContext): boolean {
  return ctx.objectType === 'contacts' && ['none', 'email', 'phone'].includes(ctx.dedupeRule)
}

function keyOf(ctx: ApplyContext, v: RowValues): string | undefined {
  if (ctx.dedupeRule === 'email') return v.contact.emails[0]
  if (ctx.dedupeRule === 'phone') return v.contact.phones[0]
  return undefined
}

/** Splits rows into those to create in bulk and those for the row-by-row path. */
export async function splitForBulk(db: Db, ctx: ApplyContext, rows: Prepared[]) {
  const kind = ctx.dedupeRule === 'phone' ? 'phone' : 'email'
  const keys = rows.flatMap((r) => keyOf(ctx, r.v) ?? [])
  const existing =
    ctx.dedupeRule === 'none'
      ? new Map()
      : await findContactIdsByKeys(db, ctx.workspaceId, kind, keys)
  const seen = new Set<string>()
  const bulk: Prepared[] = []
  const slow: Prepared[] = []
  for (const r of rows) {
    const key = keyOf(ctx, r.v)
    if (key && (existing.has(key) || seen.has(key))) slow.push(r)
    else {
      if (key) seen.add(key)
      bulk.push(r)
    }
  }
  return { bulk, slow }
}

type Planned = {
  p: Prepared
  id: string
  values: ContactValues
  tagIds: string[]
  companyId: string | null
  companyCreated: boolean
}

async function companiesFor(db: Db, ctx: ApplyContext, rows: Prepared[]) {
  const named = rows.filter((r) => r.v.company.name)
  const { byBusinessId, byName } = await findCompanyIdsByKeys(
    db,
    ctx.workspaceId,
    named.flatMap((r) => r.v.company.businessId ?? []),
    named.map((r) => (r.v.company.name ?? '').toLowerCase()),
  )
  const created: { id: string; values: CompanyValues }[] = []
  const ids = new Map<Prepared, { id: string; isNew: boolean }>()
  for (const r of named) {
    const c = r.v.company
    const name = (c.name ?? '').toLowerCase()
    const found = (c.businessId && byBusinessId.get(c.businessId)) || byName.get(name)
    if (found) {
      ids.set(r, { id: found, isNew: false })
      continue
    }
    const id = newId()
    created.push({
      id,
      values: {
        name: c.name ?? '',
        businessId: c.businessId,
        vatId: c.vatId,
        domain: c.domain,
        industry: c.industry,
        size: null,
        addresses: [],
        tier: c.tier,
        lifecycleStage: null,
        ownerId: ctx.userId,
        parentId: null,
        custom: {},
      },
    })
    // Later rows of the chunk naming the same company link to this one.
    byName.set(name, id)
    if (c.businessId) byBusinessId.set(c.businessId, id)
    ids.set(r, { id, isNew: true })
  }
  return { created, ids }
}

/** Creates the rows; returns their outcomes, or null when the database refused the batch. */
export async function createInBulk(
  db: Db,
  ctx: ApplyContext,
  rows: Prepared[],
): Promise<{ outcomes: NewOutcome[]; retry: Prepared[] }> {
  const outcomes: NewOutcome[] = []
  const planned: Planned[] = []
  const fail = (p: Prepared, error: string): NewOutcome => ({
    rowNumber: p.line,
    raw: p.raw,
    outcome: 'failed',
    objectType: null,
    recordId: null,
    companyId: null,
    companyCreated: false,
    oldValues: null,
    error,
  })
  const { created, ids } = await companiesFor(db, ctx, rows)
  for (const p of rows) {
    try {
      const ownerId = await ownerIdFor(db, ctx, p.v.ownerEmail)
      const k = p.v.contact
      const input = Object.fromEntries(
        Object.entries({
          firstName: k.firstName,
          lastName: k.lastName,
          title: k.title,
          birthDate: k.birthDate,
          language: k.language,
          lifecycleStage: k.lifecycleStage,
          address: k.address,
        }).filter(([, x]) => x !== null),
      )
      const values = mergeValues(
        {
          ...input,
          ...(k.emails.length ? { emails: k.emails.map((address) => ({ address })) } : {}),
          ...(k.phones.length ? { phones: k.phones.map((number) => ({ number })) } : {}),
          ownerId,
          custom: p.v.custom,
          source: { channel: 'import' },
        },
        undefined,
        ctx.contactDefs,
        '',
      )
      const company = ids.get(p)
      planned.push({
        p,
        id: newId(),
        values,
        tagIds: await tagIdsFor(db, ctx, p.v.tags),
        companyId: company?.id ?? null,
        companyCreated: company?.isNew ?? false,
      })
    } catch (err) {
      if (!(err instanceof RowError) && !(err instanceof Error && 'code' in err)) throw err
      outcomes.push(fail(p, err instanceof RowError ? err.message : describeAppError(err)))
    }
  }
  // A company is "created by" the first row that names it, so undo deletes it once.
  const claimed = new Set<string>()
  await sql`savepoint import_bulk`.execute(db)
  try {
    await insertCompanies(db, ctx.workspaceId, created, ctx.userId)
    await insertContacts(
      db,
      ctx.workspaceId,
      planned.map((x) => ({ id: x.id, values: x.values })),
      ctx.userId,
    )
    const links: LinkRow[] = planned.flatMap((x) =>
      x.companyId
        ? [{ contactId: x.id, companyId: x.companyId, role: x.values.title, isPrimary: false }]
        : [],
    )
    await upsertLinks(db, ctx.workspaceId, links)
    for (const x of planned)
      if (x.tagIds.length) await addTagLinks(db, 'contact', ctx.workspaceId, [x.id], x.tagIds)
    await sql`release savepoint import_bulk`.execute(db)
  } catch {
    await sql`rollback to savepoint import_bulk`.execute(db)
    return { outcomes, retry: planned.map((x) => x.p) }
  }
  for (const x of planned) {
    const isFirst = x.companyCreated && x.companyId !== null && !claimed.has(x.companyId)
    if (isFirst && x.companyId) claimed.add(x.companyId)
    outcomes.push({
      rowNumber: x.p.line,
      raw: x.p.raw,
      outcome: 'created',
      objectType: 'contact',
      recordId: x.id,
      companyId: x.companyId,
      companyCreated: isFirst,
      oldValues: null,
      error: null,
    })
  }
  return { outcomes, retry: [] }
}

function describeAppError(err: unknown): string {
  const e = err as { errors?: { path: string; code: string }[]; message?: string }
  return e.errors?.map((x) => `${x.path}: ${x.code}`).join('; ') ?? e.message ?? 'Invalid row'
}
