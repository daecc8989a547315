import type { CustomField, CustomFieldObject } from '../../../shared/custom-fields.schema'
import type { Db } from '../../db/client'
import { listCustomFieldDefinitions } from './custom-fields.repo'

// Every list, create and update of a record validates against its object's custom field
// definitions, which change rarely. They are kept per workspace for a few seconds; a change in
// this process forgets them at once, another instance sees it within the TTL.
const ttlMs = 5_000
const cache = new Map<string, { defs: Promise<CustomField[]>; expiresAt: number }>()

export function customFieldDefinitions(
  db: Db,
  workspaceId: string,
  objectType: CustomFieldObject,
): Promise<CustomField[]> {
  const key = `${workspaceId}:${objectType}`
  const hit = cache.get(key)
  if (hit && hit.expiresAt > Date.now()) return hit.defs
  if (cache.size > 10_000) cache.clear()
  const defs = listCustomFieldDefinitions(db, workspaceId, objectType)
  cache.set(key, { defs, expiresAt: Date.now() + ttlMs })
  defs.catch(() => cache.delete(key))
  return defs
}

export function forgetCustomFieldDefinitions(workspaceId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${workspaceId}:`)) cache.delete(key)
}
