import type { SensorPack } from '../demo/sensors.ts'
import { readingsAt } from './readings.ts'
import { weatherAt } from './weather.ts'

/** An entity in NGSI-LD normalized form, as plain JSON (no @context: the core context applies). */
export interface NgsiEntity {
  id: string
  type: string
  [attribute: string]: unknown
}

export interface ObservationOptions {
  seed: number
  /** Minutes since the previous observation: how long traffic counters counted. */
  periodMinutes: number
}

/**
 * Every station's readings at one instant as entity fragments: id, type, `dateObserved` (where
 * the model has it) and one Property per reading, each observed at that instant. Upserted with options=update they add an
 * observation without touching the station's name or place.
 */
export function observationsAt(pack: SensorPack, time: Date, options: ObservationOptions): NgsiEntity[] {
  const weather = weatherAt(time, options.seed)
  const observedAt = time.toISOString()
  const readingOptions = { ...options, timeZone: pack.timeZone }
  return pack.stations.map((station) => {
    const entity: NgsiEntity = { id: station.id, type: station.type }
    // Observation models require dateObserved; OffStreetParking has none, observedAt says it all.
    if (station.type !== 'OffStreetParking') {
      entity.dateObserved = {
        type: 'Property',
        value: { '@type': 'DateTime', '@value': observedAt },
        observedAt,
      }
    }
    for (const [name, reading] of Object.entries(readingsAt(station, time, weather, readingOptions))) {
      entity[name] =
        reading.unitCode === undefined
          ? { type: 'Property', value: reading.value, observedAt }
          : { type: 'Property', value: reading.value, unitCode: reading.unitCode, observedAt }
    }
    return entity
  })
}
