import { daysBetween } from './periods.ts'

/** A KPI's value for one period (the period's first day). */
export interface PeriodValue {
  period: string
  value: number
}

export interface Goal {
  direction: 'higher' | 'lower'
  baseline: { value: number; date: string } | null
  target: { value: number; date: string } | null
}

/**
 * - `met`: the latest value reaches the target;
 * - `on_track`: the trend, drawn straight through the measurements, reaches it by the target date;
 * - `at_risk`: the trend falls short by the target date;
 * - `missed`: the target date has passed without reaching it;
 * - `unknown`: no target, or too few measurements to draw a trend.
 */
export type KpiStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'unknown'

/** A score above this is shown as this: one KPI far past its target must not hide the others. */
export const MAX_SCORE = 2

/**
 * CityScore (Boston): value ÷ target, so 1 is on target; target ÷ value where lower is better.
 * A target of zero where lower is better (security incidents) scores 1 at zero and 1 ÷ (1 + value) above.
 */
export function score(goal: Goal, value: number | null): number | null {
  if (value === null || !goal.target) return null
  const target = goal.target.value
  let raw: number
  if (goal.direction === 'higher') {
    if (target <= 0) return null
    raw = value / target
  } else if (target <= 0) {
    raw = value <= 0 ? 1 : 1 / (1 + value)
  } else {
    raw = value <= 0 ? MAX_SCORE : target / value
  }
  return Math.round(Math.min(MAX_SCORE, Math.max(0, raw)) * 1000) / 1000
}

const reaches = (goal: Goal, value: number, target: number) =>
  goal.direction === 'higher' ? value >= target : value <= target

/** The least-squares line through the points (time in days), or null with fewer than two dates. */
function trendLine(points: readonly { date: string; value: number }[]) {
  const origin = points[0]?.date
  if (!origin) return null
  const xs = points.map((point) => daysBetween(origin, point.date))
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length
  const meanY = points.reduce((sum, point) => sum + point.value, 0) / points.length
  let spread = 0
  let covariance = 0
  xs.forEach((x, index) => {
    spread += (x - meanX) ** 2
    covariance += (x - meanX) * (points[index]!.value - meanY)
  })
  if (spread === 0) return null
  const slope = covariance / spread
  return (date: string) => meanY + slope * (daysBetween(origin, date) - meanX)
}

/** The value the trend reaches on the target date, from the baseline and every period's value. */
export function projectedValue(goal: Goal, series: readonly PeriodValue[]): number | null {
  if (!goal.target) return null
  const points = [
    ...(goal.baseline ? [{ date: goal.baseline.date, value: goal.baseline.value }] : []),
    ...series.map((entry) => ({ date: entry.period, value: entry.value })),
  ]
  const line = trendLine(points)
  return line ? Math.round(line(goal.target.date) * 1000) / 1000 : null
}

export function status(goal: Goal, series: readonly PeriodValue[], today: string): KpiStatus {
  const latest = series.at(-1)
  if (!goal.target || !latest) return 'unknown'
  if (reaches(goal, latest.value, goal.target.value)) return 'met'
  if (today > goal.target.date) return 'missed'
  const projected = projectedValue(goal, series)
  if (projected === null) return 'unknown'
  return reaches(goal, projected, goal.target.value) ? 'on_track' : 'at_risk'
}

/** Whether the latest value moved the right way since the period before. */
export function trend(
  goal: Goal,
  series: readonly PeriodValue[],
): 'improving' | 'worsening' | 'steady' | null {
  const [previous, latest] = series.slice(-2)
  if (!previous || !latest) return null
  if (latest.value === previous.value) return 'steady'
  return latest.value > previous.value === (goal.direction === 'higher') ? 'improving' : 'worsening'
}

/** The mean of the scores there are; null when none is. */
export function rollUp(scores: readonly (number | null)[]): number | null {
  const known = scores.filter((value): value is number => value !== null)
  if (known.length === 0) return null
  return Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 1000) / 1000
}
