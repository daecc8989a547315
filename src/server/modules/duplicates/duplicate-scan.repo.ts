import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'

// The SQL of the duplicate scan. Each step is one set-based statement: a blocking query yields
// candidate pairs (records sharing a normalised email, phone, business ID or domain, or a name
// key inside a small block), the pairs are scored on every signal at once and upserted into
// duplicate_candidates. Nothing compares every record with every other: the blocks are hash
// aggregates and joins over the workspace, and trigram similarity is computed only for the
// pairs a block produced. The weights are explained in docs/duplicates.md.

export type ScanTarget = {
  workspaceId: string
  scanId: string
  /** Only pairs with this record (the "duplicates of this record" scan). */
  focusId: string | null
}

/** Pairs scoring below this are not worth a person's time and are not stored. */
export const minStoredScore = 50
/** A key shared by more records than this is a shared mailbox or switchboard, not a person. */
const maxBlock = 20
/** An exact full name alone suggests a duplicate only when few people have it. */
const maxNameBlock = 5

const contactName = (alias: string) =>
  sql`lower(unaccent(concat_ws(' ', ${sql.ref(`${alias}.first_name`)}, ${sql.ref(`${alias}.last_name`)})))`

/** Company name without legal form, punctuation or accents: "Virtanen & Co Oy" → "virtanen". */
const companyKey = (alias: string) =>
  sql`trim(regexp_replace(regexp_replace(lower(unaccent(${sql.ref(`${alias}.name`)})),
    '\\m(oy|oyj|ab|abp|ky|tmi|ay|ry|osk|ltd|inc|gmbh|llc|co|corp|as|aps)\\M', ' ', 'g'),
    '[^a-z0-9]+', ' ', 'g'))`

/**
 * Every pair inside each block of `keys` (id, k) that has 2..max members. The blocks are found
 * with a count per key only (an array per key would cost memory for every one of a million
 * singletons), then their members are joined back.
 */
function blockPairs(keys: RawBuilder<unknown>, max: number): RawBuilder<unknown> {
  return sql`
    with keys as materialized (select id, k from (${keys}) x where k is not null),
    blocks as (select k from keys group by k having count(*) between 2 and ${max}),
    members as (select keys.id, keys.k from keys join blocks on blocks.k = keys.k)
    select a.id as a, b.id as b from members a join members b on b.k = a.k and b.id > a.id`
}

/**
 * The values of a jsonb list column as keys, e.g. every email address: the first entry for
 * every row (cheap), the others only for the rows that have more than one.
 */
function listKeys(ws: string, column: 'emails' | 'phones', field: string): RawBuilder<unknown> {
  const col = sql.ref(`c.${column}`)
  const key = (v: RawBuilder<unknown>) =>
    column === 'emails' ? sql`hashtext(lower(${v}->>${field}))` : sql`hashtext(${v}->>${field})`
  return sql`
    select c.id, ${key(sql`${col}->0`)} as k from contacts c where ${liveContacts(ws)}
    union all
    select c.id, ${key(sql`x.v`)} from contacts c
      cross join lateral jsonb_array_elements(${col}) with ordinality x(v, n)
      where ${liveContacts(ws)} and jsonb_array_length(${col}) > 1 and x.n > 1`
}

function distinctPairs(t: ScanTarget, pairs: RawBuilder<unknown>): RawBuilder<unknown> {
  const focus = t.focusId ? sql`and (q.a = ${t.focusId}::uuid or q.b = ${t.focusId}::uuid)` : sql``
  return sql`select distinct least(q.a, q.b) as a, greatest(q.a, q.b) as b
    from (${pairs}) q where q.a <> q.b ${focus}`
}

