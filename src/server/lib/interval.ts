/**
 * Runs `round` every `intervalMs` (the first time after `firstAfterMs` when given), never two
 * rounds at once, on timers that do not keep the process alive. `stop()` waits for a running
 * round so the database is not closed under it; the round sees `isStopped()` turn true and can
 * end early.
 */
export function runEvery(
  intervalMs: number,
  round: (isStopped: () => boolean) => Promise<void>,
  opts: { firstAfterMs?: number } = {},
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let isStopped = false
  const tick = () => {
    if (running || isStopped) return
    running = round(() => isStopped).finally(() => {
      running = null
    })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  const first = opts.firstAfterMs === undefined ? null : setTimeout(tick, opts.firstAfterMs)
  first?.unref()
  return {
    stop: async () => {
      isStopped = true
      clearInterval(timer)
      if (first) clearTimeout(first)
      await running
    },
  }
}
