import type { ColumnType } from '../schemas.ts'
import {
  type ConvertOptions,
  leadingZero,
  numberConverter,
  toBoolean,
  toDate,
  toInteger,
  toTimestamp,
} from './convert.ts'
import { toEwkt } from './geometry.ts'

/** The types a column may still be, narrowest first; text always fits. */
const ORDER: readonly Exclude<ColumnType, 'text'>[] = [
  'integer',
  'number',
  'boolean',
  'date',
  'timestamp',
  'geometry',
]

/** Watches a sample of values per column and names the narrowest type every value fits. */
export class TypeInference {
  readonly #candidates: Set<Exclude<ColumnType, 'text'>>[] = []
  readonly #seen: boolean[] = []
  readonly #checks: Record<Exclude<ColumnType, 'text'>, (value: string) => boolean>

  constructor(options: ConvertOptions) {
    const toNumber = numberConverter(options)
    this.#checks = {
      integer: (value) => !leadingZero(value.trim()) && toInteger(value) !== undefined,
      number: (value) => !leadingZero(value.trim()) && toNumber(value) !== undefined,
      boolean: (value) => toBoolean(value) !== undefined,
      date: (value) => toDate(value) !== undefined,
      timestamp: (value) => toTimestamp(value) !== undefined,
      geometry: (value) => toEwkt(value) !== undefined,
    }
  }

  observe(values: readonly (string | null)[]): void {
    for (let index = 0; index < values.length; index++) {
      const value = values[index]
      if (value === null || value === undefined || value.trim() === '') continue
      this.#seen[index] = true
      let candidates = this.#candidates[index]
      if (!candidates) {
        candidates = new Set(ORDER)
        this.#candidates[index] = candidates
      }
      for (const type of candidates) if (!this.#checks[type](value)) candidates.delete(type)
    }
  }

  /** The type of each of `count` columns; a column with no values is text. */
  types(count: number): ColumnType[] {
    return Array.from({ length: count }, (_, index) => {
      if (!this.#seen[index]) return 'text'
      const candidates = this.#candidates[index]!
      return ORDER.find((type) => candidates.has(type)) ?? 'text'
    })
  }
}
