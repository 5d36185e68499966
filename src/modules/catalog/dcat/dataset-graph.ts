import type * as RDF from '@rdfjs/types'
import { LANGUAGES, type LocalizedText } from '../../../platform/text/localized.ts'
import type { Dataset, Resource } from '../schemas.ts'
import { DATA_THEME_BASE, DATA_THEMES, FREQUENCY_BASE, LICENCE_BASE, LICENCES } from '../vocabularies.ts'
import { fileTypeOf } from './formats.ts'
import { absoluteUrl, datasetIri, distributionIri, landingPageUrl, organisationIri } from './iris.ts'
import { AUTHORITY, type GraphBuilder, iri, LANGUAGE_CODES, term } from './terms.ts'

/** Where a dataset lies, in the shapes DCAT-AP wants: well-known text for bbox and centroid. */
export interface SpatialSummary {
  bbox: string
  centroid: string
}

export interface DatasetGraphOptions {
  publicUrl: string
  /** The publisher's kind (identity's organisation kinds), for its ADMS publisher type. */
  publisherKind?: string | undefined
  spatial?: SpatialSummary | undefined
  /** The city the catalogue serves: the coverage of a dataset that names no narrower one. */
  cityCoverage?: { iri: string; bbox: string; centroid: string } | undefined
  /** The publisher's own page: the contact point of a dataset that names none. */
  publisherWebsite?: string | null | undefined
}

const xsd = (local: string) => term('xsd', local)

/** ADMS publisher types for identity's organisation kinds. */
const PUBLISHER_TYPES: Record<string, { code: string; label: string }> = {
  city_hall: { code: 'LocalAuthority', label: 'Local Authority' },
  department: { code: 'LocalAuthority', label: 'Local Authority' },
  office: { code: 'LocalAuthority', label: 'Local Authority' },
  subordinate_institution: { code: 'LocalAuthority', label: 'Local Authority' },
  public_body: { code: 'NationalAuthority', label: 'National authority' },
  university: { code: 'Academia-ScientificOrganisation', label: 'Academia/Scientific organisation' },
  company: { code: 'Company', label: 'Company' },
  cluster: { code: 'IndustryConsortium', label: 'Industry consortium' },
  innovation_hub: { code: 'IndustryConsortium', label: 'Industry consortium' },
  ngo: { code: 'NonProfitOrganisation', label: 'Non-profit organisation' },
}

/** ADMS licence types of our licences (the recommended dct:type of a licence document). */
const LICENCE_TYPES: Record<string, readonly string[]> = {
  'cc-by-4.0': ['Attribution'],
  'cc-by-sa-4.0': ['Attribution', 'ShareAlike'],
  'cc0-1.0': ['PublicDomain'],
  'odbl-1.0': ['Attribution', 'ShareAlike'],
  'ogl-ro-1.0': ['Attribution'],
  'other-closed': ['NonCommercialUseOnly'],
}

/** Writes a text in each language it has, tagged (@ro @en @hu). */
export function localized(
  graph: GraphBuilder,
  subject: RDF.Quad_Subject,
  predicate: RDF.NamedNode,
  text: LocalizedText | null | undefined,
): void {
  if (!text) return
  for (const language of LANGUAGES) {
    const value = text[language]
    if (value) graph.text(subject, predicate, value, language)
  }
}

/** A controlled-vocabulary concept, typed and labelled (the shapes want skos:prefLabel on each). */
export function concept(
  graph: GraphBuilder,
  node: RDF.NamedNode,
  label: LocalizedText | string,
  scheme?: string,
  extraType?: RDF.NamedNode,
): void {
  if (!graph.describe(node, term('skos', 'Concept'))) return
  if (extraType) graph.describe(node, extraType)
  if (typeof label === 'string') graph.text(node, term('skos', 'prefLabel'), label, 'en')
  else localized(graph, node, term('skos', 'prefLabel'), label)
  if (scheme) inScheme(graph, node, scheme)
}

/** Places a term in its vocabulary (the EU vocabulary shapes check skos:inScheme). */
export function inScheme(graph: GraphBuilder, node: RDF.NamedNode, scheme: string): void {
  const schemeNode = iri(scheme)
  graph.add(node, term('skos', 'inScheme'), schemeNode)
  if (graph.describe(schemeNode, term('skos', 'ConceptScheme')))
    graph.text(schemeNode, term('dct', 'title'), scheme.split('/').pop() ?? scheme, 'en')
}

