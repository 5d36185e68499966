/** The generated entities over Cluj: both processes derive the same ones from their number. */

const TYPES = ['AirQualityObserved', 'ParkingSpot', 'TrafficFlowObserved'] as const

/** Entity n: every third one an AirQualityObserved (n = 0, 3, 6 …), then a ParkingSpot, a TrafficFlowObserved. */
export const entityId = (n: number): string => `urn:ngsi-ld:${TYPES[n % 3]}:bench-${n}`
export const airQualityCount = (entities: number): number => Math.ceil(entities / 3)
export const airQualityId = (k: number): string => entityId(3 * k)

/** A deterministic number in [0, 1) for entity n and a salt, so both processes agree on the data. */
function unit(n: number, salt: number): number {
  let t = (Math.imul(n, 0x9e3779b1) + Math.imul(salt + 1, 0x85ebca77)) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A reading or coordinate to `digits` decimals, as the entities carry them. */
export const round = (value: number, digits: number): number => Number(value.toFixed(digits))

/** Entity n as a client sends it; `generation` changes the readings, never the place. */
function makeEntity(n: number, generation: number, observedAt: string): Record<string, unknown> {
  const type = TYPES[n % 3]!
  const reading = (salt: number, scale: number) => ({
    type: 'Property',
    value: round(scale * unit(n, salt + 16 * generation), 1),
    observedAt,
  })
  const location = {
    type: 'GeoProperty',
    value: {
      type: 'Point',
      coordinates: [round(23.5 + 0.2 * unit(n, 1), 6), round(46.72 + 0.1 * unit(n, 2), 6)],
    },
  }
  const base = { id: entityId(n), type, location }
  if (type === 'AirQualityObserved')
    return { ...base, NO2: reading(3, 80), PM10: reading(4, 60), O3: reading(5, 120) }
  if (type === 'ParkingSpot')
    return { ...base, occupancy: reading(6, 1), chargeLevel: reading(7, 100), temperature: reading(8, 35) }
  return {
    ...base,
    intensity: reading(9, 900),
    averageVehicleSpeed: reading(10, 70),
    occupancy: reading(11, 1),
  }
}

/** Entities from … to (excluded), observed now. */
export function makeEntities(from: number, to: number, generation: number): Record<string, unknown>[] {
  const observedAt = new Date().toISOString()
  const items: Record<string, unknown>[] = []
  for (let n = from; n < to; n++) items.push(makeEntity(n, generation, observedAt))
  return items
}
