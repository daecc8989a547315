import { sql } from 'kysely'
import type { Db } from '../../db/client'

/** Contacts whose latest consent event for each purpose is a grant. */
export async function countSubjectsByPurpose(db: Db, workspaceId: string) {
  const r = await sql<{ purpose_id: string; n: number }>`
    select purpose_id, count(*)::int as n from (
      select distinct on (contact_id, purpose_id) contact_id, purpose_id, status
      from consent_events where workspace_id = ${workspaceId} and status <> 'pending'
      order by contact_id, purpose_id, occurred_at desc, created_at desc) latest
    where status = 'granted' group by purpose_id`.execute(db)
  return new Map(r.rows.map((row) => [row.purpose_id, row.n]))
}
