/**
 * The city dashboard is the same for every visitor and changes only when a value or a definition
 * does, so each node keeps what it computed for a short while. A write on this node clears it at
 * once; another node's write shows here within `TTL_MS` (browsers are told the same in
 * cache-control).
 */
const TTL_MS = 30_000
const MOST_KEPT = 200

let kept = new Map<string, { at: number; value: Promise<unknown> }>()

export async function remembered<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now()
  const hit = kept.get(key)
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>
  if (kept.size >= MOST_KEPT) kept = new Map()
  const value = compute()
  kept.set(key, { at: now, value })
  // A failed computation is not kept: the next visitor tries again.
  value.catch(() => kept.delete(key))
  return value
}

/** Called by every write that changes what a dashboard shows. */
export function forgetDashboards(): void {
  kept = new Map()
}
