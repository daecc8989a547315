// Calendar helpers on 'YYYY-MM-DD' strings (UTC arithmetic; no time of day involved).

const iso = (d: Date) => d.toISOString().slice(0, 10)

export function periodStart(day: string, period: 'month' | 'quarter'): string {
  const d = new Date(`${day}T00:00:00Z`)
  const month = period === 'month' ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / 3) * 3
  return iso(new Date(Date.UTC(d.getUTCFullYear(), month, 1)))
}

export function addPeriods(day: string, period: 'month' | 'quarter', n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  return iso(
    new Date(
      Date.UTC(
        d.getUTCFullYear(),
        d.getUTCMonth() + n * (period === 'month' ? 1 : 3),
        d.getUTCDate(),
      ),
    ),
  )
}

export function addDays(day: string, n: number): string {
  return iso(new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000))
}

/** Monday of the ISO week of the day. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  return addDays(day, -((d.getUTCDay() + 6) % 7))
}

export const today = () => iso(new Date())
