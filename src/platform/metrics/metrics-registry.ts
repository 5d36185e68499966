import type { Database } from '../db/database.ts'
import type { MeasuredValue, Measurement } from './measurement.ts'

const NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/

export class MetricsRegistry {
  readonly #measurements = new Map<string, Measurement>()

  register(measurement: Measurement): void {
    if (!NAME.test(measurement.name)) {
      throw new Error(`Measurement name "${measurement.name}" must be dotted lower case, module first`)
    }
    if (this.#measurements.has(measurement.name)) {
      throw new Error(`Measurement "${measurement.name}" is registered twice`)
    }
    this.#measurements.set(measurement.name, measurement)
  }

  list(): Measurement[] {
    return [...this.#measurements.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  find(name: string): Measurement | undefined {
    return this.#measurements.get(name)
  }

  /** Current values; one failing measurement reports its error without hiding the others. */
  async measureAll(db: Database): Promise<MeasuredValue[]> {
    const results: MeasuredValue[] = []
    for (const measurement of this.list()) results.push(await measureOne(db, measurement))
    return results
  }
}

export async function measureOne(db: Database, measurement: Measurement): Promise<MeasuredValue> {
  const { name, description, unit } = measurement
  const measuredAt = new Date().toISOString()
  try {
    return { name, description, unit, value: await measurement.measure(db), measuredAt }
  } catch (error) {
    return { name, description, unit, value: null, measuredAt, error: (error as Error).message }
  }
}
