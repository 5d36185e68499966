import type * as RDF from '@rdfjs/types'
import { LANGUAGES, type LocalizedText } from '../../../platform/text/localized.ts'
import type { Dataset } from '../schemas.ts'
import { LICENCE_BASE } from '../vocabularies.ts'
import {
  addDataset,
  cityLocation,
  concept,
  inScheme,
  localized,
  publisher,
  type SpatialSummary,
} from './dataset-graph.ts'
import { catalogueIri, cataloguePageIri, portalUrl } from './iris.ts'
import { AUTHORITY, GraphBuilder, iri, LANGUAGE_CODES, term } from './terms.ts'

/** Who publishes the catalogue itself: the city hall, named in our languages. */
export interface CataloguePublisher {
  slug: string
  name: LocalizedText
  kind: string
}

/** The city the catalogue covers, as its bounds and centre (well-known text). */
export interface CatalogueCoverage {
  iri: string
  bbox: string
  centroid: string
}

export interface CataloguePage {
  publicUrl: string
  publisher: CataloguePublisher
  coverage?: CatalogueCoverage | undefined
  /** The first and latest dates of the whole catalogue, not only this page. */
  issued: string | null
  modified: string | null
  page: number
  pageSize: number
  total: number
  datasets: readonly Dataset[]
  publisherKinds: ReadonlyMap<string, string>
  publisherWebsites: ReadonlyMap<string, string | null>
  spatial: ReadonlyMap<string, SpatialSummary>
}

const CATALOGUE_TITLE = (name: LocalizedText): LocalizedText => ({
  ro: `Date deschise — ${name.ro}`,
  en: `Open data — ${name.en ?? name.ro}`,
  hu: `Nyílt adatok — ${name.hu ?? name.ro}`,
})

const CATALOGUE_DESCRIPTION: LocalizedText = {
  ro: 'Seturile de date deschise publicate pe platforma Cetate, descrise după DCAT-AP 3.0.1.',
  en: 'The open datasets published on the Cetate platform, described with DCAT-AP 3.0.1.',
  hu: 'A Cetate platformon közzétett nyílt adatkészletek, DCAT-AP 3.0.1 szerint leírva.',
}

/** The catalogue's metadata licence: CC0, so harvesters may republish the descriptions freely. */
const METADATA_LICENCE = `${LICENCE_BASE}CC0`

/** One page of the catalogue: the dcat:Catalog, Hydra paging, and the page's datasets in full. */
export function catalogueGraph(page: CataloguePage): RDF.Quad[] {
  const graph = new GraphBuilder()
  const { publicUrl } = page
  const catalogue = iri(catalogueIri(publicUrl))
  graph.describe(catalogue, term('dcat', 'Catalog'))
  localized(graph, catalogue, term('dct', 'title'), CATALOGUE_TITLE(page.publisher.name))
  localized(graph, catalogue, term('dct', 'description'), CATALOGUE_DESCRIPTION)
  graph.add(
    catalogue,
    term('dct', 'publisher'),
    publisher(graph, publicUrl, page.publisher, page.publisher.kind),
  )
  const homepage = iri(portalUrl(publicUrl))
  graph.add(catalogue, term('foaf', 'homepage'), homepage)
  graph.describe(homepage, term('foaf', 'Document'))
  const licence = iri(METADATA_LICENCE)
  graph.add(catalogue, term('dct', 'license'), licence)
  if (graph.describe(licence, term('dct', 'LicenseDocument'))) {
    const publicDomain = iri(`${AUTHORITY.licenceType}PublicDomain`)
    graph.add(licence, term('dct', 'type'), publicDomain)
    concept(graph, publicDomain, 'PublicDomain', 'http://purl.org/adms/licencetype/1.0')
  }
  for (const language of LANGUAGES) {
    const node = iri(AUTHORITY.language + LANGUAGE_CODES[language])
    graph.add(catalogue, term('dct', 'language'), node)
    if (graph.describe(node, term('dct', 'LinguisticSystem')))
      inScheme(graph, node, AUTHORITY.language.slice(0, -1))
  }
  const themes = iri(AUTHORITY.dataTheme)
  graph.add(catalogue, term('dcat', 'themeTaxonomy'), themes)
  if (graph.describe(themes, term('skos', 'ConceptScheme')))
    graph.text(themes, term('dct', 'title'), 'data-theme', 'en')
  if (page.coverage) cityLocation(graph, catalogue, page.coverage)
  if (page.issued) graph.typed(catalogue, term('dct', 'issued'), page.issued, term('xsd', 'dateTime'))
  if (page.modified) graph.typed(catalogue, term('dct', 'modified'), page.modified, term('xsd', 'dateTime'))

  for (const dataset of page.datasets) {
    const node = addDataset(graph, dataset, {
      publicUrl,
      publisherKind: page.publisherKinds.get(dataset.organisation.slug),
      spatial: page.spatial.get(dataset.id),
      cityCoverage: page.coverage,
      publisherWebsite: page.publisherWebsites.get(dataset.organisation.slug),
    })
    graph.add(catalogue, term('dcat', 'dataset'), node)
  }
  paging(graph, page)
  return graph.quads
}

/** Hydra paging as harvesters read it: the older PagedCollection terms and the newer view links. */
function paging(graph: GraphBuilder, page: CataloguePage): void {
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize))
  const at = (number: number) => cataloguePageIri(page.publicUrl, number, page.pageSize)
  const self = iri(at(page.page))
  graph.describe(self, term('hydra', 'PagedCollection'))
  graph.describe(self, term('hydra', 'PartialCollectionView'))
  graph.typed(self, term('hydra', 'totalItems'), String(page.total), term('xsd', 'integer'))
  graph.typed(self, term('hydra', 'itemsPerPage'), String(page.pageSize), term('xsd', 'integer'))
  const link = (older: string, newer: string, number: number) => {
    graph.text(self, term('hydra', older), at(number))
    graph.add(self, term('hydra', newer), iri(at(number)))
  }
  link('firstPage', 'first', 1)
  link('lastPage', 'last', lastPage)
  if (page.page > 1) link('previousPage', 'previous', Math.min(page.page - 1, lastPage))
  if (page.page < lastPage) link('nextPage', 'next', page.page + 1)
}
