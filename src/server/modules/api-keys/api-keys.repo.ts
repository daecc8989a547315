import type { Selectable } from 'kysely'
import type { ApiKey } from '../../../shared/api-keys.schema'
import type { Db } from '../../db/client'
import type { ApiKeysTable } from '../../db/schema'

type Row = Selectable<ApiKeysTable>

// Only these columns ever leave the repo: the key hash stays in the database.
const listed = [
  'id',
  'name',
  'prefix',
  'scopes',
  'created_by',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
] as const

function toApiKey(r: Omit<Row, 'workspace_id' | 'key_hash'>): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }
}

export async function listApiKeyRows(db: Db, workspaceId: string): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(listed)
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toApiKey)
}

export async function findApiKey(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ApiKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(listed)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  return row ? toApiKey(row) : undefined
}

export async function insertApiKey(
  db: Db,
  k: {
    workspaceId: string
    id: string
    name: string
    prefix: string
    hash: string
    scopes: string[]
    createdBy: string
    expiresAt: Date | null
  },
): Promise<ApiKey> {
  const row = await db
    .insertInto('api_keys')
    .values({
      workspace_id: k.workspaceId,
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      key_hash: k.hash,
      scopes: k.scopes,
      created_by: k.createdBy,
      expires_at: k.expiresAt,
    })
    .returning(listed)
    .executeTakeFirstOrThrow()
  return toApiKey(row)
}

export async function setRevokedAt(db: Db, workspaceId: string, id: string, at: Date) {
  const row = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning(listed)
    .executeTakeFirstOrThrow()
  return toApiKey(row)
}
