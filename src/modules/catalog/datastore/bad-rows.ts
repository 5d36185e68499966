import type { BadRow } from './load-schemas.ts'

const KEPT = 1000

/** Every bad row counted; the first thousand kept with their line and reason. */
export class BadRows {
  readonly kept: BadRow[] = []
  count = 0

  add(row: BadRow): void {
    this.count++
    if (this.kept.length < KEPT) this.kept.push(row)
  }
}
