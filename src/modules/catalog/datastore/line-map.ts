/**
 * Which file line each loaded row came from, kept compactly: rows advance with lines except where
 * a quoted value spans lines or a header or empty line is skipped, so only those shifts are stored.
 */
export class LineMap {
  readonly #rows: number[] = []
  readonly #shifts: number[] = []

  record(row: number, line: number): void {
    const shift = line - row
    if (this.#shifts.length === 0 || this.#shifts[this.#shifts.length - 1] !== shift) {
      this.#rows.push(row)
      this.#shifts.push(shift)
    }
  }

  lineOf(row: number): number {
    let low = 0
    let high = this.#rows.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (this.#rows[middle]! <= row) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    return found < 0 ? row : row + this.#shifts[found]!
  }
}
