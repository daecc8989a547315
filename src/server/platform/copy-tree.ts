import { constants } from 'node:fs'
import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'

/**
 * Copies a folder of many small files, like a PGlite data folder (about 1,300 files), several
 * files at a time: fs.cp copies them one after another and took 1.0 s for the 42 MB template
 * where this takes 0.2 s. Clones the files where the filesystem can (btrfs, XFS).
 */
export async function copyTree(from: string, to: string, parallel = 16): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true })
  const paths = (isDir: boolean) =>
    entries
      .filter((e) => (isDir ? e.isDirectory() : e.isFile()))
      .map((e) => relative(from, join(e.parentPath, e.name)))
  await mkdir(to, { recursive: true })
  // Parents sort before their children, so each mkdir finds its parent.
  for (const dir of paths(true).sort()) await mkdir(join(to, dir), { recursive: true })
  const files = paths(false)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!
      await copyFile(join(from, file), join(to, file), constants.COPYFILE_FICLONE)
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
}
