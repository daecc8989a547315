import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openFromTemplate, removeAbandonedUnpacks } from './pglite-template'
import { projectPath } from './project-paths'

const cacheDir = projectPath('node_modules/.cache/suhde')
const created: string[] = []

/** A half-unpacked template folder as a stopped process leaves it. */
async function unpackFolder(pid: number, ageMinutes = 0): Promise<string> {
  // A key no real template has, so the test never touches another process's cache entries.
  const key = `ffff${Math.floor(Math.random() * 0xffffffff).toString(16)}`
  const folder = join(cacheDir, `pglite-template-${key}.tmp-${pid}`)
  await mkdir(join(folder, 'base'), { recursive: true })
  await writeFile(join(folder, 'PG_VERSION'), '17\n')
  const at = new Date(Date.now() - ageMinutes * 60_000)
  await utimes(folder, at, at)
  created.push(folder)
  return folder
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid!
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((f) => rm(f, { recursive: true, force: true })))
})

describe('template cache: abandoned unpack folders', () => {
  it('removes the folders of processes that are gone and of unpacks older than ten minutes', async () => {
    const ofDeadProcess = await unpackFolder(deadPid())
    const oldOfLiveProcess = await unpackFolder(process.ppid, 20)
    const inProgress = await unpackFolder(process.ppid, 1)
    const ours = await unpackFolder(process.pid)

    const removed = await removeAbandonedUnpacks()

    expect(removed).toEqual(expect.arrayContaining([ofDeadProcess, oldOfLiveProcess]))
    expect(existsSync(ofDeadProcess)).toBe(false)
    expect(existsSync(oldOfLiveProcess)).toBe(false)
    expect(existsSync(inProgress)).toBe(true)
    expect(existsSync(ours)).toBe(true)
  })

  it(
    'cleans up when the cache is next used to open a new data folder',
    { timeout: 60_000 },
    async () => {
      const leftBehind = await unpackFolder(deadPid())
      const dataDir = await mkdtemp(join(tmpdir(), 'suhde-template-'))
      try {
        const handle = await openFromTemplate(join(dataDir, 'db'))
        await handle?.close()
        expect(existsSync(leftBehind)).toBe(false)
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    },
  )
})
