import type { WeatherStation } from '../demo/sensors.ts'
import { normal } from './random.ts'
import type { Readings } from './readings.ts'
import { clamp, round } from './report.ts'
import type { Weather } from './weather.ts'

/** The city's usual height, to which the shared weather refers. */
const CITY_ELEVATION = 360

/** What a weather station reads: the city's weather at its own height and shelter. */
export function weatherReadings(
  station: WeatherStation,
  time: Date,
  weather: Weather,
  seed: number,
): Readings {
  const { elevation, windExposure } = station.simulation
  const minute = Math.floor(time.getTime() / 60_000)
  const noise = (name: string) => normal(seed, `${station.id}/${name}`, minute)
  // Air cools by about 6.5 °C per km of height; pressure halves every 5.5 km or so.
  const temperature = weather.temperature - 0.0065 * (elevation - CITY_ELEVATION) + 0.2 * noise('t')
  const pressure = weather.seaLevelPressure * Math.exp(-elevation / 8430) + 0.1 * noise('p')
  const windSpeed = Math.max(0, weather.windSpeed * windExposure * (1 + 0.1 * noise('wind')))
  const windDirection = (((weather.windDirection + 8 * noise('direction')) % 360) + 360) % 360
  return {
    temperature: { value: round(temperature, 1), unitCode: 'CEL' },
    relativeHumidity: { value: round(clamp(weather.relativeHumidity + 0.01 * noise('rh'), 0.05, 1), 2) },
    atmosphericPressure: { value: round(pressure, 1), unitCode: 'A97' },
    windSpeed: { value: round(windSpeed, 1), unitCode: 'MTS' },
    windDirection: { value: Math.round(windDirection) % 360, unitCode: 'DD' },
    precipitation: { value: round(weather.precipitation, 1), unitCode: 'MMT' },
  }
}
