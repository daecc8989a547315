// The server and CLI as one prebuilt JavaScript file, dist/server/suhde.mjs: Node loads it in
// about a third of the time tsx takes to transpile src/ on every start, and without tsx's
// in-process transpiler in memory (docs/decisions.md). Plain JavaScript, so it runs before tsx.
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const at = (...p) => join(root, ...p)

export const bundlePath = at('dist/server/suhde.mjs')

// Tests are not in the bundle, so editing one does not make it stale. A folder's own time counts
// too: it changes when a file in it is added, renamed or deleted.
function newestSourceMtime(dir) {
  let newest = statSync(dir).mtimeMs
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function newestSources() {
  return Math.max(
    ...['src/server', 'src/cli', 'src/shared'].map((d) => newestSourceMtime(at(d))),
    statSync(at('package.json')).mtimeMs,
  )
}

/** True when the bundle exists and no server, CLI or shared source (or package.json) is newer. */
export function isBundleFresh() {
  return existsSync(bundlePath) && statSync(bundlePath).mtimeMs >= newestSources()
}

/**
 * Bundles src/cli/main.ts with everything it imports from src/. Packages stay external: they
 * resolve from node_modules as usual, so PGlite finds its wasm and data files. esbuild is not a
 * dependency of ours but of tsx, which is one; it is loaded through tsx so any install has it.
 */
export async function buildBundle(outfile = bundlePath) {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))
  const esbuild = fromTsx('esbuild')
  const sources = newestSources()
  await esbuild.build({
    entryPoints: [at('src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  // Dated as the sources it was built from: a file saved while esbuild ran makes it stale.
  // (Rounded up: file times have sub-millisecond parts a Date drops.)
  utimesSync(outfile, new Date(), new Date(Math.ceil(sources)))
}
