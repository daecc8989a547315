import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Files that live beside the code (migrations, the built web app, the template cache) are found
// from the project root, not from the module that reads them: the same code runs from src/
// through tsx and from the one-file bundle in dist/server (docs/decisions.md), whose
// import.meta.url is a different folder.
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return start
  }
}

const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))

/** A path inside the Suhde checkout or installed package, such as `dist/web`. */
export function projectPath(...parts: string[]): string {
  return join(projectRoot, ...parts)
}
