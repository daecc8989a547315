// Records the user opened lately, kept in this browser for search and My day.
export type RecentItem = { type: 'company' | 'contact'; id: string; label: string; at: number }

const storageKey = 'suhde.recent'
const maxItems = 10

export function readRecent(): RecentItem[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]')
    return Array.isArray(parsed) ? (parsed as RecentItem[]) : []
  } catch {
    return []
  }
}

export function rememberRecent(item: Omit<RecentItem, 'at'>): void {
  const rest = readRecent().filter((r) => !(r.type === item.type && r.id === item.id))
  const next = [{ ...item, at: Date.now() }, ...rest].slice(0, maxItems)
  localStorage.setItem(storageKey, JSON.stringify(next))
}

export function recentPath(item: Pick<RecentItem, 'type' | 'id'>): string {
  return item.type === 'company' ? `/companies/${item.id}` : `/contacts/${item.id}`
}