/** An organisation as a foaf:Agent with its name and ADMS publisher type, described once per document. */
export function publisher(
  graph: GraphBuilder,
  publicUrl: string,
  organisation: { slug: string; name: LocalizedText },
  kind: string | undefined,
): RDF.NamedNode {
  const node = iri(organisationIri(publicUrl, organisation.slug))
  if (graph.describe(node, term('foaf', 'Agent'))) {
    graph.describe(node, term('foaf', 'Organization'))
    localized(graph, node, term('foaf', 'name'), organisation.name)
    const type = kind ? PUBLISHER_TYPES[kind] : undefined
    if (type) {
      const typeNode = iri(AUTHORITY.publisherType + type.code)
      graph.add(node, term('dct', 'type'), typeNode)
      concept(graph, typeNode, type.label, 'http://purl.org/adms/publishertype/1.0')
    }
  }
  return node
}

/** The description of one dataset and its distributions, as DCAT-AP 3.0.1 wants it. */
export function addDataset(
  graph: GraphBuilder,
  dataset: Dataset,
  options: DatasetGraphOptions,
): RDF.NamedNode {
  const { publicUrl } = options
  const self = datasetIri(publicUrl, dataset.name)
  const node = iri(self)
  graph.describe(node, term('dcat', 'Dataset'))
  graph.text(node, term('dct', 'identifier'), self)
  localized(graph, node, term('dct', 'title'), dataset.title)
  localized(graph, node, term('dct', 'description'), dataset.description)
  for (const keyword of dataset.keywords) graph.text(node, term('dcat', 'keyword'), keyword)
  for (const theme of dataset.themes) {
    const themeNode = iri(DATA_THEME_BASE + theme)
    graph.add(node, term('dcat', 'theme'), themeNode)
    concept(graph, themeNode, DATA_THEMES[theme] ?? theme, AUTHORITY.dataTheme)
  }
  for (const language of LANGUAGES) {
    if (!dataset.title[language]) continue
    const languageNode = iri(AUTHORITY.language + LANGUAGE_CODES[language])
    graph.add(node, term('dct', 'language'), languageNode)
    if (graph.describe(languageNode, term('dct', 'LinguisticSystem')))
      inScheme(graph, languageNode, AUTHORITY.language.slice(0, -1))
  }
  graph.add(
    node,
    term('dct', 'publisher'),
    publisher(graph, publicUrl, dataset.organisation, options.publisherKind),
  )
  const website = options.publisherWebsite
  contactPoint(
    graph,
    node,
    self,
    dataset.contactPoint ??
      (website && /^https?:\/\//.test(website) ? { name: dataset.organisation.name.ro, url: website } : null),
  )
  if (dataset.spatial) spatial(graph, node, self, dataset.spatial, options.spatial)
  else if (options.cityCoverage) cityLocation(graph, node, options.cityCoverage)
  temporal(graph, node, self, dataset.temporal)
  const frequency = iri(FREQUENCY_BASE + dataset.frequency)
  graph.add(node, term('dct', 'accrualPeriodicity'), frequency)
  if (graph.describe(frequency, term('dct', 'Frequency')))
    inScheme(graph, frequency, FREQUENCY_BASE.slice(0, -1))
  if (dataset.issued) graph.typed(node, term('dct', 'issued'), dataset.issued, xsd('dateTime'))
  graph.typed(node, term('dct', 'modified'), dataset.modified, xsd('dateTime'))
  if (dataset.version) {
    graph.text(node, term('dcat', 'version'), dataset.version)
    graph.text(node, term('owl', 'versionInfo'), dataset.version)
  }
  const status = iri(AUTHORITY.status + (dataset.status === 'archived' ? 'Deprecated' : 'Completed'))
  graph.add(node, term('adms', 'status'), status)
  concept(
    graph,
    status,
    dataset.status === 'archived' ? 'Deprecated' : 'Completed',
    'http://purl.org/adms/status/1.0',
  )
  const rights = iri(AUTHORITY.accessRight + (dataset.accessLevel === 'open' ? 'PUBLIC' : 'NON_PUBLIC'))
  graph.add(node, term('dct', 'accessRights'), rights)
  if (graph.describe(rights, term('dct', 'RightsStatement')))
    inScheme(graph, rights, AUTHORITY.accessRight.slice(0, -1))
  const landingPage = iri(landingPageUrl(publicUrl, dataset.name))
  graph.add(node, term('dcat', 'landingPage'), landingPage)
  graph.describe(landingPage, term('foaf', 'Document'))
  for (const resource of dataset.resources) {
    graph.add(node, term('dcat', 'distribution'), distribution(graph, dataset, resource, publicUrl))
    for (const table of datastoreDistributions(graph, dataset, resource, publicUrl))
      graph.add(node, term('dcat', 'distribution'), table)
  }
  return node
}

function contactPoint(
  graph: GraphBuilder,
  dataset: RDF.NamedNode,
  self: string,
  contact: Dataset['contactPoint'],
): void {
  if (!contact) return
  const node = iri(`${self}#contact-point`)
  graph.add(dataset, term('dcat', 'contactPoint'), node)
  graph.describe(node, term('vcard', 'Kind'))
  graph.describe(node, term('vcard', 'Organization'))
  graph.text(node, term('vcard', 'fn'), contact.name)
  if (contact.email) graph.add(node, term('vcard', 'hasEmail'), iri(`mailto:${contact.email}`))
  if (contact.url) graph.add(node, term('vcard', 'hasURL'), iri(contact.url))
}

function spatial(
  graph: GraphBuilder,
  dataset: RDF.NamedNode,
  self: string,
  coverage: Dataset['spatial'],
  summary: SpatialSummary | undefined,
): void {
  if (!coverage) return
  const node = iri(`${self}#spatial`)
  graph.add(dataset, term('dct', 'spatial'), node)
  graph.describe(node, term('dct', 'Location'))
  if (coverage.area) graph.text(node, term('skos', 'prefLabel'), coverage.area)
  if (coverage.geometry)
    graph.typed(
      node,
      term('locn', 'geometry'),
      JSON.stringify(coverage.geometry),
      term('gsp', 'geoJSONLiteral'),
    )
  if (summary) {
    graph.typed(node, term('dcat', 'bbox'), summary.bbox, term('gsp', 'wktLiteral'))
    graph.typed(node, term('dcat', 'centroid'), summary.centroid, term('gsp', 'wktLiteral'))
  }
}

export function cityLocation(
  graph: GraphBuilder,
  subject: RDF.NamedNode,
  coverage: NonNullable<DatasetGraphOptions['cityCoverage']>,
): void {
  const node = iri(coverage.iri)
  graph.add(subject, term('dct', 'spatial'), node)
  if (graph.describe(node, term('dct', 'Location'))) {
    graph.typed(node, term('dcat', 'bbox'), coverage.bbox, term('gsp', 'wktLiteral'))
    graph.typed(node, term('dcat', 'centroid'), coverage.centroid, term('gsp', 'wktLiteral'))
  }
}

function temporal(
  graph: GraphBuilder,
  dataset: RDF.NamedNode,
  self: string,
  period: Dataset['temporal'],
): void {
  if (!period || (!period.start && !period.end)) return
  const node = iri(`${self}#temporal`)
  graph.add(dataset, term('dct', 'temporal'), node)
  graph.describe(node, term('dct', 'PeriodOfTime'))
  if (period.start) graph.typed(node, term('dcat', 'startDate'), period.start, xsd('date'))
  if (period.end) graph.typed(node, term('dcat', 'endDate'), period.end, xsd('date'))
}

function licence(graph: GraphBuilder, licenceId: string): RDF.NamedNode {
  const known = LICENCES[licenceId]
  const node = iri(known ? LICENCE_BASE + known.euCode : licenceId)
  if (graph.describe(node, term('dct', 'LicenseDocument'))) {
    if (known) graph.text(node, term('rdfs', 'label'), known.title, 'en')
    for (const type of LICENCE_TYPES[licenceId] ?? []) {
      const typeNode = iri(AUTHORITY.licenceType + type)
      graph.add(node, term('dct', 'type'), typeNode)
      concept(graph, typeNode, type, 'http://purl.org/adms/licencetype/1.0')
    }
  }
  return node
}

const DATASTORE_FORMATS = [
  { extension: 'csv', format: 'CSV', mediaType: 'text/csv' },
  { extension: 'json', format: 'JSON', mediaType: 'application/json' },
  { extension: 'geojson', format: 'GEOJSON', mediaType: 'application/geo+json' },
] as const

/** A loaded table is also downloadable from the datastore, as CSV, JSON and (with a geometry) GeoJSON. */
function datastoreDistributions(
  graph: GraphBuilder,
  dataset: Dataset,
  resource: Resource,
  publicUrl: string,
): RDF.NamedNode[] {
  if (!resource.datastore) return []
  const hasGeometry = resource.datastore.columns.some((column) => column.type === 'geometry')
  const nodes: RDF.NamedNode[] = []
  for (const { extension, format, mediaType } of DATASTORE_FORMATS) {
    if (extension === 'geojson' && !hasGeometry) continue
    const node = iri(`${distributionIri(publicUrl, dataset.name, resource.id)}-${extension}`)
    graph.describe(node, term('dcat', 'Distribution'))
    localized(graph, node, term('dct', 'title'), withSuffix(resource.title, ` (${format})`))
    localized(graph, node, term('dct', 'description'), withSuffix(resource.title, ` — ${format}, datastore`))
    const url = iri(absoluteUrl(publicUrl, `/api/catalog/resources/${resource.id}/records.${extension}`))
    graph.add(node, term('dcat', 'accessURL'), url)
    graph.add(node, term('dcat', 'downloadURL'), url)
    fileType(graph, node, format, mediaType)
    graph.add(node, term('dct', 'license'), licence(graph, dataset.licence))
    const availability = iri(`${AUTHORITY.availability}STABLE`)
    graph.add(node, term('dcatap', 'availability'), availability)
    concept(graph, availability, 'Stable', AUTHORITY.availability.slice(0, -1))
    graph.typed(node, term('dct', 'modified'), resource.datastore.loadedAt, xsd('dateTime'))
    nodes.push(node)
  }
  return nodes
}

const withSuffix = (text: LocalizedText, suffix: string): LocalizedText =>
  Object.fromEntries(
    Object.entries(text).map(([language, value]) => [language, `${value}${suffix}`]),
  ) as LocalizedText

function fileType(graph: GraphBuilder, node: RDF.NamedNode, format: string, mediaType: string | null): void {
  const types = fileTypeOf(format, mediaType)
  if (types.format) {
    graph.add(node, term('dct', 'format'), iri(types.format))
    if (graph.describe(iri(types.format), term('dct', 'MediaTypeOrExtent')))
      inScheme(graph, iri(types.format), AUTHORITY.fileType.slice(0, -1))
  }
  if (types.mediaType) {
    graph.add(node, term('dcat', 'mediaType'), iri(types.mediaType))
    graph.describe(iri(types.mediaType), term('dct', 'MediaType'))
  }
}

/** A SHA-256 as SPDX wants it: hex, without a `sha256:` label. */
const hexChecksum = (checksum: string | null): string | undefined => {
  const hex = checksum?.replace(/^sha-?256:/i, '').toLowerCase()
  return hex && /^[0-9a-f]{64}$/.test(hex) ? hex : undefined
}

function distribution(
  graph: GraphBuilder,
  dataset: Dataset,
  resource: Resource,
  publicUrl: string,
): RDF.NamedNode {
  const self = distributionIri(publicUrl, dataset.name, resource.id)
  const node = iri(self)
  graph.describe(node, term('dcat', 'Distribution'))
  graph.text(node, term('dct', 'identifier'), resource.id)
  localized(graph, node, term('dct', 'title'), resource.title)
  localized(graph, node, term('dct', 'description'), resource.description ?? resource.title)
  const url = iri(absoluteUrl(publicUrl, resource.url || landingPageUrl(publicUrl, dataset.name)))
  graph.add(node, term('dcat', 'accessURL'), url)
  if (resource.kind === 'upload') graph.add(node, term('dcat', 'downloadURL'), url)
  fileType(graph, node, resource.format, resource.mediaType)
  graph.add(node, term('dct', 'license'), licence(graph, dataset.licence))
  const availability = iri(`${AUTHORITY.availability}${resource.kind === 'live' ? 'AVAILABLE' : 'STABLE'}`)
  graph.add(node, term('dcatap', 'availability'), availability)
  concept(
    graph,
    availability,
    resource.kind === 'live' ? 'Available' : 'Stable',
    AUTHORITY.availability.slice(0, -1),
  )
  if (resource.byteSize !== null)
    graph.typed(node, term('dcat', 'byteSize'), String(resource.byteSize), term('xsd', 'nonNegativeInteger'))
  const checksum = hexChecksum(resource.checksum)
  if (checksum) {
    const checksumNode = iri(`${self}-checksum`)
    graph.add(node, term('spdx', 'checksum'), checksumNode)
    graph.describe(checksumNode, term('spdx', 'Checksum'))
    const algorithm = term('spdx', 'checksumAlgorithm_sha256')
    graph.add(checksumNode, term('spdx', 'algorithm'), algorithm)
    graph.describe(algorithm, term('spdx', 'ChecksumAlgorithm'))
    graph.typed(checksumNode, term('spdx', 'checksumValue'), checksum, term('xsd', 'hexBinary'))
  }
  graph.typed(node, term('dct', 'issued'), resource.createdAt, xsd('dateTime'))
  graph.typed(node, term('dct', 'modified'), resource.modifiedAt, xsd('dateTime'))
  return node
}
