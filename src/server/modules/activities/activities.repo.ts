import { sql, type RawBuilder, type Selectable } from 'kysely'
import type { Activity, ActivityType } from '../../../shared/activities.schema'
import type { CustomFieldType } from '../../../shared/custom-fields.schema'
import type { Db } from '../../db/client'
import { planCount, planPage } from '../../db/paged'
import type { ListSpec, PlannedList, Visibility } from '../../db/list-query'
import type { ActivitiesTable } from '../../db/schema'

type Row = Omit<Selectable<ActivitiesTable>, 'search_text'>

// What reads return: every column but search_text and the generated search_vector, which only
// searching reads and which are the widest columns of the table.
const readColumns = [
  'workspace_id',
  'id',
  'type',
  'subject',
  'body',
  'occurred_at',
  'due_at',
  'done_at',
  'duration_minutes',
  'assignee_id',
  'company_id',
  'contact_id',
  'custom',
  'created_by',
  'created_at',
  'updated_at',
  'deleted_at',
] as const
const aliasedColumns = [
  'a.workspace_id',
  'a.id',
  'a.type',
  'a.subject',
  'a.body',
  'a.occurred_at',
  'a.due_at',
  'a.done_at',
  'a.duration_minutes',
  'a.assignee_id',
  'a.company_id',
  'a.contact_id',
  'a.custom',
  'a.created_by',
  'a.created_at',
  'a.updated_at',
  'a.deleted_at',
] as const

export type ActivityValues = {
  type: ActivityType
  subject: string
  body: string | null
  occurredAt: string | null
  dueAt: string | null
  doneAt: string | null
  durationMinutes: number | null
  assigneeId: string | null
  companyId: string | null
  contactId: string | null
  custom: Record<string, unknown>
}

/** Who sees which activities: their assignee and creator, or the assignee's teammates. */
export type ActivityVisibility = Visibility & { actorId: string }

// Exported for the demo generator, which must fill search_text exactly as this repo does.
export function searchText(v: ActivityValues): string {
  return [v.subject, v.body?.slice(0, 2000)].filter(Boolean).join(' ').toLowerCase()
}

const date = (s: string | null) => (s === null ? null : new Date(s))

function toRow(workspaceId: string, id: string, v: ActivityValues, createdBy: string | null) {
  return {
    workspace_id: workspaceId,
    id,
    type: v.type,
    subject: v.subject,
    body: v.body,
    occurred_at: date(v.occurredAt),
    due_at: date(v.dueAt),
    done_at: date(v.doneAt),
    duration_minutes: v.durationMinutes,
    assignee_id: v.assigneeId,
    company_id: v.companyId,
    contact_id: v.contactId,
    custom: JSON.stringify(v.custom),
    search_text: searchText(v),
    created_by: createdBy,
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toActivity(r: Row): Activity {
  return {
    id: r.id,
    type: r.type as ActivityType,
    subject: r.subject,
    body: r.body,
    occurredAt: iso(r.occurred_at),
    dueAt: iso(r.due_at),
    done: r.done_at !== null,
    doneAt: iso(r.done_at),
    durationMinutes: r.duration_minutes,
    assigneeId: r.assignee_id,
    companyId: r.company_id,
    contactId: r.contact_id,
    custom: r.custom,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: iso(r.deleted_at),
  }
}

export function valuesOf(a: Activity): ActivityValues {
  return {
    type: a.type,
    subject: a.subject,
    body: a.body,
    occurredAt: a.occurredAt,
    dueAt: a.dueAt,
    doneAt: a.doneAt,
    durationMinutes: a.durationMinutes,
    assigneeId: a.assigneeId,
    companyId: a.companyId,
    contactId: a.contactId,
    custom: a.custom,
  }
}

// visibilityConditions takes one owner column; an activity is reachable through two.
function visibility(alias: string, vis: ActivityVisibility): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = []
  const col = (name: string) => sql.ref(`${alias}.${name}`)
  if (vis.ownerIds)
    out.push(
      sql`(${col('assignee_id')} = any(${vis.ownerIds}::uuid[]) or ${col('created_by')} = ${vis.actorId}::uuid)`,
    )
  if (vis.includeDeleted === 'only') out.push(sql`${col('deleted_at')} is not null`)
  else if (!vis.includeDeleted) out.push(sql`${col('deleted_at')} is null`)
  return out
}

export async function insertActivities(
  db: Db,
  workspaceId: string,
  records: { id: string; values: ActivityValues }[],
  createdBy: string | null,
): Promise<Activity[]> {
  const out: Row[] = []
  // 1,000 rows x 15 columns stays far below PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records
      .slice(i, i + 1000)
      .map((r) => toRow(workspaceId, r.id, r.values, createdBy))
    out.push(...(await db.insertInto('activities').values(chunk).returning(readColumns).execute()))
  }
  return out.map(toActivity)
}

