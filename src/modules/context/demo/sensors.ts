import { readFile } from 'node:fs/promises'
import { type Static, Type } from 'typebox'
import { parseWith } from '../../../platform/validation/parse.ts'

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })
const Fraction = Type.Number({ minimum: 0, maximum: 1 })

const common = {
  id: Type.String({ pattern: '^urn:ngsi-ld:[A-Za-z]+:[a-z0-9-]+:[a-z0-9-]+$' }),
  name: Type.String({ minLength: 1 }),
  address: Type.String({ minLength: 1, description: 'Street or square, in Romanian' }),
  area: Type.Object(
    { slug: Slug, name: Type.String({ minLength: 1 }) },
    { additionalProperties: false, description: 'The neighbourhood the station stands in' },
  ),
  location: Type.Object(
    { lon: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
    { additionalProperties: false },
  ),
}

export const AIR_POLLUTANTS = ['no2', 'pm10', 'pm25', 'o3', 'co', 'temperature', 'relativeHumidity'] as const
export type AirMeasure = (typeof AIR_POLLUTANTS)[number]

const AirStationSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('AirQualityObserved'),
    measures: Type.Optional(
      Type.Array(Type.Union(AIR_POLLUTANTS.map((name) => Type.Literal(name))), { minItems: 1 }),
    ),
    simulation: Type.Object(
      {
        trafficExposure: Fraction,
        heatingExposure: Type.Number({
          minimum: 0,
          maximum: 1,
          description: 'Houses heated with wood nearby',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

const WeatherStationSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('WeatherObserved'),
    simulation: Type.Object(
      {
        elevation: Type.Number({ minimum: 0, maximum: 3000, description: 'metres above sea level' }),
        windExposure: Type.Number({ minimum: 0, maximum: 3, description: 'open field 1.3, sheltered 0.8' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

const ParkingSiteSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('OffStreetParking'),
    totalSpotNumber: Type.Integer({ minimum: 1 }),
    category: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    simulation: Type.Object(
      { usage: Type.Union([Type.Literal('office'), Type.Literal('residential'), Type.Literal('shopping')]) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

const TrafficCounterSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('TrafficFlowObserved'),
    laneId: Type.Integer({ minimum: 1 }),
    laneDirection: Type.Union([Type.Literal('forward'), Type.Literal('backward')]),
    simulation: Type.Object(
      {
        peakFlow: Type.Number({ exclusiveMinimum: 0, description: 'vehicles per hour at the weekday peak' }),
        capacity: Type.Number({ exclusiveMinimum: 0, description: 'vehicles per hour the lane can carry' }),
        speedLimit: Type.Number({ exclusiveMinimum: 0, description: 'km/h' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export const SensorPackSchema = Type.Object(
  {
    city: Slug,
    locality: Type.String({ minLength: 1, description: 'The city as written in postal addresses' }),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    timeZone: Type.String({ minLength: 1 }),
    source: Type.String({ minLength: 1 }),
    attribution: Type.String({ minLength: 1 }),
    stations: Type.Array(
      Type.Union([AirStationSchema, WeatherStationSchema, ParkingSiteSchema, TrafficCounterSchema]),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
)

export type SensorPack = Static<typeof SensorPackSchema>
export type Station = SensorPack['stations'][number]
export type AirStation = Static<typeof AirStationSchema>
export type WeatherStation = Static<typeof WeatherStationSchema>
export type ParkingSite = Static<typeof ParkingSiteSchema>
export type TrafficCounter = Static<typeof TrafficCounterSchema>

/** Checks a sensors file: its shape, then what a schema cannot say (ids match types and differ). */
export function parseSensors(json: unknown, what = 'sensors.json'): SensorPack {
  const pack = parseWith(SensorPackSchema, json, what)
  const seen = new Set<string>()
  for (const station of pack.stations) {
    if (!station.id.startsWith(`urn:ngsi-ld:${station.type}:`)) {
      throw new Error(`${what} is not valid: ${station.id} does not name its type ${station.type}`)
    }
    if (seen.has(station.id)) throw new Error(`${what} is not valid: ${station.id} appears twice`)
    seen.add(station.id)
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: pack.timeZone })
  } catch {
    throw new Error(`${what} is not valid: "${pack.timeZone}" is not a time zone`)
  }
  return pack
}

export async function readSensors(path: string): Promise<SensorPack> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read'
    throw new Error(`The sensors file ${path} ${reason}`)
  }
  return parseSensors(json, path)
}