/** Inserts new pairs and refreshes open ones; dismissed and merged pairs stay as decided. */
function upsert(t: ScanTarget, objectType: string, scored: RawBuilder<unknown>) {
  return sql`
    insert into duplicate_candidates
      (workspace_id, id, object_type, record_a, record_b, score, reasons, scan_id, found_at)
    select ${t.workspaceId}::uuid, gen_random_uuid(), ${objectType}, s.a, s.b, s.score, s.reasons,
      ${t.scanId}::uuid, now()
    from (${scored}) s
    where s.score >= ${minStoredScore}
    on conflict (workspace_id, object_type, record_a, record_b) do update
      set score = excluded.score, reasons = excluded.reasons, scan_id = excluded.scan_id,
        found_at = excluded.found_at
      where duplicate_candidates.status = 'open'`
}

const reasonsOf = (parts: RawBuilder<unknown>[]) =>
  sql`(select coalesce(jsonb_agg(r), '[]'::jsonb)
    from (values ${sql.join(
      parts.map((p) => sql`(${p})`),
      sql`, `,
    )}) v(r) where r is not null)`

function scoreContactPairs(t: ScanTarget, pairs: RawBuilder<unknown>): RawBuilder<unknown> {
  const ws = t.workspaceId
  const fold = (v: RawBuilder<unknown>) => sql`lower(unaccent(coalesce(${v}, '')))`
  return sql`
    select p.a, p.b,
      round(100 * w.raw * (case when s.differs then 0.6 else 1 end))::smallint as score,
      ${reasonsOf([
        sql`case when s.email then jsonb_build_object('signal', 'email') end`,
        sql`case when s.phone then jsonb_build_object('signal', 'phone') end`,
        sql`case when not s.differs and s.name >= 0.5 then jsonb_build_object('signal', 'name', 'similarity', round(s.name::numeric, 2)) end`,
        sql`case when s.company_id is not null then jsonb_build_object('signal', 'company', 'companyId', s.company_id) end`,
        sql`case when s.city then jsonb_build_object('signal', 'city') end`,
        sql`case when s.differs then jsonb_build_object('signal', 'differentNames', 'similarity', round(s.name::numeric, 2)) end`,
      ])} as reasons
    from (${distinctPairs(t, pairs)}) p
    join contacts ca on ca.workspace_id = ${ws} and ca.id = p.a and ca.deleted_at is null
    join contacts cb on cb.workspace_id = ${ws} and cb.id = p.b and cb.deleted_at is null
    cross join lateral (select ${fold(sql`ca.first_name`)} as fa, ${fold(sql`cb.first_name`)} as fb,
      ${fold(sql`cb.last_name`)} as lb,
      case when concat(ca.first_name, ca.last_name) <> '' and concat(cb.first_name, cb.last_name) <> ''
        then similarity(${contactName('ca')}, ${contactName('cb')}) end as name
    ) n
    cross join lateral (select
      exists (select 1 from jsonb_array_elements(ca.emails) x
        join jsonb_array_elements(cb.emails) y on lower(x->>'address') = lower(y->>'address')) as email,
      exists (select 1 from jsonb_array_elements(ca.phones) x
        join jsonb_array_elements(cb.phones) y on x->>'number' = y->>'number') as phone,
      n.name,
      -- Different people: names far apart, or the same surname with another first name (a
      -- family sharing a mailbox) unless the first and last names were swapped.
      coalesce(n.name < 0.5 or (length(n.fa) > 1 and length(n.fb) > 1
        and similarity(n.fa, n.fb) < 0.3 and similarity(n.fa, n.lb) < 0.5), false) as differs,
      (select x.company_id from contact_companies x
        join contact_companies y on y.workspace_id = x.workspace_id and y.company_id = x.company_id
          and y.contact_id = cb.id
        where x.workspace_id = ${ws} and x.contact_id = ca.id limit 1) as company_id,
      coalesce(nullif(lower(trim(ca.address->>'city')), '') = lower(trim(cb.address->>'city')), false)
        as city
    ) s
    cross join lateral (select 1
      - (1 - case when s.email then 0.9 else 0 end)
      * (1 - case when s.phone then 0.7 else 0 end)
      * (1 - case when s.differs then 0 else least(0.6, greatest(0, (coalesce(s.name, 0) - 0.5) * 1.2)) end)
      * (1 - case when s.company_id is not null then 0.3 else 0 end)
      * (1 - case when s.city then 0.15 else 0 end) as raw
    ) w`
}