export async function updateActivityRow(
  db: Db,
  workspaceId: string,
  id: string,
  v: ActivityValues,
): Promise<void> {
  const { workspace_id: _w, id: _id, created_by: _c, ...row } = toRow(workspaceId, id, v, null)
  await db
    .updateTable('activities')
    .set({ ...row, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute()
}

export async function findActivities(
  db: Db,
  workspaceId: string,
  ids: string[],
  vis: ActivityVisibility,
  forUpdate = false,
): Promise<Activity[]> {
  if (ids.length === 0) return []
  let q = db
    .selectFrom('activities as a')
    .select(aliasedColumns)
    .where('a.workspace_id', '=', workspaceId)
    .where('a.id', 'in', ids)
  for (const cond of visibility('a', vis)) q = q.where(cond as never)
  if (forUpdate) q = q.forUpdate()
  return (await q.execute()).map(toActivity)
}

const isOverdue = sql`(a.type = 'task' and a.done_at is null and a.due_at < now())`

export function activityListSpec(customTypes: ReadonlyMap<string, CustomFieldType>): ListSpec {
  const f = (col: string, type: ListSpec['fields'][string]['type'], isNotNull = false) => ({
    expr: sql.ref(`a.${col}`),
    type,
    isSortable: true,
    isNotNull,
  })
  return {
    idExpr: sql.ref('a.id'),
    customExpr: sql.ref('a.custom'),
    searchTextExpr: sql.ref('a.search_text'),
    searchVectorExpr: sql.ref('a.search_vector'),
    customTypes,
    defaultSort: '-updatedAt',
    fields: {
      id: f('id', 'uuid', true),
      type: f('type', 'text', true),
      subject: f('subject', 'text', true),
      occurredAt: f('occurred_at', 'timestamp'),
      dueAt: f('due_at', 'timestamp'),
      doneAt: f('done_at', 'timestamp'),
      done: { expr: sql`(a.done_at is not null)`, type: 'boolean', isNotNull: true },
      overdue: { expr: isOverdue, type: 'boolean', isNotNull: true },
      durationMinutes: f('duration_minutes', 'number'),
      assigneeId: f('assignee_id', 'uuid'),
      companyId: f('company_id', 'uuid'),
      contactId: f('contact_id', 'uuid'),
      createdBy: f('created_by', 'uuid'),
      createdAt: f('created_at', 'timestamp', true),
      updatedAt: f('updated_at', 'timestamp', true),
      deletedAt: f('deleted_at', 'timestamp'),
    },
  }
}

export async function listActivityRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: ActivityVisibility,
): Promise<{ data: Activity[]; nextCursor: string | null }> {
  const page = await planPage(db, plan, visibility('a', vis), (db) =>
    db
      .selectFrom('activities as a')
      .select(aliasedColumns)
      .where('a.workspace_id', '=', workspaceId),
  )
  return { data: page.rows.map(toActivity), nextCursor: page.nextCursor }
}

export function countActivityRows(
  db: Db,
  workspaceId: string,
  plan: PlannedList,
  vis: ActivityVisibility,
): Promise<number> {
  return planCount(db, plan, { name: 'activities', alias: 'a', workspaceId }, visibility('a', vis))
}

export async function setDeletedAt(
  db: Db,
  workspaceId: string,
  ids: string[],
  deletedAt: Date | null,
): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('activities')
    .set({ deleted_at: deletedAt, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute()
}

/**
 * The user's open tasks and coming meetings. "Today" ends at midnight in the workspace's time
 * zone, so a task due at 23:30 Helsinki time is due today even when UTC has turned the day.
 */
export async function findMyDayRows(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<{ overdue: Activity[]; dueToday: Activity[]; upcomingMeetings: Activity[] }> {
  const endOfToday = sql`(
    (date_trunc('day', now() at time zone w.time_zone) + interval '1 day') at time zone w.time_zone
  )`
  const result = await sql<Row & { bucket: 'overdue' | 'dueToday' | 'upcomingMeetings' }>`
    select ${sql.join(aliasedColumns.map((c) => sql.ref(c)))}, case
        when a.type = 'meeting' then 'upcomingMeetings'
        when a.due_at < now() then 'overdue'
        else 'dueToday' end as bucket
    from activities a join workspaces w on w.id = a.workspace_id
    where a.workspace_id = ${workspaceId} and a.assignee_id = ${userId} and a.deleted_at is null
      and (
        (a.type = 'task' and a.done_at is null and a.due_at < ${endOfToday})
        or (a.type = 'meeting' and a.occurred_at >= now() and a.occurred_at < now() + interval '7 days')
      )
    order by coalesce(a.due_at, a.occurred_at), a.id
    limit 1000`.execute(db)
  const out = {
    overdue: [] as Activity[],
    dueToday: [] as Activity[],
    upcomingMeetings: [] as Activity[],
  }
  for (const r of result.rows) out[r.bucket].push(toActivity(r))
  return out
}
