import type { TrafficCounter } from '../demo/sensors.ts'
import { bump, type LocalTime } from './clock.ts'
import { drift, normal } from './random.ts'
import type { Readings } from './readings.ts'
import { clamp, round } from './report.ts'
import type { Weather } from './weather.ts'

/**
 * Demand on a city road as a share of the weekday peak: rush hours 7:30–9:00 and 16:30–18:30 on
 * working days, a midday plateau, a quiet night; Saturdays and Sundays one gentler midday hump.
 */
export function trafficRhythm(local: LocalTime): number {
  const h = local.hour
  if (local.weekday === 6) return 0.05 + 0.55 * bump(h, 13.5, 3.8)
  if (local.weekday === 0) return 0.04 + 0.42 * bump(h, 15.5, 4)
  const workday =
    0.04 +
    0.5 * bump(h, 13.5, 4) +
    0.45 * bump(h, 8, 1) +
    0.4 * bump(h, 17.6, 1.1) +
    0.12 * bump(h, 20.8, 1.6)
  return workday / 0.757
}

/** Road a vehicle takes up over the detector loop (its length plus the loop's), in km. */
const OCCUPIED_LENGTH_KM = 0.0065

export function trafficReadings(
  counter: TrafficCounter,
  time: Date,
  local: LocalTime,
  weather: Weather,
  seed: number,
  periodMinutes: number,
): Readings {
  const { peakFlow, capacity, speedLimit } = counter.simulation
  const hours = time.getTime() / 3_600_000
  const minute = Math.floor(time.getTime() / 60_000)
  const wet = weather.precipitation > 0.2
  const demand =
    peakFlow *
    trafficRhythm(local) *
    (1 + 0.08 * drift(seed, `${counter.id}/demand`, hours, 0.75)) *
    (wet ? 1.04 : 1)
  const ratio = demand / capacity
  const flow = Math.min(demand, capacity * 0.98)

  // Speed holds near the limit until the lane fills, then falls steeply (a BPR-like curve).
  const freeSpeed = speedLimit * (wet ? 0.92 : 1.02)
  const speed = clamp(
    freeSpeed * (1 - 0.75 * ratio ** 4) + 2 * normal(seed, `${counter.id}/speed`, minute),
    5,
    90,
  )

  const expected = (flow * periodMinutes) / 60
  const intensity = Math.max(0, Math.round(expected + Math.sqrt(expected) * normal(seed, counter.id, minute)))
  const occupancy = clamp((flow * OCCUPIED_LENGTH_KM) / speed, 0, 0.95)

  return {
    intensity: { value: intensity },
    averageVehicleSpeed: { value: round(speed, 1), unitCode: 'KMH' },
    occupancy: { value: round(occupancy, 2) },
    congested: { value: ratio > 0.9 || speed < speedLimit * 0.4 },
  }
}
