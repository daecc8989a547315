import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { projectPath } from '../platform/project-paths'
import type { Db } from './client'

const migrationsDir = projectPath('src/server/db/migrations')

export type Migration = { id: string; sql: string; checksum: string }

export class MigrationChangedError extends Error {}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8')
      const checksum = createHash('sha256').update(text).digest('hex')
      return { id: file.replace(/\.sql$/, ''), sql: text, checksum }
    }),
  )
}

export async function pendingMigrations(db: Db, all?: Migration[]): Promise<Migration[]> {
  const migrations = all ?? (await readMigrations())
  await sql`create table if not exists schema_migrations (
    id text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(
    db,
  )
  const applied = await sql<{
    id: string
    checksum: string
  }>`select id, checksum from schema_migrations`.execute(db)
  const byId = new Map(applied.rows.map((r) => [r.id, r.checksum]))
  for (const m of migrations) {
    const checksum = byId.get(m.id)
    // A committed migration is never rewritten: a changed one means the schema is unknown.
    if (checksum && checksum !== m.checksum) {
      throw new MigrationChangedError(
        `Migration ${m.id} was changed after it was applied. Restore the original file; add a new migration instead.`,
      )
    }
  }
  return migrations.filter((m) => !byId.has(m.id))
}

/** Applies each pending migration in its own transaction and records its checksum. */
export async function migrate(db: Db, pending?: Migration[]): Promise<string[]> {
  const todo = pending ?? (await pendingMigrations(db))
  for (const m of todo) {
    await db.transaction().execute(async (trx) => {
      await sql.raw(m.sql).execute(trx)
      await sql`insert into schema_migrations (id, checksum) values (${m.id}, ${m.checksum})`.execute(
        trx,
      )
    })
  }
  return todo.map((m) => m.id)
}
