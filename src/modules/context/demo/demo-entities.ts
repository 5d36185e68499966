import { type NgsiEntity, observationsAt } from '../simulator/observations.ts'
import type { SensorPack, Station } from './sensors.ts'

export type { NgsiEntity } from '../simulator/observations.ts'
export { parseSensors } from './sensors.ts'

/**
 * The demo's stations as Smart Data Models entities in NGSI-LD normalized form: what each station
 * is (name, place, neighbourhood, lane or spots) and its first readings at `at`.
 */
export function demoEntities(pack: SensorPack, at: Date, seed = 1): NgsiEntity[] {
  const observations = observationsAt(pack, at, { seed, periodMinutes: 10 })
  return pack.stations.map((station, index) => {
    const { id, type, ...readings } = observations[index]!
    return { id, type, ...description(pack, station), ...readings }
  })
}

const property = (value: unknown) => ({ type: 'Property', value })

function description(pack: SensorPack, station: Station): Record<string, unknown> {
  const common = {
    name: property(station.name),
    description: property(pack.attribution),
    source: property(pack.source),
    areaServed: property(station.area.name),
    address: property({
      streetAddress: station.address,
      addressLocality: pack.locality,
      addressCountry: pack.country,
    }),
    location: {
      type: 'GeoProperty',
      value: { type: 'Point', coordinates: [station.location.lon, station.location.lat] },
    },
  }
  switch (station.type) {
    case 'AirQualityObserved':
      return { ...common, typeofLocation: property('outdoor') }
    case 'WeatherObserved':
      return common
    case 'OffStreetParking':
      return {
        ...common,
        totalSpotNumber: property(station.totalSpotNumber),
        category: property(station.category),
        allowedVehicleType: property(['car']),
      }
    case 'TrafficFlowObserved':
      return { ...common, laneId: property(station.laneId), laneDirection: property(station.laneDirection) }
  }
}
