import type { Db } from '../../db/client'
import { listAssignmentRules, setLastAssigned, teamMemberIds } from './lead-rules.repo'

type Subject = { region: string | null; industry: string | null }

/**
 * The first rule that matches picks the owner: a territory rule matches its region or industry
 * (any case), a round-robin rule matches every lead. A rule names a user, or a team whose
 * members take turns in a fixed order after the last one assigned.
 */
export async function assignOwner(
  db: Db,
  workspaceId: string,
  lead: Subject,
): Promise<{ ownerId: string; teamId: string | null } | null> {
  const rules = await listAssignmentRules(db, workspaceId, true)
  for (const rule of rules) {
    if (rule.kind === 'territory') {
      const value = rule.matchField ? lead[rule.matchField] : null
      if (!value || value.trim().toLowerCase() !== (rule.matchValue ?? '').trim().toLowerCase())
        continue
    }
    if (rule.userId) return { ownerId: rule.userId, teamId: rule.teamId ?? null }
    if (!rule.teamId) continue
    const members = await teamMemberIds(db, workspaceId, rule.teamId)
    if (members.length === 0) continue
    const next =
      members.find((m) => rule.lastAssignedUserId !== null && m > rule.lastAssignedUserId) ??
      members[0]
    if (!next) continue
    await setLastAssigned(db, workspaceId, rule.id, next)
    return { ownerId: next, teamId: rule.teamId }
  }
  return null
}
