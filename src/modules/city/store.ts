import { type Kysely, sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { LocalizedText } from '../../platform/text/localized.ts'
import type { AreaFeature, City } from './schemas.ts'

type CityTables = {
  'city.cities': {
    slug: string
    name: LocalizedText
    country: string
    time_zone: string
  }
  'city.areas': {
    city_slug: string
    slug: string
    name: string
    kind: string
    attribution: string
  }
}

const tables = (db: Database): Kysely<CityTables> => db.withTables<CityTables>()

export interface CityRecord {
  slug: string
  name: LocalizedText
  country: string
  timeZone: string
  centre: { lon: number; lat: number }
  bounds: { west: number; south: number; east: number; north: number }
}

export interface AreaRecord {
  slug: string
  name: string
  kind: string
  geometry: object
  source: Record<string, unknown>
  attribution: string
}

const cityColumns = sql<City>`json_build_object(
  'slug', c.slug, 'name', c.name->>'ro', 'names', c.name, 'country', c.country, 'timeZone', c.time_zone,
  'centre', json_build_object('lon', ST_X(c.centre), 'lat', ST_Y(c.centre)),
  'bounds', json_build_object('west', ST_XMin(c.bounds), 'south', ST_YMin(c.bounds),
    'east', ST_XMax(c.bounds), 'north', ST_YMax(c.bounds)),
  'areaCount', (SELECT count(*) FROM city.areas a WHERE a.city_slug = c.slug))`

export async function selectCities(db: Database): Promise<City[]> {
  const { rows } = await sql<{
    city: City
  }>`SELECT ${cityColumns} AS city FROM city.cities c ORDER BY c.slug`.execute(db)
  return rows.map((row) => row.city)
}

export async function selectCity(db: Database, slug: string): Promise<City | undefined> {
  const { rows } = await sql<{
    city: City
  }>`SELECT ${cityColumns} AS city FROM city.cities c WHERE c.slug = ${slug}`.execute(db)
  return rows[0]?.city
}

export async function upsertCity(db: Database, city: CityRecord): Promise<void> {
  const { west, south, east, north } = city.bounds
  await sql`INSERT INTO city.cities (slug, name, country, time_zone, centre, bounds)
    VALUES (${city.slug}, ${JSON.stringify(city.name)}::jsonb, ${city.country}, ${city.timeZone},
      ST_SetSRID(ST_MakePoint(${city.centre.lon}, ${city.centre.lat}), 4326),
      ST_MakeEnvelope(${west}, ${south}, ${east}, ${north}, 4326))
    ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country,
      time_zone = EXCLUDED.time_zone, centre = EXCLUDED.centre, bounds = EXCLUDED.bounds, updated_at = now()`.execute(
    db,
  )
}

/** Replaces the city's areas of one kind with the given set. */
export async function replaceAreas(
  db: Database,
  citySlug: string,
  kind: string,
  areas: readonly AreaRecord[],
): Promise<void> {
  await tables(db)
    .deleteFrom('city.areas')
    .where('city_slug', '=', citySlug)
    .where('kind', '=', kind)
    .execute()
  for (const area of areas) {
    await sql`INSERT INTO city.areas (city_slug, slug, name, kind, geometry, source, attribution)
      VALUES (${citySlug}, ${area.slug}, ${area.name}, ${area.kind},
        ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(area.geometry)}), 4326)),
        ${JSON.stringify(area.source)}::jsonb, ${area.attribution})`.execute(db)
  }
}

export async function selectAreas(
  db: Database,
  citySlug: string,
): Promise<{ features: AreaFeature[]; attribution: string }> {
  const { rows } = await sql<{ feature: AreaFeature; attribution: string }>`
    SELECT json_build_object('type', 'Feature', 'id', slug,
      'properties', json_build_object('slug', slug, 'name', name, 'kind', kind),
      'geometry', ST_AsGeoJSON(geometry, 7)::json) AS feature, attribution
    FROM city.areas WHERE city_slug = ${citySlug} ORDER BY name`.execute(db)
  const attributions = [...new Set(rows.map((row) => row.attribution).filter(Boolean))]
  return { features: rows.map((row) => row.feature), attribution: attributions.join('; ') }
}

export async function selectAreaAt(
  db: Database,
  citySlug: string,
  point: { lon: number; lat: number },
): Promise<AreaFeature | undefined> {
  const { rows } = await sql<{ feature: AreaFeature }>`
    SELECT json_build_object('type', 'Feature', 'id', slug,
      'properties', json_build_object('slug', slug, 'name', name, 'kind', kind),
      'geometry', ST_AsGeoJSON(geometry, 7)::json) AS feature
    FROM city.areas
    WHERE city_slug = ${citySlug}
      AND ST_Intersects(geometry, ST_SetSRID(ST_MakePoint(${point.lon}, ${point.lat}), 4326))
    ORDER BY ST_Area(geometry) LIMIT 1`.execute(db)
  return rows[0]?.feature
}

export async function countAreas(db: Database): Promise<number> {
  const row = await tables(db)
    .selectFrom('city.areas')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst()
  return row?.count ?? 0
}

/** An area by its slug in any of the cities served, without its shape. */
export async function selectAreaBySlug(
  db: Database,
  slug: string,
): Promise<{ citySlug: string; slug: string; name: string } | undefined> {
  const { rows } = await sql<{ citySlug: string; slug: string; name: string }>`
    SELECT city_slug AS "citySlug", slug, name FROM city.areas WHERE slug = ${slug}
    ORDER BY city_slug LIMIT 1`.execute(db)
  return rows[0]
}
