/**
 * Totals of filtered reads, remembered per version of a table. A datastore table never changes
 * between loads (a load swaps in a new one and moves `loadedAt`), so a total once counted stays
 * true; counting the matches of a broad filter on a big table is what costs, and readers repeat
 * the same filters (a dashboard, the preview's pages).
 */
const MOST_REMEMBERED = 5_000
const totals = new Map<string, number>()

export function rememberedTotal(key: string): number | undefined {
  const total = totals.get(key)
  if (total !== undefined) {
    totals.delete(key)
    totals.set(key, total)
  }
  return total
}

export function rememberTotal(key: string, total: number): void {
  totals.set(key, total)
  if (totals.size > MOST_REMEMBERED) totals.delete(totals.keys().next().value!)
}
