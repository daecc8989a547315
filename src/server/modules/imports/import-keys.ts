import type { Db } from '../../db/client'
import {
  findContactIdsByKeys,
  findContactKeys,
  listContactKeysPage,
  listContactKeysSince,
  transactionMicros,
} from './imports.repo'

// The duplicate lookup of an import, by email or phone. Asking the contacts' GIN index for a
// chunk's 5,000 keys costs seconds (one index probe per key, and PostgreSQL plans a long key
// list as a sequential scan), so the import keeps its own index in memory: a 53-bit hash of
// every stored key → the contact's id, read once when the import starts, refreshed from the
// contacts changed since before each chunk, and grown with the contacts the import creates.
// The index only suggests: each suggested id is checked against the stored contact (by primary
// key, so a chunk costs one cheap query), and a key whose check fails is asked of the GIN index.
// The table lives in typed arrays (24 bytes a slot, about 50 MB for a million keys), not in a
// JavaScript Map of strings (about 100 MB, which the garbage collector then multiplies in the
// heap it keeps). A contact someone creates while a chunk is being written can still be
// missed, as with any lookup without a unique index on emails.

/** cyrb53: a fast, well-mixed 53-bit string hash. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

const pageSize = 20_000
/**
 * A contact is stamped with its transaction's start time, so one committed just after a look
 * may carry a time just before it: each look reaches a little back. The import's own chunks
 * (stamped with their transactions' times) are left out of the look by those times.
 */
const refreshOverlapUs = 10_000_000n

const empty = 0
const removed = -1

/** Open addressing from 53-bit hashes to UUIDs, kept as 16 bytes each. */
export class IdTable {
  private hashes = new Float64Array(1 << 16)
  private ids = new Uint8Array((1 << 16) * 16)
  private used = 0

  private slot(h: number): number {
    const mask = this.hashes.length - 1
    let i = h % this.hashes.length
    let free = -1
    for (;;) {
      const at = this.hashes[i] as number
      if (at === h) return i
      if (at === empty) return free >= 0 ? free : i
      if (at === removed && free < 0) free = i
      i = (i + 1) & mask
    }
  }

  get(key: number): string | undefined {
    const h = key || 1
    const i = this.slot(h)
    if (this.hashes[i] !== h) return undefined
    const hex = Buffer.from(this.ids.buffer, i * 16, 16).toString('hex')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }

  set(key: number, id: string, replace: boolean): void {
    const h = key || 1
    if ((this.used + 1) * 2 > this.hashes.length) this.grow()
    const i = this.slot(h)
    if (this.hashes[i] === h && !replace) return
    if (this.hashes[i] !== h) this.used++
    this.hashes[i] = h
    this.ids.set(Buffer.from(id.replaceAll('-', ''), 'hex'), i * 16)
  }

  delete(key: number): void {
    const h = key || 1
    const i = this.slot(h)
    if (this.hashes[i] === h) this.hashes[i] = removed
  }

  private grow(): void {
    const { hashes, ids } = this
    this.hashes = new Float64Array(hashes.length * 2)
    this.ids = new Uint8Array(this.hashes.length * 16)
    this.used = 0
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i] as number
      if (h === empty || h === removed) continue
      const j = this.slot(h)
      this.hashes[j] = h
      this.ids.set(ids.subarray(i * 16, i * 16 + 16), j * 16)
      this.used++
    }
  }
}

export class ContactKeyIndex {
  private readonly ids = new IdTable()
  private refreshedAt = 0n
  private ownTimes: bigint[] = []

  private constructor(
    private readonly workspaceId: string,
    readonly kind: 'email' | 'phone',
  ) {}

  static async load(db: Db, workspaceId: string, kind: 'email' | 'phone') {
    const index = new ContactKeyIndex(workspaceId, kind)
    index.refreshedAt = await transactionMicros(db)
    // Loaded in the first chunk's transaction: its rows carry this time.
    index.ownTimes.push(index.refreshedAt)
    let after: string | null = null
    for (;;) {
      const rows = await listContactKeysPage(db, workspaceId, kind, after, pageSize)
      for (const r of rows) index.add(r.keys ?? [], r.id)
      const last = rows.at(-1)
      if (!last || rows.length < pageSize) return index
      after = last.id
    }
  }

  add(keys: string[], id: string): void {
    for (const k of keys) {
      // The oldest contact wins, as in the database lookup (created_at order).
      this.ids.set(hash53(k), id, false)
    }
  }

  /**
   * Takes in what others changed since the last look (a user may add a contact meanwhile), at
   * the start of a chunk's transaction; that transaction's own rows are added by the import.
   */
  async refresh(db: Db): Promise<void> {
    const since = this.refreshedAt - refreshOverlapUs
    this.ownTimes = this.ownTimes.filter((t) => t >= since)
    // This transaction's own rows are not written yet, so it needs no range cut of its own.
    const { now, rows } = await listContactKeysSince(
      db,
      this.workspaceId,
      this.kind,
      since,
      this.ownTimes,
    )
    for (const r of rows) this.add(r.keys ?? [], r.id)
    this.refreshedAt = now
    this.ownTimes.push(now)
  }

  /** The stored contact of each key that has one: checked in the database, never guessed. */
  async lookup(db: Db, keys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    const suggested = new Map<string, string>()
    for (const k of keys) {
      const id = this.ids.get(hash53(k))
      if (id) suggested.set(k, id)
    }
    const stored = new Map(
      (
        await findContactKeys(db, this.workspaceId, this.kind, [...new Set(suggested.values())])
      ).map((r) => [r.id, new Set(r.keys ?? [])]),
    )
    const unsure: string[] = []
    for (const [k, id] of suggested) {
      if (stored.get(id)?.has(k)) out.set(k, id)
      else unsure.push(k)
    }
    // A changed or deleted contact, or two keys with one hash: the GIN index answers.
    const found = await findContactIdsByKeys(db, this.workspaceId, this.kind, unsure)
    for (const k of unsure) {
      const id = found.get(k)
      if (id) out.set(k, id)
      if (id) this.ids.set(hash53(k), id, true)
      else this.ids.delete(hash53(k))
    }
    return out
  }
}
