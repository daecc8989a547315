import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { loadConfig, type Config } from './config'
import { startMaintenance } from './maintenance/scheduler'
import { startRetention } from './modules/privacy/retention.scheduler'
import { startImportRunner } from './modules/imports/import-runner'
import { jobHandlers } from './modules/jobs/job-handlers'
import { startJobRunner } from './modules/jobs/job-runner'
import { openAppDatabase, type AppDatabase } from './platform/database'
import { ensureFirstWorkspace, firstRunMessage, type FirstRun } from './platform/first-run'
import { loggerOptions } from './platform/logger'

export type StartOptions = {
  config?: Config
  port?: number
  host?: string
  /** Where the one-time sign-in is printed; stdout by default. */
  print?: (text: string) => void
  /** The CLI sets this; tests stop the server themselves. */
  handleSignals?: boolean
  logger?: boolean | object
}

export type RunningServer = {
  app: FastifyInstance
  url: string
  database: AppDatabase
  firstRun: FirstRun | null
  startupMs: number
  close(): Promise<void>
}

/** Starts Suhde: lock and open the database, migrate, first-run workspace, listen, maintain. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const started = performance.now()
  const base = opts.config ?? loadConfig()
  const config: Config = Object.freeze({
    ...base,
    port: opts.port ?? base.port,
    host: opts.host ?? base.host,
  })
  const logger = opts.logger ?? loggerOptions(config)
  // Phase times in the ready line show where a slow start goes (docs/benchmarks.md).
  const phaseMs: Record<string, number> = {}
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    try {
      return await work()
    } finally {
      phaseMs[name] = Math.round(performance.now() - start)
    }
  }
  const database = await timed('database', () => openAppDatabase(config, { purpose: 'server' }))
  let app: FastifyInstance | undefined
  try {
    // The first run's password hash (scrypt: 0.1–0.6 s here) runs on libuv's thread pool
    // while the main thread builds the app, instead of before it.
    const [firstRunResult, appResult] = await Promise.allSettled([
      timed('firstRun', () => ensureFirstWorkspace(database.db, config)),
      timed('buildApp', () =>
        buildApp({ db: database.db, engine: database.engine, config }, { logger }),
      ),
    ])
    // Assigned before throwing so the catch below closes an app that was built.
    if (appResult.status === 'fulfilled') app = appResult.value
    if (firstRunResult.status === 'rejected') throw firstRunResult.reason
    if (appResult.status === 'rejected') throw appResult.reason
    const firstRun = firstRunResult.value
    const built = appResult.value
    app = built
    await timed('listen', () => built.listen({ port: config.port, host: config.host }))
    const url = publicUrl(app, config)
    if (firstRun) (opts.print ?? printOut)(`${firstRunMessage(firstRun, url)}\n`)
    // Retention policies (GDPR-4) run daily, on either database engine.
    const retention = startRetention({
      db: database.db,
      engine: database.engine,
      config,
      log: app.log,
    })
    // Imports (DATA-5) run as durable jobs in-process and resume after a restart.
    const imports = startImportRunner({
      db: database.db,
      engine: database.engine,
      config,
      log: app.log,
    })
    // Other durable jobs (the duplicate scan) from the jobs table, resumed the same way.
    const jobs = startJobRunner(
      { db: database.db, engine: database.engine, config, log: app.log },
      jobHandlers,
    )
    const maintenance =
      database.pglite && database.backupsDir
        ? startMaintenance(
            {
              db: database.db,
              pglite: database.pglite,
              backupsDir: database.backupsDir,
              backupsKeep: config.backupsKeep,
            },
            app.log,
          )
        : null
    const startupMs = Math.round(performance.now() - started)
    app.log.info({ url, engine: database.engine, startupMs, phaseMs }, 'Suhde is ready')
    const running = app
    let closing: Promise<void> | undefined
    const close = () =>
      (closing ??= (async () => {
        await running.close()
        await retention.stop()
        await imports.stop()
        await jobs.stop()
        await maintenance?.stop()
        await database.close()
      })())
    if (opts.handleSignals) installSignalHandlers(close, running)
    return { app, url, database, firstRun, startupMs, close }
  } catch (err) {
    await app?.close()
    await database.close()
    throw err
  }
}

function publicUrl(app: FastifyInstance, config: Config): string {
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host)
    ? 'localhost'
    : config.host
  return `http://${host}:${port}`
}

function printOut(text: string): void {
  process.stdout.write(text)
}

function installSignalHandlers(close: () => Promise<void>, app: FastifyInstance): void {
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down')
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
}
