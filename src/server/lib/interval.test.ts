import { describe, expect, it } from 'vitest'
import { runEvery } from './interval'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('runEvery', () => {
  it('never runs two rounds at once, and stop() waits for the running one', async () => {
    let active = 0
    let maxActive = 0
    let rounds = 0
    let sawStop = false
    const loop = runEvery(
      5,
      async (isStopped) => {
        active++
        maxActive = Math.max(maxActive, active)
        await sleep(30)
        sawStop ||= isStopped()
        rounds++
        active--
      },
      { firstAfterMs: 0 },
    )
    // Stop while a round runs, after at least two.
    while (rounds < 2 || active === 0) await sleep(2)
    await loop.stop()
    expect(active).toBe(0)
    expect(maxActive).toBe(1)
    expect(rounds).toBeGreaterThanOrEqual(2)
    expect(sawStop).toBe(true)
    const after = rounds
    await sleep(30)
    expect(rounds).toBe(after)
  })

  it('waits for the interval when no first delay is given', async () => {
    let rounds = 0
    const loop = runEvery(60_000, async () => {
      rounds++
    })
    await sleep(20)
    await loop.stop()
    expect(rounds).toBe(0)
  })
})
