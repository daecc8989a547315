import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/client'
import { migrate } from '../db/migrate'

// Runs once per test run. On PGlite it migrates one database and dumps it, so each test file
// starts from a copy in half a second instead of running initdb and the migrations again.
// With TEST_DATABASE_URL it makes a fresh PostgreSQL database for this run and migrates it.
export default async function setup(project: TestProject) {
  // eslint-disable-next-line no-restricted-syntax -- test set-up picks the engine before config exists
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const name = `suhde_test_${Date.now()}_${process.pid}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    const handle = await openDatabase({ databaseUrl: url.toString() })
    await migrate(handle.db)
    await handle.close()
    project.provide('databaseUrl', url.toString())
    return async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    }
  }
  const handle = await openDatabase({})
  await migrate(handle.db)
  const dump = await handle.pglite!.dumpDataDir('none')
  await handle.close()
  const dir = await mkdtemp(join(tmpdir(), 'suhde-test-'))
  const file = join(dir, 'template.tar')
  await writeFile(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  return undefined
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl?: string
    pgliteTemplate?: string
  }
}
