import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { parseSensors, type SensorPack, type Station } from '../demo/sensors.ts'
import { type Readings, readingsAt } from './readings.ts'
import { trafficRhythm } from './traffic-readings.ts'
import { weatherAt } from './weather.ts'

const pack: SensorPack = parseSensors(
  JSON.parse(
    await readFile(new URL('../../../demo/packs/cluj-napoca/sensors.json', import.meta.url), 'utf8'),
  ) as unknown,
)
const SEED = 42

function read(station: Station, iso: string, seed = SEED): Readings {
  const time = new Date(iso)
  return readingsAt(station, time, weatherAt(time, seed), {
    seed,
    timeZone: pack.timeZone,
    periodMinutes: 10,
  })
}

function station(idEnd: string): Station {
  const found = pack.stations.find((candidate) => candidate.id.endsWith(`:${idEnd}`))
  assert.ok(found, idEnd)
  return found
}

const ofType = (type: Station['type']) => pack.stations.filter((candidate) => candidate.type === type)
const value = (readings: Readings, name: string) => readings[name]?.value as number

/** Sum of a reading over the hour after a local time (Cluj is UTC+2 in November). */
function hourTotal(counter: Station, startIso: string, name: string): number {
  let total = 0
  for (let minute = 0; minute < 60; minute += 10) {
    total += value(read(counter, new Date(Date.parse(startIso) + minute * 60_000).toISOString()), name)
  }
  return total
}

