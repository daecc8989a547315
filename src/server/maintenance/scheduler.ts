import type { FastifyBaseLogger } from 'fastify'
import { runMaintenance, type EmbeddedDb } from './maintenance.service'

export const maintenanceIntervalMs = 10 * 60 * 1000

/**
 * Runs embedded maintenance in-process every ten minutes. A pass never overlaps the next, and
 * the timer does not keep the process alive on shutdown.
 */
export function startMaintenance(
  e: EmbeddedDb,
  log: FastifyBaseLogger,
  intervalMs = maintenanceIntervalMs,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let isStopped = false
  const tick = () => {
    if (running || isStopped) return
    running = runMaintenance(e)
      .then((done) => {
        if (done.length) log.info({ done }, 'maintenance done')
      })
      .catch((err: unknown) => log.error({ err }, 'maintenance failed'))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    stop: async () => {
      isStopped = true
      clearInterval(timer)
      // Let a running vacuum or backup finish before the database is closed under it.
      await running
    },
  }
}
