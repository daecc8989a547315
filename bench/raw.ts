import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { newId } from '../src/server/lib/ids'
import type { Prepared } from './prepare'
import { salesConnections } from './scenarios'

// The same work sent straight through the driver: the floor that the API overhead is measured from.
type RawResult = { perSec: number; p50: number }

async function measure(
  fn: (i: number) => Promise<unknown>,
  opts: { duration: number; concurrency: number; perCall?: number },
): Promise<RawResult> {
  const latencies: number[] = []
  const end = performance.now() + opts.duration * 1000
  let i = 0
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now()
      await fn(i++)
      latencies.push(performance.now() - t0)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: opts.concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    perSec: latencies.length / seconds,
    p50: Math.round((latencies[Math.floor(latencies.length / 2)] ?? 0) * 100) / 100,
  }
}

export async function rawBaselines(
  p: Prepared,
  wanted: string[],
  opts: { duration: number; concurrency: number },
): Promise<Record<string, RawResult>> {
  const db = p.handle.db
  const ws = p.sample.workspaceId
  const ids = p.sample.contactIds
  const names = p.sample.lastNames
  const out: Record<string, RawResult> = {}
  const run = async (
    name: string,
    fn: (i: number) => Promise<unknown>,
    concurrency = opts.concurrency,
  ) => {
    if (!wanted.includes(name)) return
    await measure(fn, { duration: 2, concurrency })
    out[name] = await measure(fn, { duration: opts.duration, concurrency })
    console.log(`raw ${name}: ${Math.round(out[name]!.perSec)} /s p50 ${out[name]!.p50} ms`)
  }
  await run('get', (i) =>
    sql`select * from contacts where workspace_id = ${ws} and id = ${ids[i % ids.length]!}`.execute(
      db,
    ),
  )
  await run('list', () =>
    sql`select * from contacts where workspace_id = ${ws} and deleted_at is null and lifecycle_stage = 'customer' order by last_name, id limit 51`.execute(
      db,
    ),
  )
  await run('search', (i) =>
    sql`select id, first_name, last_name from contacts where workspace_id = ${ws} and deleted_at is null and ${names[i % names.length]!.toLowerCase()} <% search_text limit 10`.execute(
      db,
    ),
  )
  await run('create', (i) =>
    sql`insert into contacts (workspace_id, id, first_name, last_name, emails, phones, search_text)
        values (${ws}, ${newId()}, 'Raw', ${'Testaaja ' + i}, '[]', '[]', ${'raw testaaja ' + i})`.execute(
      db,
    ),
  )
  await run(
    'bulk',
    async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        workspace_id: ws,
        id: newId(),
        first_name: 'Raw',
        last_name: `Bulk ${i}`,
        emails: '[]',
        phones: '[]',
        search_text: `raw bulk ${i}`,
      }))
      await db.insertInto('contacts').values(rows).execute()
    },
    4,
  )
  const pipelineId = p.sample.pipelineId
  const salesRun = (name: string, fn: (i: number) => Promise<unknown>) =>
    run(name, fn, salesConnections)
  // The board: column totals and the first 50 cards of each column, the two queries in parallel.
  await salesRun('board', () =>
    Promise.all([
      sql`select d.stage_id, count(*), sum(d.amount),
            round(sum(d.amount * coalesce(d.probability, s.probability) / 100.0))
          from deals d join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
          where d.workspace_id = ${ws} and d.pipeline_id = ${pipelineId} and d.status = 'open'
            and d.deleted_at is null
          group by d.stage_id`.execute(db),
      sql`select s.id, c.* from pipeline_stages s cross join lateral (
            select d.id, d.title, d.amount, d.currency, d.position, co.name from deals d
            left join companies co on co.workspace_id = d.workspace_id and co.id = d.company_id
            where d.workspace_id = ${ws} and d.stage_id = s.id and d.status = 'open'
              and d.deleted_at is null
            order by d.position, d.id limit 51) c
          where s.workspace_id = ${ws} and s.pipeline_id = ${pipelineId}`.execute(db),
    ]),
  )
  // The forecast: won deals by close month, open ones by expected close month, per owner.
  const from = new Date()
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1))
  const end = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 6, 1))
  const [s0, s1] = [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)]
  await salesRun('forecast', () =>
    sql`select date_trunc('month', coalesce(d.closed_at::date, d.expected_close_date)) as m,
          d.owner_id, sum(d.amount), round(sum(d.amount * coalesce(d.probability, s.probability) / 100.0))
        from deals d join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
        where d.workspace_id = ${ws} and d.deleted_at is null
          and ((d.status = 'won' and d.closed_at >= ${s0}::date and d.closed_at < ${s1}::date)
            or (d.status = 'open' and d.expected_close_date >= ${s0}::date
              and d.expected_close_date < ${s1}::date))
        group by 1, 2`.execute(db),
  )
  // The move at its floor: one statement that updates the deal, closes its stay and opens the
  // next (the close first, so the one-open-stay index holds).
  const [a, b] = p.sample.moveStageIds
  const stageOf = new Map(p.sample.deals.map((d) => [d.id, d.stageId]))
  await salesRun('move', (i) => {
    const deal = p.sample.deals[i % p.sample.deals.length]!
    const to = stageOf.get(deal.id) === a ? b : a
    stageOf.set(deal.id, to)
    return sql`
      with d as (
        update deals set stage_id = ${to}, stage_entered_at = now(), updated_at = now(),
          position = (select coalesce(max(position), 0) + 1 from deals where workspace_id = ${ws}
            and stage_id = ${to} and status = 'open' and deleted_at is null)
        where workspace_id = ${ws} and id = ${deal.id} returning id, pipeline_id),
      c as (
        update deal_stage_history set left_at = now()
        where workspace_id = ${ws} and deal_id = ${deal.id} and left_at is null returning 1)
      insert into deal_stage_history (workspace_id, id, deal_id, pipeline_id, stage_id, entered_at)
      select ${ws}, ${newId()}, d.id, d.pipeline_id, ${to}, now()
      from d cross join (select count(*) from c) closed`.execute(db)
  })
  return out
}

/** Removes what the write benchmarks added, so every run searches and lists the same data. */
export async function removeBenchWrites(p: Prepared): Promise<void> {
  await sql`delete from contacts where workspace_id = ${p.sample.workspaceId} and first_name in ('Raw', 'Bench')`.execute(
    p.handle.db,
  )
  await sql`vacuum analyze contacts`.execute(p.handle.db)
}
