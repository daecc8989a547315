// A small seeded generator: the same seed and index always give the same record, whatever the
// chunk size, so a demo can be generated chunk by chunk with bounded memory.

export type Rng = {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

/** mulberry32 seeded from (seed, stream, index). */
export function rngFor(seed: number, stream: number, index: number): Rng {
  let state = mix(mix(seed, stream), index)
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T,
    chance: (p: number) => next() < p,
  }
}

/**
 * A UUID v7 made from a time and the seeded stream: ids are reproducible and, like the app's
 * own ids, ordered by time, so rows land at the end of the primary-key index.
 */
export function demoId(seed: number, stream: number, index: number, timeMs: number): string {
  const r = rngFor(seed, stream + 1000, index)
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len)
  const time = hex(timeMs, 12)
  const rand = () => Math.floor(r.next() * 0x10000)
  return [
    time.slice(0, 8),
    time.slice(8, 12),
    `7${hex(rand(), 3)}`,
    hex(0x8000 | (rand() & 0x3fff), 4),
    hex(rand(), 4) + hex(rand(), 4) + hex(rand(), 4),
  ].join('-')
}
