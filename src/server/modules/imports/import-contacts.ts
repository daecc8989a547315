import { sql } from 'kysely'
import { contactValueFields } from '../../../shared/contacts.schema'
import type { ImportProblem } from '../../../shared/import-problems'
import type { Db } from '../../db/client'
import type { FieldChange } from '../../db/schema'
import type { Deps } from '../../deps'
import { AppError } from '../../errors'
import { newId } from '../../lib/ids'
import { insertCompanies, type CompanyValues } from '../companies/companies.repo'
import { upsertLinks, type LinkRow } from '../contacts/contact-companies.repo'
import {
  contactRowJson,
  findContacts,
  insertContactsJson,
  updateContactRow,
  valuesOf,
  type ContactValues,
} from '../contacts/contacts.repo'
import { mergeValues } from '../contacts/contacts.values'
import { erasedValues } from '../privacy/erasure.service'
import { addTagLinks } from '../tags/tag-links.repo'
import { diffFields } from '../timeline/timeline.service'
import {
  onlyEmpty,
  problemsOf,
  resolveOwners,
  resolveTags,
  timed,
  type ApplyContext,
} from './import-apply'
import type { RowValues } from './import-values'
import { ContactKeyIndex } from './import-keys'
import {
  findCompanyIdsByKeys,
  findCompanyLinks,
  findTagLinks,
  type NewOutcome,
} from './imports.repo'

// A contacts chunk, set-based: one lookup per kind of key for the whole chunk (emails or phones
// against the contacts' GIN index, companies, tags, owners, erased people), then multi-row
// writes. Rows matching a stored contact are skipped, filled or overwritten; a row matching an
// earlier row of the same chunk is applied to that row's new record before it is written.

/** A row's values; for a contacts import also the contact it would create (see draftContact). */
export type Prepared = { line: number; raw: string[]; v: RowValues; draft?: Draft }

/** The new contact a row would make, built before the chunk's transaction, or why it cannot. */
export type Draft =
  { id: string; values: ContactValues; json: string } | { problems: ImportProblem[] }

/** An outcome and, for an update, the fields it changed (for the timeline, not stored). */
export type Applied = NewOutcome & { changes?: FieldChange[] }

export function canBulk(ctx: ApplyContext): boolean {
  return ctx.objectType === 'contacts' && ['none', 'email', 'phone'].includes(ctx.dedupeRule)
}

function keyOf(ctx: ApplyContext, v: RowValues): string | undefined {
  if (ctx.dedupeRule === 'email') return v.contact.emails[0]
  if (ctx.dedupeRule === 'phone') return v.contact.phones[0]
  return undefined
}

export function failedOutcome(
  p: { line: number; raw: string[] },
  problems: ImportProblem[],
): Applied {
  return {
    rowNumber: p.line,
    raw: p.raw,
    outcome: 'failed',
    objectType: null,
    recordId: null,
    companyId: null,
    companyCreated: false,
    oldValues: null,
    error: problems,
  }
}

export function describeError(err: unknown): string {
  if (err instanceof AppError)
    return err.errors?.map((e) => `${e.path}: ${e.code}`).join('; ') ?? err.message
  return err instanceof Error ? err.message : String(err)
}

/** The fields of a row as a contact create or patch (empty cells left out). */
function contactInput(v: RowValues) {
  const k = v.contact
  const input = {
    firstName: k.firstName,
    lastName: k.lastName,
    title: k.title,
    birthDate: k.birthDate,
    language: k.language,
    lifecycleStage: k.lifecycleStage as ContactValues['lifecycleStage'],
    address: k.address,
    emails: k.emails.length ? k.emails.map((address) => ({ address })) : null,
    phones: k.phones.length ? k.phones.map((number) => ({ number })) : null,
  }
  return Object.fromEntries(Object.entries(input).filter(([, x]) => x !== null)) as Parameters<
    typeof mergeValues
  >[0]
}

/**
 * The contact a row creates if it matches nothing: values, id and the row JSON for the insert,
 * all pure work done while the previous chunk is being written (owners resolved beforehand).
 */
