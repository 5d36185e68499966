import { AIR_POLLUTANTS, type AirStation } from '../demo/sensors.ts'
import { bump, type LocalTime } from './clock.ts'
import { drift, normal } from './random.ts'
import type { Readings } from './readings.ts'
import { clamp, round } from './report.ts'
import { trafficRhythm } from './traffic-readings.ts'
import { clearSkySun, type Weather } from './weather.ts'

/**
 * Concentrations at an air-quality station, µg/m³ (CO mg/m³). NO2 follows the traffic an hour
 * late; particles come from wood and gas heating on cold mornings and evenings, gather when the
 * wind is low and the winter night air is still, and rain washes them out; ozone forms in sunny
 * afternoons and is eaten by traffic exhaust.
 */
export function airReadings(
  station: AirStation,
  time: Date,
  local: LocalTime,
  weather: Weather,
  seed: number,
): Readings {
  const { trafficExposure, heatingExposure } = station.simulation
  const hours = time.getTime() / 3_600_000
  const minute = Math.floor(time.getTime() / 60_000)
  const noise = (name: string) => normal(seed, `${station.id}/${name}`, minute)

  const traffic = trafficRhythm(hourEarlier(local))
  const heating = clamp((15 - weather.temperature) / 17, 0, 1)
  const heatingHours = 0.25 + 0.6 * bump(local.hour, 7.5, 1.5) + bump(local.hour, 20.5, 2.2)
  const stillNight = weather.sunshine < 0.02 ? 0.5 * (1 - weather.summer) : 0
  const dispersion = (1 + stillNight) / (0.45 + 0.28 * weather.windSpeed)
  const washout = 1 / (1 + 0.6 * weather.precipitation)
  const siteDrift = 1 + 0.12 * drift(seed, `${station.id}/local`, hours, 6)

  const trafficNo2 = trafficExposure * 50 * traffic * dispersion
  const no2 = (7 + 8 * heating) * siteDrift + trafficNo2 + 2 * noise('no2')
  const pm10 =
    (10 + 8 * heating + heatingExposure * 40 * heating * heatingHours + trafficExposure * 14 * traffic) *
      dispersion *
      washout *
      siteDrift +
    1.5 * noise('pm10')
  const pm25 = pm10 * (0.5 + 0.25 * heating) + 0.8 * noise('pm25')
  const photochemistry = clearSkySun(new Date(time.getTime() - 5_400_000)) * (1 - 0.75 * weather.cloudCover)
  const o3 =
    (18 + 17 * weather.summer) * (0.55 + 0.45 * Math.min(1, weather.windSpeed / 3)) +
    110 * photochemistry * (0.3 + 0.7 * weather.summer) -
    0.3 * trafficNo2 +
    3 * noise('o3')
  const co =
    0.18 + 0.35 * heatingExposure * heating * heatingHours + 0.6 * trafficExposure * traffic * dispersion

  const all: Readings = {
    no2: { value: round(Math.max(1, no2)), unitCode: 'GQ' },
    pm10: { value: round(Math.max(1, pm10), 1), unitCode: 'GQ' },
    pm25: { value: round(clamp(pm25, 0.5, Math.max(1, pm10)), 1), unitCode: 'GQ' },
    o3: { value: round(Math.max(2, o3)), unitCode: 'GQ' },
    co: { value: round(Math.max(0.05, co + 0.04 * noise('co')), 2), unitCode: 'GP' },
    temperature: {
      value: round(weather.temperature + 0.5 * trafficExposure + 0.3 * noise('t'), 1),
      unitCode: 'CEL',
    },
    relativeHumidity: { value: round(clamp(weather.relativeHumidity + 0.015 * noise('rh'), 0.05, 1), 2) },
  }
  const measured: Readings = {}
  for (const name of station.measures ?? AIR_POLLUTANTS) measured[name] = all[name]!
  const level = airQualityLevel(measured)
  if (level) measured.airQualityLevel = { value: level }
  return measured
}

/** Upper bounds of the European Air Quality Index bands, µg/m³ (EEA, 2021 onwards). */
const BANDS: Record<string, number[]> = {
  pm25: [10, 20, 25, 50, 75],
  pm10: [20, 40, 50, 100, 150],
  no2: [40, 90, 120, 230, 340],
  o3: [50, 100, 130, 240, 380],
}
const LEVELS = ['good', 'fair', 'moderate', 'poor', 'veryPoor', 'extremelyPoor']

/** The worst band among the pollutants measured; none when the station measures none of them. */
export function airQualityLevel(readings: Readings): string | undefined {
  let worst = -1
  for (const [name, bands] of Object.entries(BANDS)) {
    const value = readings[name]?.value
    if (typeof value !== 'number') continue
    const band = bands.findIndex((upper) => value <= upper)
    worst = Math.max(worst, band === -1 ? bands.length : band)
  }
  return worst === -1 ? undefined : LEVELS[worst]
}

function hourEarlier(local: LocalTime): LocalTime {
  return local.hour >= 1
    ? { hour: local.hour - 1, weekday: local.weekday }
    : { hour: local.hour + 23, weekday: (local.weekday + 6) % 7 }
}
