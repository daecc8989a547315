import type { Deps } from '../../deps'
import { runQueuedImports } from './import-job'

export const importPollMs = 2000

/**
 * Polls for started imports and runs them in-process. A pass never overlaps the next; stop()
 * lets the chunk in flight commit. After a crash, the next server's runner claims the import
 * once its lease ran out and continues from the last committed chunk.
 */
export function startImportRunner(
  deps: Deps,
  intervalMs = importPollMs,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let isStopped = false
  const tick = () => {
    if (running || isStopped) return
    running = runQueuedImports(deps, () => isStopped)
      .then((n) => {
        if (n) deps.log.info({ imports: n }, 'imports finished')
      })
      .catch((err: unknown) => deps.log.error({ err }, 'import runner failed'))
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
      await running
    },
  }
}
