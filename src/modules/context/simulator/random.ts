/**
 * Counter-based randomness: every draw is a hash of (seed, name, index), so any instant of any
 * sensor can be computed alone, in any order, and the same seed always gives the same readings.
 * Hashing is FNV-1a for names and the murmur3 finaliser for mixing.
 */

function nameHash(name: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function mix(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A uniform number in [0, 1), the same for the same seed, name and index. */
export function uniform(seed: number, name: string, index: number): number {
  const high = Math.floor(index / 0x100000000)
  const h = mix(mix(mix(seed ^ nameHash(name)) ^ (index >>> 0)) ^ high)
  return h / 0x100000000
}

/** A standard normal number (Box–Muller on two uniform draws). */
export function normal(seed: number, name: string, index: number): number {
  const u = 1 - uniform(seed, `${name}/u`, index)
  const v = uniform(seed, `${name}/v`, index)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/**
 * Slowly wandering noise in [-1, 1]: random values every `periodHours`, eased in between, so
 * readings drift like weather fronts or a busy afternoon instead of jumping every step.
 */
export function drift(seed: number, name: string, hours: number, periodHours: number): number {
  const position = hours / periodHours
  const knot = Math.floor(position)
  const t = position - knot
  const ease = t * t * (3 - 2 * t)
  const from = uniform(seed, name, knot) * 2 - 1
  const to = uniform(seed, name, knot + 1) * 2 - 1
  return from + (to - from) * ease
}
