import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config'
import type { Db, DbEngine } from './db/client'

/** Everything a service needs, passed down explicitly: no singletons. */
export type Deps = {
  db: Db
  engine: DbEngine
  log: FastifyBaseLogger
  config: Config
}
