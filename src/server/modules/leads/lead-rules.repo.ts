import type { AssignmentRule, ScoringRule } from '../../../shared/leads.schema'
import type { Db } from '../../db/client'
import { newId } from '../../lib/ids'

export async function listScoringRules(db: Db, workspaceId: string): Promise<ScoringRule[]> {
  const rows = await db
    .selectFrom('lead_scoring_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) =>
    r.kind === 'fit'
      ? ({ kind: 'fit', field: r.field, value: r.value ?? '', points: r.points } as ScoringRule)
      : ({
          kind: 'engagement',
          field: r.field,
          points: r.points,
          maxPoints: r.max_points,
        } as ScoringRule),
  )
}

export async function replaceScoringRules(db: Db, workspaceId: string, rules: ScoringRule[]) {
  await db.deleteFrom('lead_scoring_rules').where('workspace_id', '=', workspaceId).execute()
  if (rules.length === 0) return
  await db
    .insertInto('lead_scoring_rules')
    .values(
      rules.map((r) => ({
        workspace_id: workspaceId,
        id: newId(),
        kind: r.kind,
        field: r.field,
        value: r.kind === 'fit' ? r.value : null,
        points: r.points,
        max_points: r.kind === 'engagement' ? (r.maxPoints ?? null) : null,
      })),
    )
    .execute()
}

export type StoredAssignmentRule = AssignmentRule & {
  id: string
  lastAssignedUserId: string | null
}

export async function listAssignmentRules(
  db: Db,
  workspaceId: string,
  forUpdate = false,
): Promise<StoredAssignmentRule[]> {
  let q = db
    .selectFrom('lead_assignment_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
  // Locking the rules serialises round robin: two leads at once get different reps.
  if (forUpdate) q = q.forUpdate()
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as AssignmentRule['kind'],
    matchField: r.match_field as AssignmentRule['matchField'],
    matchValue: r.match_value,
    teamId: r.team_id,
    userId: r.user_id,
    lastAssignedUserId: r.last_assigned_user_id,
  }))
}

export async function replaceAssignmentRules(db: Db, workspaceId: string, rules: AssignmentRule[]) {
  await db.deleteFrom('lead_assignment_rules').where('workspace_id', '=', workspaceId).execute()
  if (rules.length === 0) return
  await db
    .insertInto('lead_assignment_rules')
    .values(
      rules.map((r, position) => ({
        workspace_id: workspaceId,
        id: newId(),
        position,
        kind: r.kind,
        match_field: r.matchField ?? null,
        match_value: r.matchValue ?? null,
        team_id: r.teamId ?? null,
        user_id: r.userId ?? null,
      })),
    )
    .execute()
}

export async function setLastAssigned(db: Db, workspaceId: string, ruleId: string, userId: string) {
  await db
    .updateTable('lead_assignment_rules')
    .set({ last_assigned_user_id: userId })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', ruleId)
    .execute()
}

export async function teamMemberIds(
  db: Db,
  workspaceId: string,
  teamId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .orderBy('user_id')
    .execute()
  return rows.map((r) => r.user_id)
}
