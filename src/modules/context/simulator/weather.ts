import { dayOfYear, solarHour } from './clock.ts'
import { drift, uniform } from './random.ts'
import { clamp } from './report.ts'

/** The weather over the whole city at one instant; stations read it with their local quirks. */
export interface Weather {
  /** °C at 2 m, at the city's usual height (about 360 m). */
  temperature: number
  /** 0…1 */
  relativeHumidity: number
  /** hPa reduced to sea level; a station converts it to its own height. */
  seaLevelPressure: number
  /** m/s at 10 m in open ground. */
  windSpeed: number
  /** Degrees the wind blows from, 0…360. */
  windDirection: number
  /** mm (l/m²) in the last hour. */
  precipitation: number
  /** 0…1 */
  cloudCover: number
  /** 0…1: how much sunshine reaches the ground compared with a clear noon in midsummer. */
  sunshine: number
  /** 0 in mid-January, 1 in mid-July: how far into summer the year is. */
  summer: number
}

const CLUJ_LONGITUDE = 23.6

/** Mean daily temperature in Cluj-Napoca by month, °C (1991–2020 climate, rounded). */
const MONTHLY_MEAN = [-2.6, -0.6, 4.2, 10, 15, 18.5, 20.8, 20.3, 15.6, 10, 4.8, -0.8]

function seasonalMean(day: number): number {
  // Monthly means stand at mid-month; interpolate between neighbours around the year.
  const position = (day - 15.2 + 365) / 30.42
  const index = Math.floor(position) % 12
  const next = (index + 1) % 12
  const t = position - Math.floor(position)
  return MONTHLY_MEAN[index]! + (MONTHLY_MEAN[next]! - MONTHLY_MEAN[index]!) * t
}

/** Daylight strength 0…1 from sunrise to sunset, by hour of the sun's day. */
export function daylight(day: number, sunHour: number): number {
  // At 46.8° N the day lasts from about 8.7 h in December to 15.6 h in June.
  const length = 12.15 + 3.45 * Math.sin((2 * Math.PI * (day - 80)) / 365)
  const sunrise = 12 - length / 2
  if (sunHour < sunrise || sunHour > sunrise + length) return 0
  return Math.sin((Math.PI * (sunHour - sunrise)) / length)
}

/** 0 in mid-January, 1 in mid-July, the warmest weeks lagging the longest days. */
function summerness(day: number): number {
  return (1 - Math.cos((2 * Math.PI * (day - 15)) / 365)) / 2
}

/** Sunshine under a clear sky, 0…1: 1 at a midsummer noon, about 0.45 at a midwinter one. */
export function clearSkySun(time: Date): number {
  const day = dayOfYear(time)
  return daylight(day, solarHour(time, CLUJ_LONGITUDE)) * (0.45 + 0.55 * summerness(day))
}

export function weatherAt(time: Date, seed: number): Weather {
  const hours = time.getTime() / 3_600_000
  const day = dayOfYear(time)
  const summer = summerness(day)
  const sunHour = solarHour(time, CLUJ_LONGITUDE)

  const cloudCover = clamp(
    0.5 +
      0.15 * (1 - summer) +
      0.4 * drift(seed, 'cloud', hours, 20) +
      0.2 * drift(seed, 'cloud/short', hours, 5),
    0,
    1,
  )
  const sunshine = clearSkySun(time) * (1 - 0.75 * cloudCover)

  // Warmest at about 14:30 sun time, coldest before dawn; clouds flatten the day.
  const dailySwing = (3 + 3 * summer) * (1 - 0.5 * cloudCover)
  const diurnal = Math.cos((2 * Math.PI * (sunHour - 14.5)) / 24)
  const anomaly = 4 * drift(seed, 'temperature', hours, 80) + drift(seed, 'temperature/short', hours, 9)
  const temperature = seasonalMean(day) + anomaly + dailySwing * diurnal

  const raining = Math.max(0, cloudCover - 0.78) / 0.22
  const precipitation =
    raining > 0 ? raining * (0.6 + 2.4 * summer) * (0.5 + uniform(seed, 'rain', Math.floor(hours))) : 0

  const relativeHumidity = clamp(
    0.64 + 0.1 * (1 - summer) + 0.12 * cloudCover - 0.22 * diurnal * (1 - 0.5 * cloudCover) + 0.15 * raining,
    0.2,
    1,
  )

  const seaLevelPressure = 1016 + 9 * drift(seed, 'pressure', hours, 96) - 8 * (cloudCover - 0.5)

  // Afternoons mix the air and blow harder; winter nights in the Someș valley are often calm.
  const windBase = 2.3 + 1.3 * drift(seed, 'wind', hours, 30) + 0.7 * drift(seed, 'wind/short', hours, 4)
  const windSpeed = Math.max(0, windBase * (0.6 + 0.6 * daylight(day, sunHour)) * (0.8 + 0.3 * summer))
  const windDirection = (((290 + 70 * drift(seed, 'wind/direction', hours, 18)) % 360) + 360) % 360

  return {
    temperature,
    relativeHumidity,
    seaLevelPressure,
    windSpeed,
    windDirection,
    precipitation,
    cloudCover,
    sunshine,
    summer,
  }
}
