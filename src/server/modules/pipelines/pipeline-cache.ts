import type { Pipeline } from '../../../shared/pipelines.schema'
import type { Db } from '../../db/client'
import { findPipelines, pipelineVersion } from './pipelines.repo'

// Every board, move and new deal needs its pipeline's stages, gates and scorecard: three
// queries that change only when an admin edits the pipeline. They are kept per pipeline for a
// few seconds; a change in this process forgets them at once. Another instance may show a board
// with the old stages for up to the TTL, but a move never acts on an old structure: it writes
// only while the pipeline row still has the cached `version` (see deals.repo moveDealRow).
const ttlMs = 5_000
export type VersionedPipeline = { pipeline: Pipeline; version: string }
const cache = new Map<
  string,
  { value: Promise<VersionedPipeline | undefined>; expiresAt: number }
>()

async function load(db: Db, workspaceId: string, id: string) {
  const version = await pipelineVersion(db, workspaceId, id)
  if (version === undefined) return undefined
  const [pipeline] = await findPipelines(db, workspaceId, [id])
  return pipeline && { pipeline, version }
}

export function cachedPipeline(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<VersionedPipeline | undefined> {
  const key = `${workspaceId}:${id}`
  const hit = cache.get(key)
  if (hit && hit.expiresAt > Date.now()) return hit.value
  if (cache.size > 10_000) cache.clear()
  const value = load(db, workspaceId, id)
  cache.set(key, { value, expiresAt: Date.now() + ttlMs })
  value.catch(() => cache.delete(key))
  return value
}

/** Forgets a workspace's pipelines: call before and after a transaction that changes one. */
export function forgetPipelines(workspaceId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${workspaceId}:`)) cache.delete(key)
}
