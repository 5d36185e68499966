/** How often a KPI is measured; each value stands for one period of this length (UTC calendar). */
export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

const DAY_MS = 86_400_000

/** The first day (UTC, `YYYY-MM-DD`) of the period `moment` falls in; weeks start on Monday (ISO 8601). */
export function periodStart(frequency: Frequency, moment: Date): string {
  const year = moment.getUTCFullYear()
  const month = moment.getUTCMonth()
  const day = moment.getUTCDate()
  switch (frequency) {
    case 'daily':
      return isoDate(Date.UTC(year, month, day))
    case 'weekly': {
      const sinceMonday = (moment.getUTCDay() + 6) % 7
      return isoDate(Date.UTC(year, month, day - sinceMonday))
    }
    case 'monthly':
      return isoDate(Date.UTC(year, month, 1))
    case 'quarterly':
      return isoDate(Date.UTC(year, month - (month % 3), 1))
    case 'yearly':
      return isoDate(Date.UTC(year, 0, 1))
  }
}

/** The first day of the period `count` periods after the one starting on `start`. */
export function addPeriods(frequency: Frequency, start: string, count: number): string {
  const date = new Date(`${start}T00:00:00Z`)
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth()
  const day = date.getUTCDate()
  switch (frequency) {
    case 'daily':
      return isoDate(Date.UTC(year, month, day + count))
    case 'weekly':
      return isoDate(Date.UTC(year, month, day + 7 * count))
    case 'monthly':
      return isoDate(Date.UTC(year, month + count, 1))
    case 'quarterly':
      return isoDate(Date.UTC(year, month + 3 * count, 1))
    case 'yearly':
      return isoDate(Date.UTC(year + count, 0, 1))
  }
}

/**
 * When the next value is late: the end of the period after the last one measured (a monthly KPI
 * measured for October is due by the end of November). Never measured: due by the end of the
 * period it was defined in.
 */
export function dueBy(frequency: Frequency, lastPeriod: string | null, definedAt: Date): string {
  if (lastPeriod) return addPeriods(frequency, lastPeriod, 2)
  return addPeriods(frequency, periodStart(frequency, definedAt), 1)
}

export function isoDate(time: number | Date): string {
  return new Date(time).toISOString().slice(0, 10)
}

export function daysBetween(from: string | Date, to: string | Date): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / DAY_MS
}