export function draftContact(ctx: ApplyContext, p: Prepared): Draft {
  try {
    const email = p.v.ownerEmail
    const ownerId = email ? ctx.ownerIds.get(email) : ctx.userId
    if (!ownerId)
      return { problems: [{ code: 'import_owner_not_member', field: 'owner', value: email ?? '' }] }
    const values = mergeValues(
      { ...contactInput(p.v), ownerId, custom: p.v.custom, source: { channel: 'import' } },
      undefined,
      ctx.contactDefs,
      '',
    )
    const id = newId()
    return { id, values, json: contactRowJson(id, values, ctx.userId) }
  } catch (err) {
    return { problems: problemsOf(err) }
  }
}

const tracked: (keyof ContactValues)[] = [...contactValueFields, 'custom']

type NewRecord = {
  p: Prepared
  id: string
  values: ContactValues
  /** The insert row; null once a later row of the chunk changed the values. */
  json: string | null
  tagIds: Set<string>
  company: { id: string; isNew: boolean } | null
}

const erasedReason = (kinds: string): ImportProblem => ({
  code: 'import_previously_erased',
  params: { kinds },
})

/** Companies named by the rows: found by business ID or name, or planned as new. */
async function companiesFor(db: Db, ctx: ApplyContext, rows: Prepared[]) {
  const named = rows.filter((r) => r.v.company.name)
  const { byBusinessId, byName } = await findCompanyIdsByKeys(
    db,
    ctx.workspaceId,
    [...new Set(named.flatMap((r) => r.v.company.businessId ?? []))],
    [...new Set(named.map((r) => (r.v.company.name ?? '').toLowerCase()))],
  )
  const created: { id: string; values: CompanyValues }[] = []
  const ids = new Map<Prepared, { id: string; isNew: boolean }>()
  const isNew = new Set<string>()
  for (const r of named) {
    const c = r.v.company
    const name = (c.name ?? '').toLowerCase()
    const found = (c.businessId && byBusinessId.get(c.businessId)) || byName.get(name)
    if (found) {
      ids.set(r, { id: found, isNew: isNew.has(found) })
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
    // Later rows naming the same company link to this one.
    byName.set(name, id)
    if (c.businessId) byBusinessId.set(c.businessId, id)
    isNew.add(id)
    ids.set(r, { id, isNew: true })
  }
  return { created, ids }
}

/**
 * Applies the rows of a contacts chunk. Returns their outcomes, or `retry` with the rows to do
 * one by one when the database refused the multi-row writes (nothing of them is kept then).
 */
export async function applyContactRows(
  deps: Deps,
  db: Db,
  ctx: ApplyContext,
  rows: Prepared[],
): Promise<{ outcomes: Applied[]; retry: Prepared[] }> {
  const outcomes: Applied[] = []
  // Outcomes that stand even when the multi-row writes are refused and the rest is retried.
  const standing = new Set<number>()
  const kind = ctx.dedupeRule === 'phone' ? 'phone' : 'email'
  const keys = [...new Set(rows.flatMap((r) => keyOf(ctx, r.v) ?? []))]
  const { existing, erased } = await timed(ctx, 'lookup', async () => {
    let existing = new Map<string, string>()
    if (ctx.dedupeRule !== 'none')
      existing = await timed(ctx, 'keys', async () => {
        if (ctx.keys) await ctx.keys.refresh(db)
        else ctx.keys = await ContactKeyIndex.load(db, ctx.workspaceId, kind)
        return ctx.keys.lookup(db, keys)
      })
    const candidates = rows.filter((r) => !existing.has(keyOf(ctx, r.v) ?? ''))
    const values = candidates.flatMap((r) => [...r.v.contact.emails, ...r.v.contact.phones])
    const erased = await timed(ctx, 'erased', () =>
      erasedValues(deps, db, ctx.workspaceId, [...new Set(values)]),
    )
    await resolveOwners(
      db,
      ctx,
      rows.flatMap((r) => r.v.ownerEmail ?? []),
    )
    await resolveTags(
      db,
      ctx,
      rows.flatMap((r) => r.v.tags),
    )
    return { existing, erased }
  })
  const isWriting = ctx.matchAction !== 'skip'

  const fresh: NewRecord[] = []
  const byKey = new Map<string, NewRecord>()
  const matched: { p: Prepared; id: string }[] = []
  const tagsOf = (v: RowValues) =>
    v.tags.slice(0, 100).flatMap((n) => ctx.tagIds.get(n.toLowerCase()) ?? [])
  for (const p of rows) {
    const key = keyOf(ctx, p.v)
    const storedId = key ? existing.get(key) : undefined
    if (storedId) {
      matched.push({ p, id: storedId })
      continue
    }
    const earlier = key ? byKey.get(key) : undefined
    try {
      if (earlier) {
        // The same person twice in one chunk: the second row applies to the first one's record.
        if (!isWriting) {
          outcomes.push({ ...base(p, 'skipped', earlier.id), companyId: null })
          continue
        }
        const old = earlier.values
        const patch = contactInput(p.v)
        const fill = ctx.matchAction === 'fill_empty'
        earlier.values = mergeValues(
          {
            ...(fill ? onlyEmpty(patch, old) : patch),
            custom: fill ? onlyEmpty(p.v.custom, old.custom) : p.v.custom,
          },
          old,
          ctx.contactDefs,
          '',
        )
        earlier.json = null
        for (const t of tagsOf(p.v)) earlier.tagIds.add(t)
        outcomes.push({
          ...base(p, 'updated', earlier.id),
          oldValues: old as unknown as Record<string, unknown>,
          changes: diffFields(old, earlier.values, tracked),
        })
        continue
      }
      const kinds = [
        ...new Set(
          [...p.v.contact.emails, ...p.v.contact.phones].flatMap((x) => erased.get(x) ?? []),
        ),
      ]
      if (kinds.length) {
        outcomes.push({ ...base(p, 'skipped', null), reason: erasedReason(kinds.sort().join(',')) })
        standing.add(p.line)
        continue
      }
      const draft = p.draft ?? draftContact(ctx, p)
      if ('problems' in draft) {
        outcomes.push(failedOutcome(p, draft.problems))
        standing.add(p.line)
        continue
      }
      const record: NewRecord = {
        p,
        id: draft.id,
        values: draft.values,
        json: draft.json,
        tagIds: new Set(tagsOf(p.v)),
        company: null,
      }
      fresh.push(record)
      if (key) byKey.set(key, record)
    } catch (err) {
      outcomes.push(failedOutcome(p, problemsOf(err)))
      standing.add(p.line)
    }
  }

  // Stored contacts that matched: skipped, or their values filled or overwritten.
  const updates: { p: Prepared; id: string; old: ContactValues; values: ContactValues }[] = []
  if (!isWriting)
    for (const m of matched) {
      outcomes.push({ ...base(m.p, 'skipped', m.id), companyId: null })
      standing.add(m.p.line)
    }
  else if (matched.length) {
    const stored = new Map(
      (
        await findContacts(
          db,
          ctx.workspaceId,
          [...new Set(matched.map((m) => m.id))],
          { ownerIds: null, includeDeleted: false },
          true,
        )
      ).map((c) => [c.id, valuesOf(c)]),
    )
    for (const m of matched) {
      const old = stored.get(m.id)
      if (!old) {
        outcomes.push(failedOutcome(m.p, [{ code: 'import_matched_contact_gone' }]))
        continue
      }
      try {
        const patch = contactInput(m.p.v)
        const fill = ctx.matchAction === 'fill_empty'
        const values = mergeValues(
          {
            ...(fill ? onlyEmpty(patch, old) : patch),
            custom: fill ? onlyEmpty(m.p.v.custom, old.custom) : m.p.v.custom,
          },
          old,
          ctx.contactDefs,
          '',
        )
        // A later row of the chunk for the same contact builds on this one's values.
        stored.set(m.id, values)
        updates.push({ p: m.p, id: m.id, old, values })
      } catch (err) {
        outcomes.push(failedOutcome(m.p, problemsOf(err)))
      }
    }
  }

  const linking = [...fresh.map((f) => f.p), ...updates.map((u) => u.p)]
  const updatedIds = [...new Set(updates.map((u) => u.id))]
  const tagIds = [...new Set(updates.flatMap((u) => tagsOf(u.p.v)))]
  const { created, ids, hasTag, hasLink } = await timed(ctx, 'lookup', async () => ({
    ...(await companiesFor(db, ctx, linking)),
    hasTag: await findTagLinks(db, 'contact', ctx.workspaceId, updatedIds, tagIds),
    hasLink: await findCompanyLinks(db, ctx.workspaceId, updatedIds),
  }))
  for (const f of fresh) f.company = ids.get(f.p) ?? null

  const links: LinkRow[] = []
  const tagLinks = new Map<string, string[]>()
  const addTag = (recordId: string, tagId: string) => {
    const list = tagLinks.get(tagId) ?? []
    list.push(recordId)
    tagLinks.set(tagId, list)
  }
  for (const f of fresh) {
    if (f.company)
      links.push({
        contactId: f.id,
        companyId: f.company.id,
        role: f.values.title,
        isPrimary: false,
      })
    for (const t of f.tagIds) addTag(f.id, t)
  }
  const updateOutcomes: Applied[] = []
  for (const u of updates) {
    const added = tagsOf(u.p.v).filter((t) => !hasTag.has(`${u.id}:${t}`))
    for (const t of added) {
      addTag(u.id, t)
      hasTag.add(`${u.id}:${t}`)
    }
    const company = ids.get(u.p) ?? null
    const linkAdded = company !== null && !hasLink.has(`${u.id}:${company.id}`)
    if (company && linkAdded) {
      links.push({ contactId: u.id, companyId: company.id, role: u.values.title, isPrimary: false })
      hasLink.add(`${u.id}:${company.id}`)
    }
    updateOutcomes.push({
      ...base(u.p, 'updated', u.id),
      companyId: company?.id ?? null,
      oldValues: u.old as unknown as Record<string, unknown>,
      addedTagIds: added,
      linkAdded,
      changes: diffFields(u.old, u.values, tracked),
    })
  }

  await sql`savepoint import_bulk`.execute(db)
  try {
    const rows = fresh.map((f) => f.json ?? contactRowJson(f.id, f.values, ctx.userId))
    await timed(ctx, 'insert', () => insertContactsJson(db, ctx.workspaceId, rows))
    await timed(ctx, 'writes', async () => {
      await insertCompanies(db, ctx.workspaceId, created, ctx.userId)
      for (const u of updates) await updateContactRow(db, ctx.workspaceId, u.id, u.values)
      await upsertLinks(db, ctx.workspaceId, links)
      for (const [tagId, recordIds] of tagLinks)
        await addTagLinks(db, 'contact', ctx.workspaceId, recordIds, [tagId])
    })
    await sql`release savepoint import_bulk`.execute(db)
  } catch {
    await sql`rollback to savepoint import_bulk`.execute(db)
    return {
      outcomes: outcomes.filter((o) => standing.has(o.rowNumber)),
      retry: rows.filter((r) => !standing.has(r.line)),
    }
  }
  // Later chunks find the contacts this one made (and a rolled-back chunk's are checked away).
  for (const f of fresh)
    ctx.keys?.add(
      kind === 'email'
        ? f.values.emails.map((e) => e.address)
        : f.values.phones.map((p) => p.number),
      f.id,
    )
  // A company is "created by" the first row that names it, so undo deletes it once.
  const claimed = new Set<string>()
  for (const f of fresh) {
    const isFirst = f.company?.isNew === true && !claimed.has(f.company.id)
    if (isFirst && f.company) claimed.add(f.company.id)
    outcomes.push({
      ...base(f.p, 'created', f.id),
      companyId: f.company?.id ?? null,
      companyCreated: isFirst,
    })
  }
  for (const o of updateOutcomes) {
    const isFirst = o.companyId !== null && created.some((c) => c.id === o.companyId)
    if (isFirst && o.companyId && !claimed.has(o.companyId)) {
      claimed.add(o.companyId)
      o.companyCreated = true
      // The contact existed before: its link to a company the import made goes with the company.
      o.linkAdded = false
    }
    outcomes.push(o)
  }
  return { outcomes, retry: [] }
}

function base(p: Prepared, outcome: NewOutcome['outcome'], recordId: string | null): Applied {
  return {
    rowNumber: p.line,
    raw: p.raw,
    outcome,
    objectType: recordId ? 'contact' : null,
    recordId,
    companyId: null,
    companyCreated: false,
    oldValues: null,
    error: null,
  }
}
