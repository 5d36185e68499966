import { Problem } from '../../platform/http/problem.ts'
import type { ModuleContext } from '../../platform/module.ts'
import { slugify } from '../../platform/text/slug.ts'
import './events.ts'
import type { AreaFeature, City, CityPack, PackAreas } from './schemas.ts'
import {
  type AreaRecord,
  replaceAreas,
  selectAreaAt,
  selectAreaBySlug,
  selectAreas,
  selectCities,
  selectCity,
  upsertCity,
} from './store.ts'

export function listCities(context: ModuleContext): Promise<City[]> {
  return selectCities(context.db)
}

export async function getCity(context: ModuleContext, slug: string): Promise<City> {
  const city = await selectCity(context.db, slug)
  if (!city) throw cityNotFound(slug)
  return city
}

export async function listAreas(
  context: ModuleContext,
  slug: string,
): Promise<{ features: AreaFeature[]; attribution: string }> {
  await getCity(context, slug)
  return selectAreas(context.db, slug)
}

/** An area (a neighbourhood) of any city served, by its slug; nothing when there is none. */
export function findArea(
  context: ModuleContext,
  slug: string,
): Promise<{ citySlug: string; slug: string; name: string } | undefined> {
  return selectAreaBySlug(context.db, slug)
}

/** The area a point lies in, e.g. to file a citizen's report under its neighbourhood. */
export async function getAreaAt(
  context: ModuleContext,
  slug: string,
  point: { lon: number; lat: number },
): Promise<AreaFeature> {
  await getCity(context, slug)
  const area = await selectAreaAt(context.db, slug, point)
  if (!area) {
    throw new Problem(
      404,
      'AREA_NOT_FOUND',
      'No area there',
      `The point ${point.lon}, ${point.lat} lies in none of the city's areas.`,
    )
  }
  return area
}

/** Creates or updates a city from its pack entry and replaces its areas, in one transaction. */
export async function importCity(context: ModuleContext, city: CityPack, areas: PackAreas): Promise<number> {
  assertTimeZone(city.timeZone)
  const records = areas.features.map((feature, index): AreaRecord => {
    const name = feature.properties[city.areas.nameProperty]
    if (typeof name !== 'string' || name.trim() === '') {
      throw new Error(`Area ${index + 1} in ${city.areas.file} has no "${city.areas.nameProperty}" property`)
    }
    const { [city.areas.nameProperty]: _name, ...source } = feature.properties
    return {
      slug: slugify(name),
      name: name.trim(),
      kind: city.areas.kind,
      geometry: feature.geometry,
      source,
      attribution: city.areas.attribution,
    }
  })
  const duplicate = records.find(
    (record, index) => records.findIndex((other) => other.slug === record.slug) !== index,
  )
  if (duplicate) throw new Error(`Two areas in ${city.areas.file} are both named "${duplicate.name}"`)
  await context.db.transaction().execute(async (trx) => {
    await upsertCity(trx, { ...city })
    await replaceAreas(trx, city.slug, city.areas.kind, records)
  })
  context.events.emit('AreasImported', { city: city.slug, kind: city.areas.kind, count: records.length })
  return records.length
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new Error(`"${timeZone}" is not an IANA time zone (e.g. Europe/Bucharest)`)
  }
}

function cityNotFound(slug: string): Problem {
  return new Problem(
    404,
    'CITY_NOT_FOUND',
    'No such city',
    `No city "${slug}" is served here; GET /api/cities lists them.`,
  )
}
