import { join } from 'node:path'

/**
 * What lives in the embedded data folder. PGlite gets a subfolder of its own so that its
 * tarball (the backup) never contains the lock file or earlier backups.
 */
export function dataLayout(dataDir: string) {
  return {
    root: dataDir,
    database: join(dataDir, 'pgdata'),
    backups: join(dataDir, 'backups'),
    lock: join(dataDir, 'suhde.lock'),
  }
}
