import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-lock'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'suhde-lock-'))
  dirs.push(dir)
  return dir
}

describe('data folder lock', () => {
  it('refuses a lock held by a live process with a message naming the folder and pid', async () => {
    const dir = await tempDir()
    // pid 1 is always alive.
    writeFileSync(join(dir, 'suhde.lock'), JSON.stringify({ pid: 1 }))
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    expect(() => lockDataDir(dir)).toThrow(`${dir} is in use by another Suhde process (pid 1)`)
    expect(() => lockDataDir(dir)).toThrow(/Stop the server first/)
  })

  it('takes over a lock left by a process that has died', async () => {
    const dir = await tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid
    writeFileSync(join(dir, 'suhde.lock'), JSON.stringify({ pid: dead }))
    const lock = lockDataDir(dir)
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid)
    lock.release()
    expect(existsSync(lock.path)).toBe(false)
  })

  it('lets the next opener in after release', async () => {
    const dir = await tempDir()
    lockDataDir(dir).release()
    const again = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/)
    again.release()
  })
})
