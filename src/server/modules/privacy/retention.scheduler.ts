import type { Deps } from '../../deps'
import { runDueRetention } from './retention.service'

export const retentionCheckMs = 60 * 60 * 1000

/**
 * Checks hourly for retention policies that have not run in 24 hours and runs them. A pass
 * never overlaps the next; the timer does not keep the process alive.
 */
export function startRetention(
  deps: Deps,
  intervalMs = retentionCheckMs,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let isStopped = false
  const tick = () => {
    if (running || isStopped) return
    running = runDueRetention(deps)
      .then((n) => {
        if (n) deps.log.info({ runs: n }, 'retention policies ran')
      })
      .catch((err: unknown) => deps.log.error({ err }, 'retention failed'))
      .finally(() => {
        running = null
      })
  }
  const first = setTimeout(tick, 60_000)
  first.unref()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    stop: async () => {
      isStopped = true
      clearTimeout(first)
      clearInterval(timer)
      await running
    },
  }
}
