import type { Deps } from '../../deps'
import { runEvery } from '../../lib/interval'
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
  return runEvery(
    intervalMs,
    () =>
      runDueRetention(deps)
        .then((n) => {
          if (n) deps.log.info({ runs: n }, 'retention policies ran')
        })
        .catch((err: unknown) => deps.log.error({ err }, 'retention failed')),
    { firstAfterMs: 60_000 },
  )
}
