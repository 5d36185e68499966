import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { slugify } from '../../../platform/text/slug.ts'
import { demoEntities, type NgsiEntity, parseSensors } from './demo-entities.ts'

const packFile = (name: string) => new URL(`../../../demo/packs/cluj-napoca/${name}`, import.meta.url)
const sensorsJson: unknown = JSON.parse(await readFile(packFile('sensors.json'), 'utf8'))
const pack = parseSensors(sensorsJson)
const AT = new Date('2025-11-18T08:30:00Z')
const entities = demoEntities(pack, AT, 3)

type Ring = [number, number][]
interface Neighbourhood {
  properties: { name: string }
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] }
}

/** Ray casting: a point is inside when a ray from it crosses the ring's edges an odd number of times. */
function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function inNeighbourhood(point: [number, number], area: Neighbourhood): boolean {
  const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)),
  )
}

describe('the demo stations', () => {
  test('stand inside the neighbourhood they name, with its real name', async () => {
    const areas = (
      JSON.parse(await readFile(packFile('neighbourhoods.geojson'), 'utf8')) as { features: Neighbourhood[] }
    ).features
    for (const station of pack.stations) {
      const area = areas.find((candidate) => slugify(candidate.properties.name) === station.area.slug)
      assert.ok(area, `${station.id}: no neighbourhood "${station.area.slug}"`)
      assert.equal(station.area.name, area.properties.name, station.id)
      assert.ok(
        inNeighbourhood([station.location.lon, station.location.lat], area),
        `${station.id} at ${station.location.lon}, ${station.location.lat} is outside ${area.properties.name}`,
      )
    }
  })

  test('cover the kinds the demo shows, with unique ids of the urn:ngsi-ld:<Type>:cluj-napoca:<slug> form', () => {
    const ids = entities.map((entity) => entity.id)
    assert.equal(new Set(ids).size, ids.length)
    for (const entity of entities) {
      assert.match(entity.id, new RegExp(`^urn:ngsi-ld:${entity.type}:cluj-napoca:[a-z0-9]+(-[a-z0-9]+)*$`))
    }
    const count = (type: string) => entities.filter((entity) => entity.type === type).length
    assert.ok(count('AirQualityObserved') >= 6)
    assert.ok(count('WeatherObserved') >= 1)
    assert.ok(count('OffStreetParking') >= 5)
    assert.ok(count('TrafficFlowObserved') >= 6)
  })

  test('say they are a simulated demo', () => {
    assert.match(pack.source, /demo, simulated/)
    for (const entity of entities) {
      assert.deepEqual(entity.source, { type: 'Property', value: pack.source })
      assert.match(String((entity.description as { value: unknown }).value), /not real measurements/)
    }
  })

  test('are normalized NGSI-LD on the core context: typed attributes, points, readings observed at the instant', () => {
    for (const entity of entities) {
      assert.equal(entity['@context'], undefined)
      assert.deepEqual(entity.location, {
        type: 'GeoProperty',
        value: { type: 'Point', coordinates: [expect(entity).lon, expect(entity).lat] },
      })
      for (const [name, attribute] of Object.entries(entity)) {
        if (name === 'id' || name === 'type') continue
        const { type } = attribute as { type: string }
        assert.ok(['Property', 'GeoProperty', 'Relationship'].includes(type), `${entity.id} ${name}`)
      }
      for (const name of ['dateObserved', ...readingNames(entity.type)]) {
        const attribute = entity[name] as { observedAt?: string } | undefined
        if (attribute) assert.equal(attribute.observedAt, AT.toISOString(), `${entity.id} ${name}`)
      }
      if (entity.type === 'OffStreetParking') continue
      assert.deepEqual((entity.dateObserved as { value: unknown }).value, {
        '@type': 'DateTime',
        '@value': AT.toISOString(),
      })
    }
    const air = entities.find((entity) => entity.id.endsWith(':piata-unirii'))!
    assert.deepEqual(Object.keys(air.no2 as object).sort(), ['observedAt', 'type', 'unitCode', 'value'])
    assert.equal((air.no2 as { unitCode: string }).unitCode, 'GQ')
  })

  test('parseSensors names what is wrong', () => {
    const copy = () => structuredClone(sensorsJson) as { stations: Record<string, unknown>[] }
    const missing = copy()
    delete missing.stations[0]!.location
    assert.throws(() => parseSensors(missing), /sensors.json is not valid: .*location/)
    const mistyped = copy()
    mistyped.stations[0]!.id = 'urn:ngsi-ld:WeatherObserved:cluj-napoca:piata-unirii'
    assert.throws(() => parseSensors(mistyped), /does not name its type AirQualityObserved/)
    const twice = copy()
    twice.stations.push(twice.stations[0]!)
    assert.throws(() => parseSensors(twice), /appears twice/)
    assert.throws(() => parseSensors({ ...copy(), timeZone: 'Europe/Cluj' }), /not a time zone/)
  })
})

function expect(entity: NgsiEntity): { lon: number; lat: number } {
  return pack.stations.find((station) => station.id === entity.id)!.location
}

function readingNames(type: string): string[] {
  const names: Record<string, string[]> = {
    AirQualityObserved: ['no2', 'pm10', 'pm25', 'o3', 'co', 'temperature', 'relativeHumidity'],
    WeatherObserved: ['temperature', 'relativeHumidity', 'atmosphericPressure', 'windSpeed', 'windDirection'],
    OffStreetParking: ['availableSpotNumber', 'occupiedSpotNumber', 'occupancy', 'status'],
    TrafficFlowObserved: ['intensity', 'averageVehicleSpeed', 'occupancy', 'congested'],
  }
  return names[type] ?? []
}

