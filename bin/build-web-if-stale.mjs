#!/usr/bin/env node
// `npm start` runs this first: it builds the web app only when dist/web is missing or older than
// its sources, so a fresh clone gets the UI and later starts skip the build. Plain JavaScript, so
// it runs before tsx is loaded.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// `npm start` runs this before bin/suhde.mjs: an old Node gets the same sentence here, before Vite
// could fail on it with a stack trace.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Suhde needs Node.js 22.12 or newer (24 LTS recommended); this is Node.js ${process.versions.node}.\n` +
      'Install a current Node.js from https://nodejs.org/ and run the command again.',
  )
  process.exit(1)
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const at = (...p) => join(root, ...p)

const hasViteConfig = ['vite.config.ts', 'vite.config.mjs', 'vite.config.js'].some((f) =>
  existsSync(at(f)),
)
const hasWebApp =
  existsSync(at('src/web/index.html')) || (existsSync(at('index.html')) && hasViteConfig)
if (!hasWebApp) process.exit(0)

function newestMtime(dir) {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs
    if (t > newest) newest = t
  }
  return newest
}

const built = at('dist/web/index.html')
const sources = Math.max(
  newestMtime(at('src/web')),
  newestMtime(at('src/shared')),
  ...['index.html', 'vite.config.ts', 'vite.config.mjs', 'vite.config.js']
    .filter((f) => existsSync(at(f)))
    .map((f) => statSync(at(f)).mtimeMs),
)
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0)

console.log('Building the web app (dist/web is missing or older than its sources)…')
const vite = at('node_modules/.bin/vite')
const result = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' })
if (result.error) {
  console.error(`Could not run ${vite}: ${result.error.message}. Run npm install first.`)
  process.exit(1)
}
process.exit(result.status ?? 1)
