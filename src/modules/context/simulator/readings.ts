import type { Station } from '../demo/sensors.ts'
import { airReadings } from './air-readings.ts'
import { localTime } from './clock.ts'
import { parkingReadings } from './parking-readings.ts'
import { trafficReadings } from './traffic-readings.ts'
import type { Weather } from './weather.ts'
import { weatherReadings } from './weather-readings.ts'

/** One measured value; `unitCode` is a UN/CEFACT common code, absent for counts and fractions. */
export interface Reading {
  value: number | boolean | string | string[]
  unitCode?: string
}

/** Attribute name (as in the station's Smart Data Model) → its reading. */
export type Readings = Record<string, Reading>

export interface ReadingOptions {
  /** The same seed gives the same readings. */
  seed: number
  /** IANA zone of the city's clocks, for rush hours and shop hours. */
  timeZone: string
  /** Minutes a traffic counter counts before it reports. */
  periodMinutes: number
}

/** What a station reads at an instant, with `weather` the city's weather then (see weatherAt). */
export function readingsAt(
  station: Station,
  time: Date,
  weather: Weather,
  options: ReadingOptions,
): Readings {
  switch (station.type) {
    case 'AirQualityObserved':
      return airReadings(station, time, localTime(time, options.timeZone), weather, options.seed)
    case 'WeatherObserved':
      return weatherReadings(station, time, weather, options.seed)
    case 'OffStreetParking':
      return parkingReadings(station, time, localTime(time, options.timeZone), options.seed)
    case 'TrafficFlowObserved':
      return trafficReadings(
        station,
        time,
        localTime(time, options.timeZone),
        weather,
        options.seed,
        options.periodMinutes,
      )
  }
}