function scoreCompanyPairs(t: ScanTarget, pairs: RawBuilder<unknown>): RawBuilder<unknown> {
  const ws = t.workspaceId
  return sql`
    select p.a, p.b,
      round(100 * w.raw)::smallint as score,
      ${reasonsOf([
        sql`case when s.business_id then jsonb_build_object('signal', 'businessId') end`,
        sql`case when s.domain then jsonb_build_object('signal', 'domain') end`,
        sql`case when s.name >= 0.5 then jsonb_build_object('signal', 'name', 'similarity', round(s.name::numeric, 2)) end`,
        sql`case when s.city then jsonb_build_object('signal', 'city') end`,
      ])} as reasons
    from (${distinctPairs(t, pairs)}) p
    join companies ca on ca.workspace_id = ${ws} and ca.id = p.a and ca.deleted_at is null
    join companies cb on cb.workspace_id = ${ws} and cb.id = p.b and cb.deleted_at is null
      -- Two business IDs that differ are two legal entities, whatever their names say.
      and (ca.business_id is null or cb.business_id is null or ca.business_id = cb.business_id)
    cross join lateral (select
      coalesce(ca.business_id = cb.business_id, false) as business_id,
      coalesce(ca.domain = cb.domain, false) as domain,
      similarity(${companyKey('ca')}, ${companyKey('cb')}) as name,
      exists (select 1 from jsonb_array_elements(ca.addresses) x
        join jsonb_array_elements(cb.addresses) y
          on nullif(lower(trim(x->>'city')), '') = lower(trim(y->>'city'))) as city
    ) s
    cross join lateral (select 1
      - (1 - case when s.business_id then 0.95 else 0 end)
      * (1 - case when s.domain then 0.8 else 0 end)
      * (1 - least(0.75, greatest(0, (s.name - 0.5) * 1.5)))
      * (1 - case when s.city then 0.15 else 0 end) as raw
    ) w`
}

const liveContacts = (ws: string) => sql`c.workspace_id = ${ws} and c.deleted_at is null`
const liveCompanies = (ws: string) =>
  sql`from companies c where c.workspace_id = ${ws} and c.deleted_at is null`

/** Blocks of contacts: the pairs each scan step scores. */
function contactBlocks(ws: string): Record<string, RawBuilder<unknown>> {
  return {
    // Keys are hashes: a rare collision only adds a pair that the scoring then finds unrelated.
    email: blockPairs(listKeys(ws, 'emails', 'address'), maxBlock),
    phone: blockPairs(listKeys(ws, 'phones', 'number'), maxBlock),
    // People at the same company with the same first or last name and a similar full name:
    // the typo ("Mati Virtanen") or the swapped name that no exact key would catch.
    company: sql`
      with n as materialized (
        select cc.company_id, c.id, lower(unaccent(coalesce(c.first_name, ''))) as f,
          lower(unaccent(coalesce(c.last_name, ''))) as l
        from contact_companies cc
        join contacts c on c.workspace_id = cc.workspace_id and c.id = cc.contact_id
        where cc.workspace_id = ${ws} and c.deleted_at is null
      ),
      bf as (select company_id, f from n where f <> '' group by 1, 2 having count(*) between 2 and 50),
      bl as (select company_id, l from n where l <> '' group by 1, 2 having count(*) between 2 and 50),
      mf as (select n.* from n join bf using (company_id, f)),
      ml as (select n.* from n join bl using (company_id, l))
      select a.id as a, b.id as b from mf a
        join mf b on b.company_id = a.company_id and b.f = a.f and b.id > a.id
        where similarity(a.f || ' ' || a.l, b.f || ' ' || b.l) >= 0.7
      union all
      select a.id, b.id from ml a
        join ml b on b.company_id = a.company_id and b.l = a.l and b.id > a.id and b.f <> a.f
        where similarity(a.f || ' ' || a.l, b.f || ' ' || b.l) >= 0.7`,
    name: blockPairs(
      sql`select c.id, hashtext(${contactName('c')}) as k from contacts c
        where ${liveContacts(ws)} and c.first_name <> '' and c.last_name <> ''`,
      maxNameBlock,
    ),
  }
}