const SCHEMAS = fileURLToPath(new URL('../../../../test/fixtures/smart-data-models/', import.meta.url))

/**
 * OffStreetParking has no schema among the fixtures; its attributes as in dataModel.Parking's
 * OffStreetParking/schema.json (v0.1.3), those the demo uses and their close neighbours.
 */
const OFF_STREET_PARKING = [
  'category',
  'allowedVehicleType',
  'totalSpotNumber',
  'availableSpotNumber',
  'occupiedSpotNumber',
  'occupancy',
  'status',
  'chargeType',
  'openingHours',
  'requiredPermit',
]
/** GSMA-Commons and Location-Commons, which every entity of these models carries. */
const COMMONS = [
  'id',
  'type',
  'name',
  'description',
  'source',
  'dataProvider',
  'location',
  'address',
  'areaServed',
]

type JsonSchema = { [key: string]: unknown }

async function loadSchemas(): Promise<Map<string, JsonSchema>> {
  const files = [
    'common-schema.json',
    'weather-schema.json',
    'Environment-schema.json',
    'AirQualityObserved/schema.json',
    'WeatherObserved/schema.json',
    'TrafficFlowObserved/schema.json',
  ]
  const byId = new Map<string, JsonSchema>()
  for (const file of files) {
    const schema = JSON.parse(await readFile(`${SCHEMAS}${file}`, 'utf8')) as JsonSchema
    byId.set(String(schema.$id), schema)
  }
  return byId
}

/** Follows a `$ref` (absolute URL with a JSON pointer) into the local copies of the schemas. */
function resolve(ref: string, byId: Map<string, JsonSchema>): JsonSchema {
  const [url = '', pointer = ''] = ref.split('#')
  // Exact address, or the same file name (the Environment schema is also cited by its GitHub address).
  const document =
    byId.get(url) ?? [...byId.entries()].find(([id]) => id.split('/').pop() === url.split('/').pop())?.[1]
  assert.ok(document, `no local copy of ${url}`)
  let node: unknown = document
  for (const part of pointer.split('/').filter(Boolean)) node = (node as JsonSchema)[part]
  return node as JsonSchema
}

function modelSchema(type: string, byId: Map<string, JsonSchema>): JsonSchema {
  const schema = [...byId.entries()].find(([id]) => id.endsWith(`/${type}/schema.json`))?.[1]
  assert.ok(schema, `no schema for ${type}`)
  return schema
}

/** Attribute names a schema allows: its properties and those of every allOf branch, refs followed. */
function attributeNames(schema: JsonSchema, byId: Map<string, JsonSchema>): Set<string> {
  const names = new Set<string>()
  const walk = (node: JsonSchema) => {
    if (typeof node.$ref === 'string') walk(resolve(node.$ref, byId))
    for (const name of Object.keys((node.properties as object | undefined) ?? {})) names.add(name)
    for (const branch of (node.allOf as JsonSchema[] | undefined) ?? []) walk(branch)
  }
  walk(schema)
  return names
}

/** The key-values form the schemas describe: each attribute replaced by its value. */
function keyValues(entity: NgsiEntity): Record<string, unknown> {
  const simplified: Record<string, unknown> = { id: entity.id, type: entity.type }
  for (const [name, attribute] of Object.entries(entity)) {
    if (name === 'id' || name === 'type') continue
    const { value, object } = attribute as { value?: unknown; object?: unknown }
    const literal = value as { '@value'?: unknown } | undefined
    simplified[name] =
      object ?? (literal && typeof literal === 'object' && '@value' in literal ? literal['@value'] : value)
  }
  return simplified
}

describe('the demo entities against the Smart Data Models schemas', () => {
  test('use only attribute names their model defines', async () => {
    const byId = await loadSchemas()
    for (const entity of entities) {
      const allowed =
        entity.type === 'OffStreetParking'
          ? new Set([...COMMONS, ...OFF_STREET_PARKING])
          : attributeNames(modelSchema(entity.type, byId), byId)
      for (const name of Object.keys(entity)) {
        assert.ok(allowed.has(name), `${entity.type} has no attribute "${name}" (${entity.id})`)
      }
    }
  })

  test('carry values their model accepts', async () => {
    const byId = await loadSchemas()
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats.default(ajv)
    for (const schema of byId.values()) ajv.addSchema(schema)
    // AirQualityObserved points at the Environment schema by its raw GitHub address.
    const environment = byId.get(
      'https://smart-data-models.github.io/dataModel.Environment/Environment-schema.json',
    )!
    ajv.addSchema({
      ...environment,
      $id: 'https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/Environment-schema.json',
    })
    for (const entity of entities) {
      if (entity.type === 'OffStreetParking') continue
      const validate = ajv.getSchema(modelSchema(entity.type, byId).$id as string)!
      const simplified = keyValues(entity)
      assert.ok(validate(simplified), `${entity.id}: ${ajv.errorsText(validate.errors)}`)
    }
    // The check has teeth: humidity in percent instead of a fraction is refused.
    const air = keyValues(entities.find((entity) => entity.type === 'AirQualityObserved')!)
    const validate = ajv.getSchema(modelSchema('AirQualityObserved', byId).$id as string)!
    assert.equal(validate({ ...air, relativeHumidity: 54 }), false)
  })
})
