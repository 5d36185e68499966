import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import type { DatabaseHandle } from '../../../platform/db/database.ts'
import { openDatabase } from '../../../platform/db/open-database.ts'
import { NgsiError } from '../errors.ts'
import {
  GEO_RELATIONS,
  GEOMETRY_TYPES,
  type GeoQuery,
  type GeoQueryParams,
  geoQueryToObject,
  parseGeoQuery,
  parseGeoQueryObject,
} from './geo-query.ts'
import { geoDistanceSql, geoQueryToSql } from './geo-sql.ts'

// Cluj-Napoca, Piața Unirii-ish.
const CENTRE = '[23.59,46.77]'
const SQUARE = [
  [
    [23.58, 46.76],
    [23.6, 46.76],
    [23.6, 46.78],
    [23.58, 46.78],
    [23.58, 46.76],
  ],
]

function rejects(params: GeoQueryParams, detail: RegExp): void {
  assert.throws(
    () => parseGeoQuery(params),
    (error: unknown) =>
      error instanceof NgsiError && error.type === 'BadRequestData' && detail.test(error.message),
  )
}

describe('geo-query parameters', () => {
  test('4.10 no geo-query parameters: no geo-query', () => {
    assert.equal(parseGeoQuery({}), undefined)
  })

  test('4.10 near;maxDistance with a Point, geoproperty defaulting to location', () => {
    assert.deepEqual(
      parseGeoQuery({ georel: 'near;maxDistance==1500', geometry: 'Point', coordinates: CENTRE }),
      {
        georel: 'near',
        maxDistance: 1500,
        geometry: { type: 'Point', coordinates: [23.59, 46.77] },
        geoproperty: 'location',
      } satisfies GeoQuery,
    )
  })

  test('4.10 near;minDistance, and both distances together (an annulus)', () => {
    const min = parseGeoQuery({ georel: 'near;minDistance==250.5', geometry: 'Point', coordinates: CENTRE })
    assert.equal(min?.minDistance, 250.5)
    assert.equal(min?.maxDistance, undefined)
    const both = parseGeoQuery({
      georel: 'near;maxDistance==1000;minDistance==10',
      geometry: 'Point',
      coordinates: CENTRE,
    })
    assert.deepEqual([both?.minDistance, both?.maxDistance], [10, 1000])
  })

  for (const georel of GEO_RELATIONS.filter((name) => name !== 'near')) {
    test(`4.10 georel ${georel} with a Polygon`, () => {
      const query = parseGeoQuery({ georel, geometry: 'Polygon', coordinates: JSON.stringify(SQUARE) })
      assert.equal(query?.georel, georel)
      assert.deepEqual(query?.geometry, { type: 'Polygon', coordinates: SQUARE })
    })
  }

  const shapes: Record<(typeof GEOMETRY_TYPES)[number], unknown> = {
    Point: [23.59, 46.77, 350],
    LineString: [
      [23.5, 46.79],
      [23.68, 46.79],
    ],
    Polygon: SQUARE,
    MultiPoint: [
      [23.59, 46.77],
      [23.6, 46.78],
    ],
    MultiLineString: [
      [
        [23.5, 46.79],
        [23.68, 46.79],
      ],
      [
        [-180, -90],
        [180, 90],
      ],
    ],
    MultiPolygon: [SQUARE, SQUARE],
  }
  for (const [type, coordinates] of Object.entries(shapes)) {
    test(`4.10 geometry ${type}`, () => {
      const query = parseGeoQuery({
        georel: 'intersects',
        geometry: type,
        coordinates: JSON.stringify(coordinates),
      })
      assert.deepEqual(query?.geometry, { type, coordinates })
    })
  }

  test('4.10 geoproperty is kept as written, for the caller to expand with its @context', () => {
    const query = parseGeoQuery({
      georel: 'within',
      geometry: 'Polygon',
      coordinates: JSON.stringify(SQUARE),
      geoproperty: 'observationSpace',
    })
    assert.equal(query?.geoproperty, 'observationSpace')
    const iri = parseGeoQuery({
      georel: 'within',
      geometry: 'Polygon',
      coordinates: JSON.stringify(SQUARE),
      geoproperty: 'https://example.org/area',
    })
    assert.equal(iri?.geoproperty, 'https://example.org/area')
  })

  test('4.10 a partial geo-query names what is missing', () => {
    rejects({ georel: 'near;maxDistance==10' }, /missing: geometry, coordinates$/)
    rejects({ geometry: 'Point', coordinates: CENTRE }, /missing: georel$/)
    rejects({ georel: 'within', geometry: 'Polygon' }, /missing: coordinates$/)
    rejects({ geoproperty: 'location' }, /missing: georel, geometry, coordinates$/)
  })

  test('4.10 georel errors: unknown relation, near without a usable distance, modifiers elsewhere', () => {
    rejects({ georel: 'nearby', geometry: 'Point', coordinates: CENTRE }, /georel "nearby" is not one of/)
    rejects({ georel: 'Within', geometry: 'Point', coordinates: CENTRE }, /is not one of/)
    rejects({ georel: 'near', geometry: 'Point', coordinates: CENTRE }, /near needs a distance/)
    rejects(
      { georel: 'near;maxDistance=10', geometry: 'Point', coordinates: CENTRE },
      /maxDistance==<metres>/,
    )
    rejects({ georel: 'near;distance==10', geometry: 'Point', coordinates: CENTRE }, /got "distance==10"/)
    for (const value of ['', '-5', 'ten', '0x10', ' 5', '1e999', 'Infinity']) {
      rejects(
        { georel: `near;maxDistance==${value}`, geometry: 'Point', coordinates: CENTRE },
        /maxDistance must be a number/,
      )
    }
    rejects({ georel: 'near;maxDistance==1;maxDistance==2', geometry: 'Point', coordinates: CENTRE }, /twice/)
    rejects(
      { georel: 'near;maxDistance==10;minDistance==20', geometry: 'Point', coordinates: CENTRE },
      /more than/,
    )
    rejects(
      { georel: 'within;maxDistance==10', geometry: 'Point', coordinates: CENTRE },
      /within takes nothing/,
    )
  })

  test('4.10 near measures from a Point only', () => {
    rejects(
      { georel: 'near;maxDistance==10', geometry: 'Polygon', coordinates: JSON.stringify(SQUARE) },
      /near measures from a Point; geometry is Polygon/,
    )
  })

  test('4.10 geometry errors: unknown or differently spelt type', () => {
    rejects(
      { georel: 'within', geometry: 'Circle', coordinates: CENTRE },
      /geometry "Circle" is not one of: Point/,
    )
    rejects({ georel: 'within', geometry: 'point', coordinates: CENTRE }, /is not one of/)
  })

  test('4.10 coordinates errors: not JSON, not an array, wrong nesting, not numbers', () => {
    const point = (coordinates: string) => ({ georel: 'intersects', geometry: 'Point', coordinates })
    rejects(point('23.59,46.77'), /must be a JSON array/)
    rejects(point('[23.59,46.77'), /must be a JSON array/)
    rejects(point('{"lon":23.59}'), /must be a JSON array/)
    rejects(point('[23.59]'), /coordinates must be a position/)
    rejects(point('[1,2,3,4]'), /coordinates must be a position/)
    rejects(point('[[23.59,46.77]]'), /coordinates must be a position/)
    rejects(point('[[23.59,46.77],[1,2]]'), /coordinates\[0\] must be a number/)
    rejects(point('[23.59,"46.77"]'), /coordinates\[1\] must be a number/)
    rejects(
      { georel: 'within', geometry: 'Polygon', coordinates: '[1,2]' },
      /coordinates\[0\] must be an array of positions/,
    )
    rejects(point('[23.59,1e999]'), /coordinates\[1\] must be a number/)
    rejects(
      { georel: 'intersects', geometry: 'LineString', coordinates: CENTRE },
      /coordinates\[0\] must be a position/,
    )
    rejects(
      { georel: 'intersects', geometry: 'Polygon', coordinates: '[[23.59,46.77]]' },
      /coordinates\[0\]\[0\] must be a position/,
    )
    rejects(
      { georel: 'intersects', geometry: 'MultiPolygon', coordinates: JSON.stringify(SQUARE) },
      /coordinates\[0\]\[0\]\[0\] must be a position/,
    )
    rejects(
      { georel: 'intersects', geometry: 'MultiPoint', coordinates: '[]' },
      /a MultiPoint needs at least 1 positions/,
    )
  })

  test('4.10 coordinates errors: longitude or latitude out of range', () => {
    rejects(
      { georel: 'intersects', geometry: 'Point', coordinates: '[180.5,46.77]' },
      /longitude 180.5 is outside \[-180, 180\]/,
    )
    rejects(
      { georel: 'intersects', geometry: 'Point', coordinates: '[46.77,-90.01]' },
      /latitude -90.01 is outside \[-90, 90\]/,
    )
    rejects(
      { georel: 'intersects', geometry: 'LineString', coordinates: '[[23.5,46.7],[23.6,146.7]]' },
      /coordinates\[1\]: latitude 146.7/,
    )
  })

  test('4.10 coordinates errors: short LineString, short or open polygon ring', () => {
    rejects(
      { georel: 'intersects', geometry: 'LineString', coordinates: '[[23.5,46.7]]' },
      /a LineString needs at least 2 positions/,
    )
    rejects({ georel: 'within', geometry: 'Polygon', coordinates: '[]' }, /a Polygon needs at least 1 rings/)
    rejects(
      { georel: 'within', geometry: 'Polygon', coordinates: '[[[23.5,46.7],[23.6,46.7],[23.5,46.7]]]' },
      /coordinates\[0\]: a polygon ring needs at least 4 positions/,
    )
    rejects(
      {
        georel: 'within',
        geometry: 'Polygon',
        coordinates: '[[[23.5,46.7],[23.6,46.7],[23.6,46.8],[23.5,46.8]]]',
      },
      /coordinates\[0\]: a polygon ring must end where it starts/,
    )
    rejects(
      {
        georel: 'within',
        geometry: 'MultiPolygon',
        coordinates: '[[[[23.5,46.7],[23.6,46.7],[23.6,46.8],[23.5,46.7]]],[[[1,1],[2,1],[2,2],[1,1,5]]]]',
      },
      /coordinates\[1\]\[0\]: a polygon ring must end where it starts/,
    )
  })

  test('4.10 geoproperty errors', () => {
    const query = { georel: 'within', geometry: 'Polygon', coordinates: JSON.stringify(SQUARE) }
    rejects({ ...query, geoproperty: '' }, /geoproperty "" is not an attribute name/)
    rejects({ ...query, geoproperty: 'loc ation' }, /is not an attribute name/)
    rejects({ ...query, geoproperty: 'location;drop' }, /is not an attribute name/)
  })

  test('random text in any parameter is answered with BadRequestData or a query, nothing else', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(...GEO_RELATIONS, 'near;maxDistance==', 'near;minDistance==', ...GEOMETRY_TYPES),
      fc.json(),
    )
    const param = fc.option(text, { nil: undefined })
    fc.assert(
      fc.property(
        fc.record({ georel: param, geometry: param, coordinates: param, geoproperty: param }),
        (params) => {
          try {
            parseGeoQuery(params)
          } catch (error) {
            assert.ok(error instanceof NgsiError && error.type === 'BadRequestData', String(error))
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('random nested arrays as coordinates of any geometry: BadRequestData or a query', () => {
    const number = fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 }), fc.constantFrom(23.59, 46.77))
    const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, number, fc.array(tie('tree'), { maxLength: 5 })),
    }))
    fc.assert(
      fc.property(
        fc.constantFrom(...GEOMETRY_TYPES),
        fc.constantFrom(...GEO_RELATIONS),
        tree,
        (geometry, georel, coordinates) => {
          const params = { georel: georel === 'near' ? 'near;maxDistance==5' : georel, geometry }
          for (const attempt of [
            () => parseGeoQuery({ ...params, coordinates: JSON.stringify(coordinates) ?? 'null' }),
            () => parseGeoQueryObject({ ...params, coordinates }),
          ]) {
            try {
              attempt()
            } catch (error) {
              assert.ok(error instanceof NgsiError && error.type === 'BadRequestData', String(error))
            }
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('any valid point parses to itself', () => {
    const point = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    )
    fc.assert(
      fc.property(point, fc.integer({ min: 0, max: 40_000_000 }), (coordinates, metres) => {
        const query = parseGeoQuery({
          georel: `near;maxDistance==${metres}`,
          geometry: 'Point',
          coordinates: JSON.stringify(coordinates),
        })
        // JSON has no -0, so compare through it.
        assert.deepEqual(query?.geometry.coordinates, JSON.parse(JSON.stringify(coordinates)))
        assert.equal(query?.maxDistance, metres)
      }),
    )
  })
})

describe('geoQ in subscriptions (5.2.13)', () => {
  test('coordinates as an array or as JSON text; geoproperty optional', () => {
    const expected: GeoQuery = {
      georel: 'near',
      maxDistance: 100,
      geometry: { type: 'Point', coordinates: [23.59, 46.77] },
      geoproperty: 'location',
    }
    assert.deepEqual(
      parseGeoQueryObject({
        georel: 'near;maxDistance==100',
        geometry: 'Point',
        coordinates: [23.59, 46.77],
      }),
      expected,
    )
    assert.deepEqual(
      parseGeoQueryObject({ georel: 'near;maxDistance==100', geometry: 'Point', coordinates: CENTRE }),
      expected,
    )
    assert.equal(parseGeoQueryObject(undefined), undefined)
  })

  test('answered back in the same form', () => {
    const object = {
      georel: 'near;maxDistance==1000;minDistance==10',
      geometry: 'Point',
      coordinates: [23.59, 46.77],
      geoproperty: 'place',
    }
    const query = parseGeoQueryObject(object)
    assert.ok(query)
    assert.deepEqual(geoQueryToObject(query), object)
  })

  test('errors: not an object, missing or mistyped members', () => {
    const fails = (value: unknown, detail: RegExp) =>
      assert.throws(
        () => parseGeoQueryObject(value),
        (error: unknown) =>
          error instanceof NgsiError && error.type === 'BadRequestData' && detail.test(error.message),
      )
    fails(null, /geoQ must be an object/)
    fails([], /geoQ must be an object/)
    fails('near', /geoQ must be an object/)
    fails({ georel: 'within' }, /missing: geometry, coordinates$/)
    fails({ georel: 5, geometry: 'Point', coordinates: [1, 2] }, /georel must be a string/)
    fails({ georel: 'within', geometry: ['Point'], coordinates: [1, 2] }, /geometry must be a string/)
    fails(
      { georel: 'within', geometry: 'Point', coordinates: { lon: 1 } },
      /coordinates must be an array or its JSON text/,
    )
    fails(
      { georel: 'within', geometry: 'Point', coordinates: [1, 2], geoproperty: 7 },
      /geoproperty must be a string/,
    )
    fails(
      { georel: 'within', geometry: 'Point', coordinates: [1, Number.NaN] },
      /coordinates\[1\] must be a number/,
    )
  })

  test('random values are answered with BadRequestData or a query, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ georel: fc.anything(), geometry: fc.anything(), coordinates: fc.anything() }),
        ),
        (value) => {
          try {
            parseGeoQueryObject(value)
          } catch (error) {
            assert.ok(error instanceof NgsiError && error.type === 'BadRequestData', String(error))
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})

// Rows around the centre of Cluj-Napoca (23.59, 46.77); 0.0009° of latitude is ~100 m there.
const FIXTURE: Record<string, string> = {
  centre: 'POINT(23.59 46.77)',
  p100: 'POINT(23.59 46.7709)',
  p1k: 'POINT(23.59 46.779)',
  p5k: 'POINT(23.59 46.815)',
  square: 'POLYGON((23.58 46.76, 23.6 46.76, 23.6 46.78, 23.58 46.78, 23.58 46.76))',
  farSquare: 'POLYGON((23.7 46.7, 23.72 46.7, 23.72 46.72, 23.7 46.72, 23.7 46.7))',
  // Runs east–west 2.2 km north of the centre, north of the square.
  road: 'LINESTRING(23.5 46.79, 23.68 46.79)',
}
// Inside the square, around the centre, p100 and p1k.
const INNER = '[[[23.585,46.765],[23.595,46.765],[23.595,46.785],[23.585,46.785],[23.585,46.765]]]'

for (const backend of testBackends()) {
  describe(`geo-queries in PostGIS on ${backend.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase
    let handle: DatabaseHandle

    before(async () => {
      database = await backend.create()
      handle = await openDatabase({ url: database.databaseUrl, dataDir: database.dataDir })
      // A plain table: the database is thrown away, and a pooled server connection would not see a temp one.
      await sql`CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public`.execute(handle.db)
      await sql`CREATE TABLE geo_fixture (id text PRIMARY KEY, geom geometry(Geometry, 4326))`.execute(
        handle.db,
      )
      await sql`CREATE INDEX geo_fixture_geography ON geo_fixture USING gist ((geom::geography))`.execute(
        handle.db,
      )
      for (const [id, wkt] of [...Object.entries(FIXTURE), ['nowhere', null] as const]) {
        await sql`INSERT INTO geo_fixture VALUES (${id}, ST_GeomFromText(${wkt}::text, 4326))`.execute(
          handle.db,
        )
      }
    })
    after(async () => {
      await handle?.close()
      await database?.drop()
    })

    async function select(params: GeoQueryParams): Promise<string[]> {
      const query = parseGeoQuery(params)
      assert.ok(query)
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM geo_fixture WHERE ${geoQueryToSql(query, sql.ref('geom'))} ORDER BY id
      `.execute(handle.db)
      return rows.map((row) => row.id)
    }

    test('4.10 near;maxDistance==1500 finds what lies within 1.5 km: the 100 m and 1 km points, the square around', async () => {
      assert.deepEqual(
        await select({ georel: 'near;maxDistance==1500', geometry: 'Point', coordinates: CENTRE }),
        ['centre', 'p100', 'p1k', 'square'],
      )
    })

    test('4.10 near;maxDistance is in metres: 950 m leaves out the 1 km point, 1050 m takes it', async () => {
      const near = (metres: number) =>
        select({ georel: `near;maxDistance==${metres}`, geometry: 'Point', coordinates: CENTRE })
      assert.deepEqual(await near(950), ['centre', 'p100', 'square'])
      assert.deepEqual(await near(1050), ['centre', 'p100', 'p1k', 'square'])
    })

    test('4.10 near;minDistance==1500 finds the far ones; a missing geometry matches neither', async () => {
      assert.deepEqual(
        await select({ georel: 'near;minDistance==1500', geometry: 'Point', coordinates: CENTRE }),
        ['farSquare', 'p5k', 'road'],
      )
    })

    test('4.10 near with both distances selects the ring between them', async () => {
      assert.deepEqual(
        await select({
          georel: 'near;minDistance==500;maxDistance==1500',
          geometry: 'Point',
          coordinates: CENTRE,
        }),
        ['p1k'],
      )
    })

    test('4.10 near results ordered by distance in metres', async () => {
      const query = parseGeoQuery({
        georel: 'near;maxDistance==1500',
        geometry: 'Point',
        coordinates: CENTRE,
      })
      assert.ok(query)
      const geom = sql.ref('geom')
      const { rows } = await sql<{ id: string; metres: number }>`
        SELECT id, ${geoDistanceSql(query, geom)} AS metres FROM geo_fixture
        WHERE ${geoQueryToSql(query, geom)} ORDER BY metres, id
      `.execute(handle.db)
      assert.deepEqual(
        rows.map((row) => row.id),
        ['centre', 'square', 'p100', 'p1k'],
      )
      const metres = rows.map((row) => Number(row.metres))
      assert.ok(Math.abs((metres[2] ?? 0) - 100) < 2, `p100 at ${metres[2]} m`)
      assert.ok(Math.abs((metres[3] ?? 0) - 1000) < 10, `p1k at ${metres[3]} m`)
    })

    test('4.10 near;maxDistance on geom::geography can use an expression index on it', async () => {
      const query = parseGeoQuery({
        georel: 'near;maxDistance==1500',
        geometry: 'Point',
        coordinates: CENTRE,
      })
      assert.ok(query)
      // Seven rows: a sequential scan would win unless forbidden.
      const plan = await handle.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx)
        const { rows } = await sql<Record<string, string>>`
          EXPLAIN SELECT id FROM geo_fixture WHERE ${geoQueryToSql(query, sql.ref('geom'))}
        `.execute(trx)
        return rows.map((row) => Object.values(row).join(' ')).join('\n')
      })
      assert.match(plan, /geo_fixture_geography/)
    })

    test('4.10 within a polygon', async () => {
      assert.deepEqual(await select({ georel: 'within', geometry: 'Polygon', coordinates: INNER }), [
        'centre',
        'p100',
        'p1k',
      ])
    })

    test('4.10 within a MultiPolygon: within any of its parts', async () => {
      const around = '[[[23.69,46.69],[23.73,46.69],[23.73,46.73],[23.69,46.73],[23.69,46.69]]]'
      assert.deepEqual(
        await select({ georel: 'within', geometry: 'MultiPolygon', coordinates: `[${INNER},${around}]` }),
        ['centre', 'farSquare', 'p100', 'p1k'],
      )
    })

    test('4.10 contains a point: the polygons around it', async () => {
      assert.deepEqual(
        await select({ georel: 'contains', geometry: 'Point', coordinates: '[23.595,46.775]' }),
        ['square'],
      )
    })

    test('4.10 intersects a line', async () => {
      assert.deepEqual(
        await select({
          georel: 'intersects',
          geometry: 'LineString',
          coordinates: '[[23.59,46.75],[23.59,46.8]]',
        }),
        ['centre', 'p100', 'p1k', 'road', 'square'],
      )
    })

    test('4.10 equals: the same shape, though its ring starts elsewhere', async () => {
      const sameSquare = '[[[23.6,46.78],[23.58,46.78],[23.58,46.76],[23.6,46.76],[23.6,46.78]]]'
      assert.deepEqual(await select({ georel: 'equals', geometry: 'Polygon', coordinates: sameSquare }), [
        'square',
      ])
      assert.deepEqual(await select({ georel: 'equals', geometry: 'Point', coordinates: '[23.59,46.779]' }), [
        'p1k',
      ])
    })

    test('4.10 disjoint from a polygon', async () => {
      assert.deepEqual(await select({ georel: 'disjoint', geometry: 'Polygon', coordinates: INNER }), [
        'farSquare',
        'p5k',
        'road',
      ])
    })

    test('4.10 overlaps: a polygon partly over the square', async () => {
      const shifted = '[[[23.595,46.775],[23.61,46.775],[23.61,46.785],[23.595,46.785],[23.595,46.775]]]'
      assert.deepEqual(await select({ georel: 'overlaps', geometry: 'Polygon', coordinates: shifted }), [
        'square',
      ])
    })

    test('4.10 the geometry travels as a parameter, not in the SQL text', () => {
      const query = parseGeoQuery({ georel: 'within', geometry: 'Polygon', coordinates: INNER })
      assert.ok(query)
      const compiled = sql`SELECT ${geoQueryToSql(query, sql.ref('geom'))}`.compile(handle.db)
      assert.doesNotMatch(compiled.sql, /23\.585/)
      assert.deepEqual(compiled.parameters, [JSON.stringify(query.geometry)])
    })
  })
}