describe('simulated readings', () => {
  test('weekday rush hours carry far more traffic than the night, on every counter', () => {
    for (const counter of ofType('TrafficFlowObserved')) {
      const morning = hourTotal(counter, '2025-11-18T08:00:00+02:00', 'intensity')
      const evening = hourTotal(counter, '2025-11-18T17:00:00+02:00', 'intensity')
      const night = hourTotal(counter, '2025-11-18T03:00:00+02:00', 'intensity')
      assert.ok(morning > 4 * night, `${counter.id}: morning ${morning}, night ${night}`)
      assert.ok(evening > 4 * night, `${counter.id}: evening ${evening}, night ${night}`)
    }
  })

  test('weekend rush hours are quieter than weekday ones', () => {
    for (const hour of [8, 17.5]) {
      const local = (weekday: number) => trafficRhythm({ hour, weekday })
      assert.ok(local(6) < 0.8 * local(2), `Saturday at ${hour}`)
      assert.ok(local(0) < 0.8 * local(2), `Sunday at ${hour}`)
    }
    const counter = station('calea-dorobantilor')
    const tuesday = hourTotal(counter, '2025-11-18T08:00:00+02:00', 'intensity')
    const sunday = hourTotal(counter, '2025-11-23T08:00:00+02:00', 'intensity')
    assert.ok(sunday < tuesday / 2, `Sunday ${sunday}, Tuesday ${tuesday}`)
  })

  test('the centre fills by day and homes by night', () => {
    const office = station('mihai-viteazu')
    const home = station('primaverii')
    const noon = '2025-11-18T12:00:00+02:00'
    const night = '2025-11-18T02:00:00+02:00'
    assert.ok(value(read(office, noon), 'occupancy') > value(read(office, night), 'occupancy') + 0.4)
    assert.ok(value(read(home, night), 'occupancy') > value(read(home, noon), 'occupancy') + 0.25)
  })

  test('NO2 at a busy road is higher in the evening rush than before dawn', () => {
    const air = station('piata-marasti')
    let rush = 0
    let dawn = 0
    for (let day = 17; day <= 21; day++) {
      rush += value(read(air, `2025-11-${day}T18:30:00+02:00`), 'no2')
      dawn += value(read(air, `2025-11-${day}T04:00:00+02:00`), 'no2')
    }
    assert.ok(rush > 1.5 * dawn, `rush ${rush}, dawn ${dawn}`)
  })

  test('ozone peaks on summer afternoons, particles on winter mornings', () => {
    const air = station('piata-unirii')
    let summerAfternoon = 0
    let winterAfternoon = 0
    let winterMorningPm = 0
    let summerMorningPm = 0
    for (let day = 10; day <= 16; day++) {
      summerAfternoon += value(read(air, `2025-07-${day}T15:00:00+03:00`), 'o3')
      winterAfternoon += value(read(air, `2025-01-${day}T15:00:00+02:00`), 'o3')
      winterMorningPm += value(read(air, `2025-01-${day}T08:00:00+02:00`), 'pm10')
      summerMorningPm += value(read(air, `2025-07-${day}T08:00:00+03:00`), 'pm10')
    }
    assert.ok(
      summerAfternoon > 2 * winterAfternoon,
      `O3 summer ${summerAfternoon}, winter ${winterAfternoon}`,
    )
    assert.ok(
      winterMorningPm > 1.5 * summerMorningPm,
      `PM10 winter ${winterMorningPm}, summer ${summerMorningPm}`,
    )
  })

  test('temperatures follow Cluj seasons: about 5 °C in November, about 21 °C in July', () => {
    const mean = (month: string) => {
      let sum = 0
      let count = 0
      for (let hour = 0; hour < 30 * 24; hour += 1) {
        sum += weatherAt(
          new Date(Date.parse(`2025-${month}-01T00:00:00Z`) + hour * 3_600_000),
          SEED,
        ).temperature
        count++
      }
      return sum / count
    }
    const november = mean('11')
    const july = mean('07')
    assert.ok(november > 0 && november < 9, `November ${november}`)
    assert.ok(july > 17 && july < 25, `July ${july}`)
  })

  test('the same seed gives the same readings; another seed other readings', () => {
    const instant = '2025-11-18T08:20:00Z'
    for (const one of pack.stations) assert.deepEqual(read(one, instant), read(one, instant))
    const air = station('piata-unirii')
    const differ = pack.stations.some(
      (one) => JSON.stringify(read(one, instant, 1)) !== JSON.stringify(read(one, instant, 2)),
    )
    assert.ok(differ)
    assert.deepEqual(read(air, instant, 7), read(air, instant, 7))
  })

  test('every reading stays within physical limits over a simulated week in each season', () => {
    const limits: Record<string, [number, number]> = {
      no2: [0, 400],
      pm10: [0, 300],
      pm25: [0, 250],
      o3: [0, 300],
      co: [0, 10],
      temperature: [-30, 42],
      relativeHumidity: [0, 1],
      atmosphericPressure: [900, 1050],
      windSpeed: [0, 30],
      windDirection: [0, 360],
      precipitation: [0, 50],
      intensity: [0, 1000],
      averageVehicleSpeed: [0, 130],
      occupancy: [0, 1],
    }
    for (const start of [
      '2025-01-13T00:00:00Z',
      '2025-04-14T00:00:00Z',
      '2025-07-14T00:00:00Z',
      '2025-11-17T00:00:00Z',
    ]) {
      for (let minute = 0; minute < 7 * 24 * 60; minute += 30) {
        const instant = new Date(Date.parse(start) + minute * 60_000).toISOString()
        for (const one of pack.stations) {
          const readings = read(one, instant)
          for (const [name, reading] of Object.entries(readings)) {
            const range = limits[name]
            if (!range) continue
            assert.equal(typeof reading.value, 'number', `${one.id} ${name}`)
            const number = reading.value as number
            assert.ok(
              Number.isFinite(number) && number >= range[0] && number <= range[1],
              `${one.id} ${name} = ${number} at ${instant}`,
            )
          }
          if (one.type === 'AirQualityObserved') {
            assert.ok(value(readings, 'pm25') <= value(readings, 'pm10'), `${one.id} PM2.5 above PM10`)
          }
          if (one.type === 'OffStreetParking') {
            const occupied = value(readings, 'occupiedSpotNumber')
            const available = value(readings, 'availableSpotNumber')
            assert.ok(Number.isInteger(occupied) && occupied >= 0 && occupied <= one.totalSpotNumber)
            assert.equal(occupied + available, one.totalSpotNumber)
          }
          if (one.type === 'TrafficFlowObserved') {
            assert.ok(Number.isInteger(value(readings, 'intensity')))
            assert.equal(typeof readings.congested?.value, 'boolean')
          }
        }
      }
    }
  })

  test('a particle-only sensor reports only what it measures', () => {
    const names = Object.keys(read(station('buna-ziua'), '2025-11-18T08:00:00Z')).sort()
    assert.deepEqual(names, ['airQualityLevel', 'pm10', 'pm25', 'relativeHumidity', 'temperature'])
  })
})
