import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { parseWith } from '../../platform/validation/parse.ts'
import { cityRoutes } from './routes.ts'
import { PackAreasSchema, PackCitiesSchema } from './schemas.ts'
import { importCity } from './service.ts'
import { countAreas } from './store.ts'

/** The city served: its name, place on the map and areas (neighbourhoods). Everything else hangs on these. */
export const cityModule: CetateModule = {
  name: 'city',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: cityRoutes,
  measurements: [
    { name: 'city.areas', description: 'Areas (neighbourhoods) mapped', unit: 'area', measure: countAreas },
  ],
  async demo(context, pack) {
    const cities = parseWith(
      PackCitiesSchema,
      pack.manifest.cities,
      `"cities" in ${pack.directory}/pack.json`,
    )
    let areas = 0
    for (const city of cities) {
      const collection = parseWith(PackAreasSchema, await pack.readJson(city.areas.file), city.areas.file)
      areas += await importCity(context, city, collection)
    }
    return { summary: `${cities.length} ${cities.length === 1 ? 'city' : 'cities'} with ${areas} areas` }
  },
}

export type { City } from './schemas.ts'
export { findArea, getAreaAt, getCity, listCities } from './service.ts'
