import type { FastifyBaseLogger } from 'fastify'
import { runEvery } from '../lib/interval'
import { runMaintenance, type EmbeddedDb } from './maintenance.service'

export const maintenanceIntervalMs = 10 * 60 * 1000

/**
 * Runs embedded maintenance in-process every ten minutes. A pass never overlaps the next, and
 * stop() lets a running vacuum or backup finish before the database is closed under it.
 */
export function startMaintenance(
  e: EmbeddedDb,
  log: FastifyBaseLogger,
  intervalMs = maintenanceIntervalMs,
): { stop(): Promise<void> } {
  return runEvery(intervalMs, () =>
    runMaintenance(e)
      .then((done) => {
        if (done.length) log.info({ done }, 'maintenance done')
      })
      .catch((err: unknown) => log.error({ err }, 'maintenance failed')),
  )
}
