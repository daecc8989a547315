import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs'
import { join } from 'node:path'

export class DataDirLockedError extends Error {}

export type DataDirLock = { path: string; release(): void }

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): number | null {
  try {
    const pid = Number(JSON.parse(readFileSync(path, 'utf8')).pid)
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

function tryCreate(path: string, purpose: string): boolean {
  try {
    // 'wx' fails when the file exists: two processes cannot both create it.
    const fd = openSync(path, 'wx')
    writeFileSync(
      fd,
      JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }),
    )
    closeSync(fd)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
}

/**
 * PGlite has no lock of its own and two processes on one folder silently lose writes, so every
 * opener of an embedded data folder takes `<dataDir>/suhde.lock`. A lock left by a dead process
 * is taken over.
 */
export function lockDataDir(dataDir: string, purpose = 'server'): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'suhde.lock')
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, purpose)) {
      let isHeld = true
      return {
        path,
        release: () => {
          if (isHeld && readHolder(path) === process.pid) rmSync(path, { force: true })
          isHeld = false
        },
      }
    }
    const holder = readHolder(path)
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by another Suhde process (pid ${holder}). ` +
          'Stop the server first, or use the running server at its address.',
      )
    }
    if (holder === process.pid) {
      throw new DataDirLockedError(`The data folder ${dataDir} is already open in this process.`)
    }
    // Stale: its process is gone (or the file is unreadable half-written junk).
    rmSync(path, { force: true })
  }
  throw new DataDirLockedError(`Could not take the lock ${path}; try again.`)
}
