import type { FastifyBaseLogger } from 'fastify'

const noop = () => undefined

/** For services called outside a request (the CLI), where output goes to the terminal. */
export const silentLogger: FastifyBaseLogger = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => silentLogger,
}
