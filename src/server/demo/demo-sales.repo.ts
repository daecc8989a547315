import { sql } from 'kysely'
import type { Db } from '../db/client'

// Sales demo rows, like demo.repo.ts: one jsonb array per chunk, unpacked by jsonb_to_recordset.

type Rows = readonly Record<string, unknown>[]
const json = (rows: Rows) => JSON.stringify(rows)

export async function insertDemoPipelines(
  db: Db,
  workspaceId: string,
  pipelines: {
    id: string
    name: string
    stages: {
      id: string
      name: string
      probability: number
      rottingDays: number | null
      requiredFields: string[]
    }[]
  }[],
  criteria: {
    id: string
    pipelineId: string
    key: string
    name: string
    weight: number
    options: unknown
  }[],
  gates: { stageId: string; criterionId: string }[],
) {
  await sql`
    insert into pipelines (workspace_id, id, name, position)
    select ${workspaceId}::uuid, id, name, position
    from jsonb_to_recordset(${json(pipelines.map((p, position) => ({ id: p.id, name: p.name, position })))}::jsonb)
      as x(id uuid, name text, position int)`.execute(db)
  const stages = pipelines.flatMap((p) =>
    p.stages.map((s, position) => ({
      id: s.id,
      pipeline_id: p.id,
      name: s.name,
      position,
      probability: s.probability,
      rotting_days: s.rottingDays,
      required_fields: s.requiredFields,
    })),
  )
  await sql`
    insert into pipeline_stages (workspace_id, id, pipeline_id, name, position, probability,
      rotting_days, required_fields)
    select ${workspaceId}::uuid, id, pipeline_id, name, position, probability, rotting_days,
      array(select jsonb_array_elements_text(required_fields))
    from jsonb_to_recordset(${json(stages)}::jsonb) as x(id uuid, pipeline_id uuid, name text,
      position int, probability int, rotting_days int, required_fields jsonb)`.execute(db)
  if (criteria.length)
    await sql`
      insert into scorecard_criteria (workspace_id, id, pipeline_id, key, name, weight, options, position)
      select ${workspaceId}::uuid, id, pipeline_id, key, name, weight, options, position
      from jsonb_to_recordset(${json(
        criteria.map((c, position) => ({
          id: c.id,
          pipeline_id: c.pipelineId,
          key: c.key,
          name: c.name,
          weight: c.weight,
          options: c.options,
          position,
        })),
      )}::jsonb) as x(id uuid, pipeline_id uuid, key text, name text, weight int, options jsonb,
        position int)`.execute(db)
  if (gates.length)
    await sql`
      insert into stage_gate_criteria (workspace_id, stage_id, criterion_id)
      select ${workspaceId}::uuid, stage_id, criterion_id
      from jsonb_to_recordset(${json(gates.map((g) => ({ stage_id: g.stageId, criterion_id: g.criterionId })))}::jsonb)
        as x(stage_id uuid, criterion_id uuid)`.execute(db)
}

export async function insertDemoLostReasons(db: Db, workspaceId: string, rows: Rows) {
  await sql`
    insert into lost_reasons (workspace_id, id, name, position)
    select ${workspaceId}::uuid, id, name, position
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, name text, position int)`.execute(
    db,
  )
}

export async function insertDemoProducts(db: Db, workspaceId: string, rows: Rows) {
  await sql`
    insert into products (workspace_id, id, name, sku, unit, unit_price, currency, vat_rate)
    select ${workspaceId}::uuid, id, name, sku, unit, unit_price, 'EUR', vat_rate
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, name text, sku text, unit text,
      unit_price bigint, vat_rate numeric)`.execute(db)
}

export async function insertDemoDeals(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into deals (workspace_id, id, title, pipeline_id, stage_id, position, amount, currency,
      expected_close_date, probability, forecast_category, status, lost_reason_id, closed_at,
      owner_id, company_id, stage_entered_at, last_activity_at, search_text, created_by,
      created_at, updated_at)
    select ${workspaceId}::uuid, id, title, pipeline_id, stage_id, position, amount, currency,
      expected_close_date, probability, forecast_category, status, lost_reason_id, closed_at,
      owner_id, company_id, stage_entered_at, last_activity_at, search_text, created_by,
      created_at, updated_at
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, title text, pipeline_id uuid,
      stage_id uuid, position float8, amount bigint, currency text, expected_close_date date,
      probability int, forecast_category text, status text, lost_reason_id uuid,
      closed_at timestamptz, owner_id uuid, company_id uuid, stage_entered_at timestamptz,
      last_activity_at timestamptz, search_text text, created_by uuid, created_at timestamptz,
      updated_at timestamptz)`.execute(db)
}

export async function insertDemoDealContacts(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  // Two deals may pick the same contact twice (a second contact equal to the first): keep one.
  await sql`
    insert into deal_contacts (workspace_id, deal_id, contact_id, buying_role)
    select ${workspaceId}::uuid, deal_id, contact_id, buying_role
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(deal_id uuid, contact_id uuid, buying_role text)
    on conflict do nothing`.execute(db)
}

export async function insertDemoStays(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into deal_stage_history (workspace_id, id, deal_id, pipeline_id, stage_id, entered_at,
      left_at, entered_by, left_by)
    select ${workspaceId}::uuid, id, deal_id, pipeline_id, stage_id, entered_at, left_at,
      entered_by, left_by
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, deal_id uuid, pipeline_id uuid,
      stage_id uuid, entered_at timestamptz, left_at timestamptz, entered_by uuid,
      left_by uuid)`.execute(db)
}

