import type { SeriesPoint } from '../dashboard/dashboard-api.ts'

const WIDTH = 300
const HEIGHT = 60

/** A line of a KPI's values over time; decoration beside the figures, which say everything. */
export function Sparkline({ points }: { points: SeriesPoint[] }) {
  const sorted = [...points].sort((a, b) => a.period.localeCompare(b.period))
  if (sorted.length < 2) return null
  const values = sorted.map((point) => point.value)
  const low = Math.min(...values)
  const high = Math.max(...values)
  const span = high - low || 1
  const path = sorted
    .map((point, index) => {
      const x = (index / (sorted.length - 1)) * WIDTH
      const y = HEIGHT - 4 - ((point.value - low) / span) * (HEIGHT - 8)
      return `${x.toFixed(1)},${y.toFixed(1)}`
    })
    .join(' ')
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <polyline
        points={path}
        fill="none"
        stroke="#0b5cad"
        strokeWidth="2.5"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  )
}
