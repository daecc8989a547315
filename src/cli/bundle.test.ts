import { spawn, execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectPath } from '../server/platform/project-paths'

// `npm start` runs the server from one bundled file in dist/server, not from src/ (see
// bin/server-bundle.mjs). This builds such a bundle and runs the CLI from it, so a file that
// the code reads beside its sources (migrations, the template cache) and the bundle cannot
// find fails here, not on a user's first start. Embedded only: that is the engine that reads
// the most files.
const outDir = projectPath(`dist/server-test-${process.pid}`)
const bundle = join(outDir, 'suhde.mjs')
let dataDir = ''

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'suhde-bundle-'))
  const builder = pathToFileURL(projectPath('bin/server-bundle.mjs')).href
  execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `import { buildBundle } from ${JSON.stringify(builder)}; await buildBundle(${JSON.stringify(bundle)})`,
  ])
}, 60_000)
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true })
  await rm(dataDir, { recursive: true, force: true })
})

// Only what the bundle needs; no DATABASE_URL of the test run leaks in.
const env = () => ({
  SUHDE_DATA_DIR: dataDir,
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
})

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, ...args], { env: env() })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => resolve({ code, out }))
  })
}

describe('the bundled server (dist/server)', () => {
  it('migrates an empty embedded folder', async () => {
    const result = await run(['migrate', '--json'])
    expect(result.out).not.toMatch(/ENOENT/)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toMatchObject({ engine: 'pglite' })
  }, 60_000)

  it('starts, answers the health check and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bundle, 'serve', '--port', '0'], { env: env() })
    let out = ''
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += d
        const ready = /"url":"([^"]+)".*Suhde is ready/.exec(out)
        if (ready) resolve(ready[1]!)
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.on('exit', () => reject(new Error(`exited before ready:\n${out}`)))
    })
    const health = await fetch(`${url}/api/v1/health`)
    expect(health.status).toBe(200)
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 60_000)
})
