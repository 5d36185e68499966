import type * as RDF from '@rdfjs/types'
import { anonymous } from '../../../platform/access/access.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { listCities } from '../../city/index.ts'
import { listOrganisations } from '../../identity/index.ts'
import { datasetNotFound } from '../service/permissions.ts'
import { getDataset, searchDatasets } from '../service.ts'
import { type CatalogueCoverage, type CataloguePublisher, catalogueGraph } from './catalogue-graph.ts'
import { addDataset } from './dataset-graph.ts'
import { selectCatalogueDates, selectSpatialSummaries } from './export-store.ts'
import { GraphBuilder } from './terms.ts'

export const DEFAULT_PAGE_SIZE = 100
export const MAX_PAGE_SIZE = 1000

/** The organisation that speaks for the catalogue: the city hall, or the first organisation. */
async function cataloguePublisher(context: ModuleContext): Promise<{
  publisher: CataloguePublisher
  kinds: Map<string, string>
  websites: Map<string, string | null>
}> {
  const organisations = await listOrganisations(context, {})
  const kinds = new Map(organisations.map((organisation) => [organisation.slug, organisation.kind]))
  const websites = new Map(organisations.map((organisation) => [organisation.slug, organisation.website]))
  const main = organisations.find((organisation) => organisation.kind === 'city_hall') ?? organisations[0]
  const publisher = main
    ? { slug: main.slug, name: main.names, kind: main.kind }
    : { slug: 'cetate', name: { ro: 'Cetate' }, kind: 'city_hall' }
  return { publisher, kinds, websites }
}

async function coverage(context: ModuleContext): Promise<CatalogueCoverage | undefined> {
  const [city] = await listCities(context)
  if (!city) return undefined
  const { west, south, east, north } = city.bounds
  return {
    iri: `${context.settings.publicUrl.replace(/\/+$/, '')}/api/cities/${city.slug}`,
    bbox: `POLYGON((${west} ${south},${east} ${south},${east} ${north},${west} ${north},${west} ${south}))`,
    centroid: `POINT(${city.centre.lon} ${city.centre.lat})`,
  }
}

/** One page of the open catalogue (published, open datasets only), ordered by name so pages are stable. */
export async function exportCatalogue(
  context: ModuleContext,
  page: number,
  pageSize: number,
): Promise<{ quads: RDF.Quad[]; total: number }> {
  const found = await searchDatasets(context, anonymous, {
    filters: {},
    status: 'published',
    sort: { by: 'name', direction: 'asc' },
    offset: (page - 1) * pageSize,
    limit: pageSize,
    facetLimit: 0,
  })
  const { publisher, kinds, websites } = await cataloguePublisher(context)
  const dates = await selectCatalogueDates(context.db)
  const quads = catalogueGraph({
    publicUrl: context.settings.publicUrl,
    publisher,
    coverage: await coverage(context),
    ...dates,
    page,
    pageSize,
    total: found.count,
    datasets: found.items,
    publisherKinds: kinds,
    publisherWebsites: websites,
    spatial: await selectSpatialSummaries(
      context.db,
      found.items.map((dataset) => dataset.id),
    ),
  })
  return { quads, total: found.count }
}

/** One published open dataset; anything else is not found, as for any anonymous caller. */
export async function exportDataset(context: ModuleContext, name: string): Promise<RDF.Quad[]> {
  const dataset = await getDataset(context, anonymous, name)
  if (dataset.status !== 'published' || dataset.accessLevel !== 'open') throw datasetNotFound(name)
  const { kinds, websites } = await cataloguePublisher(context)
  const graph = new GraphBuilder()
  addDataset(graph, dataset, {
    publicUrl: context.settings.publicUrl,
    publisherKind: kinds.get(dataset.organisation.slug),
    publisherWebsite: websites.get(dataset.organisation.slug),
    cityCoverage: await coverage(context),
    spatial: (await selectSpatialSummaries(context.db, [dataset.id])).get(dataset.id),
  })
  return graph.quads
}
