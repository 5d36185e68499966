import type { Database } from '../db/database.ts'

/**
 * A named figure a module publishes about itself (open datasets, verified identities, active
 * sensors). Computed from the database when asked; the strategy module binds KPIs to these names.
 */
export interface Measurement {
  /** Stable, dotted, module first: `catalog.datasets.open`. */
  name: string
  description: string
  /** UCUM-style unit or a plain noun: `1`, `dataset`, `%`, `s`. */
  unit: string
  measure(db: Database): Promise<number>
}

export interface MeasuredValue {
  name: string
  description: string
  unit: string
  value: number | null
  measuredAt: string
  error?: string
}