/** Sorted neighbourhood: each company name key against the next four in `order`. */
function nameNeighbours(order: RawBuilder<unknown>): RawBuilder<unknown> {
  const next = [1, 2, 3, 4]
  return sql`
    select s.id as a, u.id as b from (
      select k.id,
        array[${sql.join(next.map((i) => sql`lead(k.id, ${sql.lit(i)}) over w`))}] as ids,
        array[${sql.join(next.map((i) => sql`lead(k.key, ${sql.lit(i)}) over w`))}] as keys,
        k.key
      from keys k
      window w as (order by ${order}, k.id)
    ) s, unnest(s.ids, s.keys) u(id, key)
    where u.id is not null and u.key <> s.key and similarity(s.key, u.key) >= 0.6`
}

function companyBlocks(ws: string): Record<string, RawBuilder<unknown>> {
  return {
    businessId: blockPairs(
      sql`select c.id, c.business_id as k ${liveCompanies(ws)} and c.business_id is not null`,
      maxBlock,
    ),
    domain: blockPairs(
      sql`select c.id, c.domain as k ${liveCompanies(ws)} and c.domain is not null`,
      maxBlock,
    ),
    // The same name once the legal form is gone, or a close one next to it in sorted order
    // (forwards, and backwards to catch a typo in the first letters).
    name: sql`
      with keys as materialized (
        select id, key from (select c.id, ${companyKey('c')} as key ${liveCompanies(ws)}) x
        where key <> ''),
      blocks as (select key from keys group by key having count(*) between 2 and ${maxBlock}),
      members as (select keys.* from keys join blocks using (key))
      select a.id as a, b.id as b from members a join members b on b.key = a.key and b.id > a.id
      union all (${nameNeighbours(sql`k.key`)})
      union all (${nameNeighbours(sql`reverse(k.key)`)})`,
  }
}

export const scanSteps = {
  contact: ['email', 'phone', 'company', 'name'],
  company: ['businessId', 'domain', 'name'],
} as const
export type ScanObject = keyof typeof scanSteps

/** Runs one blocking step and stores its scored pairs; returns how many it wrote. */
export async function runScanStep(
  db: Db,
  t: ScanTarget,
  objectType: ScanObject,
  step: string,
): Promise<number> {
  const blocks =
    objectType === 'contact' ? contactBlocks(t.workspaceId) : companyBlocks(t.workspaceId)
  const pairs = blocks[step]
  if (!pairs) throw new Error(`unknown scan step ${objectType}:${step}`)
  const scored =
    objectType === 'contact' ? scoreContactPairs(t, pairs) : scoreCompanyPairs(t, pairs)
  return db.transaction().execute(async (trx) => {
    // Hash aggregates over a whole workspace want more memory than a request does.
    await sql`set local work_mem = '256MB'`.execute(trx)
    // Compiling these one-off statements costs more than it saves.
    await sql`set local jit = off`.execute(trx)
    const r = await upsert(t, objectType, scored).execute(trx)
    return Number(r.numAffectedRows ?? 0)
  })
}

/** Drops the open pairs this scan no longer found: a record changed or went away. */
export async function removeStalePairs(
  db: Db,
  t: ScanTarget,
  objectType: ScanObject,
): Promise<void> {
  let q = db
    .deleteFrom('duplicate_candidates')
    .where('workspace_id', '=', t.workspaceId)
    .where('object_type', '=', objectType)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('scan_id', 'is', null), eb('scan_id', '<>', t.scanId)]))
  if (t.focusId) {
    const focus = t.focusId
    q = q.where((eb) => eb.or([eb('record_a', '=', focus), eb('record_b', '=', focus)]))
  }
  await q.execute()
}

export async function countOpenPairs(
  db: Db,
  workspaceId: string,
  objectTypes: ScanObject[],
): Promise<number> {
  const r = await db
    .selectFrom('duplicate_candidates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('object_type', 'in', objectTypes)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}