export async function insertDemoLines(
  db: Db,
  workspaceId: string,
  table: 'deal_lines' | 'quote_lines',
  rows: Rows,
) {
  if (!rows.length) return
  const owner = sql.ref(table === 'deal_lines' ? 'deal_id' : 'quote_id')
  await sql`
    insert into ${sql.table(table)} (workspace_id, id, ${owner}, product_id, name, quantity,
      unit_price, discount_percent, vat_rate, position)
    select ${workspaceId}::uuid, id, owner_id, product_id, name, quantity, unit_price,
      discount_percent, vat_rate, position
    from jsonb_to_recordset(${json(
      rows.map((r) => ({ ...r, owner_id: table === 'deal_lines' ? r.deal_id : r.quote_id })),
    )}::jsonb) as x(id uuid, owner_id uuid, product_id uuid, name text, quantity numeric,
      unit_price bigint, discount_percent numeric, vat_rate numeric, position int)`.execute(db)
}

export async function insertDemoQuotes(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into quotes (workspace_id, id, deal_id, number, title, status, language, currency,
      valid_until, net_total, vat_total, gross_total, sent_at, decided_at, created_at, updated_at)
    select ${workspaceId}::uuid, id, deal_id, number, title, status, language, currency,
      valid_until, net_total, vat_total, gross_total, sent_at, decided_at, created_at, updated_at
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, deal_id uuid, number int,
      title text, status text, language text, currency text, valid_until date, net_total bigint,
      vat_total bigint, gross_total bigint, sent_at timestamptz, decided_at timestamptz,
      created_at timestamptz, updated_at timestamptz)`.execute(db)
}

/** The next quote made in the app continues after the demo's numbers. */
export async function setQuoteCounter(db: Db, workspaceId: string, value: number) {
  await sql`
    insert into sales_counters (workspace_id, name, value) values (${workspaceId}, 'quote', ${value})
    on conflict (workspace_id, name) do update set value = greatest(sales_counters.value, excluded.value)`.execute(
    db,
  )
}

export async function insertDemoQuotas(db: Db, workspaceId: string, rows: Rows) {
  if (!rows.length) return
  await sql`
    insert into quotas (workspace_id, id, user_id, period, period_start, amount, currency)
    select ${workspaceId}::uuid, id, user_id, 'month', period_start, amount, 'EUR'
    from jsonb_to_recordset(${json(rows)}::jsonb)
      as x(id uuid, user_id uuid, period_start date, amount bigint)
    on conflict do nothing`.execute(db)
}

export async function insertDemoActivityTargets(db: Db, workspaceId: string, userIds: string[]) {
  if (!userIds.length) return
  await sql`
    insert into activity_targets (workspace_id, user_id, calls, meetings, emails, new_deals)
    select ${workspaceId}::uuid, u, 25, 6, 30, 3 from unnest(${userIds}::uuid[]) as u
    on conflict do nothing`.execute(db)
}

/** The sales owners of a demo workspace: its sales reps, in the order the demo made them. */
export async function demoSalesReps(db: Db, workspaceId: string): Promise<string[]> {
  const r = await sql<{ user_id: string }>`
    select user_id from memberships where workspace_id = ${workspaceId} and role = 'sales'
    order by user_id`.execute(db)
  return r.rows.map((row) => row.user_id)
}

export async function countDemoDeals(db: Db, workspaceId: string): Promise<number> {
  const r = await sql<{
    n: number
  }>`select count(*)::int as n from deals where workspace_id = ${workspaceId}`.execute(db)
  return r.rows[0]?.n ?? 0
}

/** Statistics for the planner, and a visibility map so covering indexes answer alone. */
export async function vacuumSalesTables(db: Db) {
  await sql`vacuum analyze deals, deal_stage_history, deal_contacts, deal_lines, quotes, quote_lines`.execute(
    db,
  )
}
