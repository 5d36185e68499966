import type { ParkingSite } from '../demo/sensors.ts'
import { bump, type LocalTime } from './clock.ts'
import { drift } from './random.ts'
import type { Readings } from './readings.ts'
import { clamp, round } from './report.ts'

/** Rises at `start` and falls at `end` (local hours) over about `ramp` hours each. */
function during(hour: number, start: number, end: number, ramp: number): number {
  const rise = 1 / (1 + Math.exp((-4 * (hour - start)) / ramp))
  const fall = 1 / (1 + Math.exp((-4 * (end - hour)) / ramp))
  return rise * fall
}

/** Share of spots taken by the kind of place: offices fill by day, homes by night, malls by evening. */
export function parkingRhythm(usage: ParkingSite['simulation']['usage'], local: LocalTime): number {
  const h = local.hour
  const weekend = local.weekday === 0 || local.weekday === 6
  switch (usage) {
    case 'office':
      return weekend
        ? 0.12 + (local.weekday === 6 ? 0.5 : 0.3) * bump(h, 13.5, 3) + 0.15 * bump(h, 20, 1.5)
        : 0.12 + 0.8 * during(h, 8, 18.5, 1.2) + 0.2 * bump(h, 20, 1.5)
    case 'residential':
      return weekend ? 0.9 - 0.25 * bump(h, 13, 3) : 0.93 - 0.5 * during(h, 7.5, 17.5, 1)
    case 'shopping': {
      const open = during(h, 10, 22, 0.6)
      return 0.03 + open * (weekend ? 0.5 + 0.42 * bump(h, 15, 3) : 0.28 + 0.4 * bump(h, 18.5, 2))
    }
  }
}

export function parkingReadings(site: ParkingSite, time: Date, local: LocalTime, seed: number): Readings {
  const total = site.totalSpotNumber
  const hours = time.getTime() / 3_600_000
  const share =
    parkingRhythm(site.simulation.usage, local) +
    0.06 * drift(seed, `${site.id}/share`, hours, 3) +
    0.02 * drift(seed, `${site.id}/share/short`, hours, 0.5)
  const occupied = Math.round(clamp(share, 0, 1) * total)
  const occupancy = occupied / total
  const status = occupancy >= 0.98 ? 'full' : occupancy >= 0.9 ? 'almostFull' : 'spacesAvailable'
  return {
    availableSpotNumber: { value: total - occupied },
    occupiedSpotNumber: { value: occupied },
    occupancy: { value: round(occupancy, 2) },
    status: { value: [status] },
  }
}
