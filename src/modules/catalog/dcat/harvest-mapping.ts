import type * as RDF from '@rdfjs/types'
import { LANGUAGES, type LocalizedText } from '../../../platform/text/localized.ts'
import {
  DATA_THEME_BASE,
  DATA_THEMES,
  FREQUENCIES,
  FREQUENCY_BASE,
  LICENCE_BASE,
  LICENCES,
} from '../vocabularies.ts'
import { formatFromRemote, mediaTypeFromRemote } from './formats.ts'
import { AUTHORITY, PREFIXES, RDF_TYPE } from './terms.ts'

/** A remote dcat:Dataset as our model holds it; written as a published dataset of the organisation. */
export interface HarvestedDataset {
  iri: string
  title: LocalizedText
  description: LocalizedText
  keywords: string[]
  themes: string[]
  licence: string
  accessLevel: 'open' | 'private'
  /** A geometry as the source wrote it, checked and converted by the database before it is kept. */
  geometry: { text: string; kind: 'geojson' | 'wkt' } | null
  temporalStart: string | null
  temporalEnd: string | null
  frequency: string
  contactPoint: { name: string; email?: string; url?: string } | null
  version: string | null
  issued: string | null
  modified: string | null
  resources: HarvestedResource[]
}

export interface HarvestedResource {
  title: LocalizedText
  description: LocalizedText | null
  format: string
  mediaType: string | null
  url: string
}

export interface MappedCatalogue {
  datasets: HarvestedDataset[]
  /** Source datasets left out (no IRI, no title). */
  skipped: number
  /** What could not be taken, one line each, for the run's outcome. */
  problems: string[]
}

const p = (prefix: keyof typeof PREFIXES, local: string) => PREFIXES[prefix] + local
const SCHEMA_START = 'http://schema.org/startDate'
const SCHEMA_END = 'http://schema.org/endDate'
const MAX_TEXT = 10_000

/** The triples of a document, read by subject. */
class Graph {
  readonly #bySubject = new Map<string, RDF.Quad[]>()

  constructor(quads: readonly RDF.Quad[]) {
    for (const quad of quads) {
      const key = quad.subject.value
      const list = this.#bySubject.get(key)
      if (list) list.push(quad)
      else this.#bySubject.set(key, [quad])
    }
  }

  objects(subject: RDF.Term | string, predicate: string): RDF.Term[] {
    const key = typeof subject === 'string' ? subject : subject.value
    return (this.#bySubject.get(key) ?? [])
      .filter((quad) => quad.predicate.value === predicate)
      .map((q) => q.object)
  }

  first(subject: RDF.Term | string, ...predicates: string[]): RDF.Term | undefined {
    for (const predicate of predicates) {
      const [found] = this.objects(subject, predicate)
      if (found) return found
    }
    return undefined
  }

  subjectsOfType(type: string): string[] {
    const found: string[] = []
    for (const [subject, quads] of this.#bySubject)
      if (quads.some((quad) => quad.predicate.equals(RDF_TYPE) && quad.object.value === type))
        found.push(subject)
    return found
  }
}

/** Texts by language tag: ro, en and hu kept; an untagged or other-language text stands in for Romanian. */
function localizedOf(terms: readonly RDF.Term[]): LocalizedText | null {
  const byLanguage = new Map<string, string>()
  for (const term of terms) {
    if (term.termType !== 'Literal' || !term.value.trim()) continue
    const language = term.language.toLowerCase().split('-')[0] ?? ''
    if (!byLanguage.has(language)) byLanguage.set(language, term.value.trim().slice(0, MAX_TEXT))
  }
  const ro = byLanguage.get('ro') ?? byLanguage.get('') ?? byLanguage.get('en') ?? [...byLanguage.values()][0]
  if (!ro) return null
  const text: LocalizedText = { ro }
  for (const language of LANGUAGES) {
    const value = byLanguage.get(language)
    if (language !== 'ro' && value) text[language] = value
  }
  return text
}

const normalUrl = (url: string) =>
  url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/(deed|legalcode)(\.[a-z-]+)?$/, '')
    .replace(/\/+$/, '')

/** Our licence for an EU licence IRI or a licence's own URL; undefined when we do not know it. */
export function licenceFromRemote(value: string): string | undefined {
  const code = value.startsWith(LICENCE_BASE) ? value.slice(LICENCE_BASE.length) : undefined
  for (const [id, licence] of Object.entries(LICENCES)) {
    if (code === licence.euCode || normalUrl(value) === normalUrl(licence.url)) return id
  }
  return undefined
}

/** A day (YYYY-MM-DD) from an xsd:date, xsd:dateTime or xsd:gYear; a year starts or ends with it. */
function dayOf(term: RDF.Term | undefined, end: boolean): string | null {
  const value = term?.value.trim()
  if (!value) return null
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10)
  if (/^\d{4}$/.test(value)) return end ? `${value}-12-31` : `${value}-01-01`
  return null
}

function instantOf(term: RDF.Term | undefined): string | null {
  if (!term) return null
  const time = Date.parse(term.value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

const httpUrl = (term: RDF.Term | undefined): string | undefined =>
  term && /^https?:\/\/\S+$/i.test(term.value) ? term.value : undefined

/** Every dcat:Dataset of a DCAT document (DCAT-AP 1, 2 or 3), mapped to our model. */
export function mapCatalogue(quads: readonly RDF.Quad[]): MappedCatalogue {
  const graph = new Graph(quads)
  const problems: string[] = []
  const datasets: HarvestedDataset[] = []
  let skipped = 0
  for (const iri of graph.subjectsOfType(p('dcat', 'Dataset'))) {
    const dataset = mapDataset(graph, iri, problems)
    if (dataset) datasets.push(dataset)
    else skipped++
  }
  return { datasets, skipped, problems }
}

function mapDataset(graph: Graph, iri: string, problems: string[]): HarvestedDataset | undefined {
  if (iri.startsWith('_:') || !/^[a-z][a-z0-9+.-]*:/i.test(iri)) {
    problems.push(`A dataset without an IRI was skipped: it cannot be matched on the next harvest.`)
    return undefined
  }
  const title = localizedOf(graph.objects(iri, p('dct', 'title')))
  if (!title) {
    problems.push(`${iri}: skipped, it has no dct:title.`)
    return undefined
  }
  const description = localizedOf(graph.objects(iri, p('dct', 'description'))) ?? title

  const keywords = [
    ...new Set(
      graph
        .objects(iri, p('dcat', 'keyword'))
        .filter((term) => term.termType === 'Literal')
        .map((term) => term.value.trim().slice(0, 100))
        .filter(Boolean),
    ),
  ].slice(0, 50)
  const themes = [
    ...new Set(
      graph
        .objects(iri, p('dcat', 'theme'))
        .map((term) =>
          term.value.startsWith(DATA_THEME_BASE) ? term.value.slice(DATA_THEME_BASE.length) : '',
        )
        .filter((code) => code in DATA_THEMES),
    ),
  ]
  const frequencyIri = graph.first(iri, p('dct', 'accrualPeriodicity'))?.value ?? ''
  const frequencyCode = frequencyIri.startsWith(FREQUENCY_BASE)
    ? frequencyIri.slice(FREQUENCY_BASE.length)
    : ''
  const accessRights = graph.first(iri, p('dct', 'accessRights'))?.value ?? `${AUTHORITY.accessRight}PUBLIC`
  const period = graph.first(iri, p('dct', 'temporal'))

  const distributions = graph.objects(iri, p('dcat', 'distribution'))
  const licences = [
    ...distributions.flatMap((distribution) => graph.objects(distribution, p('dct', 'license'))),
    ...graph.objects(iri, p('dct', 'license')),
  ].map((term) => term.value)
  const known = licences.map(licenceFromRemote).find((id) => id !== undefined)
  if (!known)
    problems.push(
      `${iri}: ${licences.length ? `licence ${licences[0]} is not one we know` : 'no licence'}; kept as "all rights reserved".`,
    )

  const resources: HarvestedResource[] = []
  for (const distribution of distributions) {
    const resource = mapDistribution(graph, distribution, title)
    if (resource) resources.push(resource)
    else problems.push(`${iri}: a distribution without an http(s) accessURL or downloadURL was skipped.`)
  }

  return {
    iri,
    title,
    description,
    keywords,
    themes,
    licence: known ?? 'other-closed',
    accessLevel: accessRights.endsWith('/PUBLIC') ? 'open' : 'private',
    geometry: geometryOf(graph, graph.first(iri, p('dct', 'spatial'))),
    temporalStart: period ? dayOf(graph.first(period, p('dcat', 'startDate'), SCHEMA_START), false) : null,
    temporalEnd: period ? dayOf(graph.first(period, p('dcat', 'endDate'), SCHEMA_END), true) : null,
    frequency: frequencyCode in FREQUENCIES ? frequencyCode : 'UNKNOWN',
    contactPoint: contactOf(graph, graph.first(iri, p('dcat', 'contactPoint'))),
    version: graph.first(iri, p('dcat', 'version'), p('owl', 'versionInfo'))?.value.slice(0, 50) ?? null,
    issued: instantOf(graph.first(iri, p('dct', 'issued'))),
    modified: instantOf(graph.first(iri, p('dct', 'modified'))),
    resources,
  }
}

function mapDistribution(
  graph: Graph,
  node: RDF.Term,
  datasetTitle: LocalizedText,
): HarvestedResource | undefined {
  const url =
    httpUrl(graph.first(node, p('dcat', 'downloadURL'))) ?? httpUrl(graph.first(node, p('dcat', 'accessURL')))
  if (!url) return undefined
  const format = graph.first(node, p('dct', 'format'))?.value
  const mediaType = graph.first(node, p('dcat', 'mediaType'))?.value
  const ourFormat = formatFromRemote(format, mediaType)
  return {
    title: localizedOf(graph.objects(node, p('dct', 'title'))) ?? {
      ro: ourFormat ? `${datasetTitle.ro} (${ourFormat})` : datasetTitle.ro,
    },
    description: localizedOf(graph.objects(node, p('dct', 'description'))),
    format: ourFormat,
    mediaType: mediaTypeFromRemote(mediaType),
    url: url.slice(0, 2000),
  }
}

function geometryOf(graph: Graph, location: RDF.Term | undefined): HarvestedDataset['geometry'] {
  if (!location) return null
  for (const term of [
    ...graph.objects(location, p('locn', 'geometry')),
    ...graph.objects(location, p('dcat', 'bbox')),
  ]) {
    if (term.termType !== 'Literal') continue
    const text = term.value.trim()
    if (term.datatype.value.endsWith('geoJSONLiteral') || text.startsWith('{'))
      return { text, kind: 'geojson' }
    // A WKT literal may start with its reference system (GeoSPARQL); we take WGS 84 coordinates.
    const wkt = text.replace(/^<[^>]*>\s*/, '')
    if (/^(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*\(/i.test(wkt))
      return { text: wkt, kind: 'wkt' }
  }
  return null
}

function contactOf(graph: Graph, node: RDF.Term | undefined): HarvestedDataset['contactPoint'] {
  if (!node) return null
  const name =
    graph.first(node, p('vcard', 'fn'), p('vcard', 'organization-name'))?.value.trim().slice(0, 200) ||
    undefined
  const emailTerm = graph.first(node, p('vcard', 'hasEmail'))
  const email = emailTerm?.value.replace(/^mailto:/i, '').trim()
  const url = httpUrl(graph.first(node, p('vcard', 'hasURL')))
  const validEmail = email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.slice(0, 200) : undefined
  if (!name && !validEmail && !url) return null
  return {
    name: name ?? validEmail ?? url ?? '',
    ...(validEmail ? { email: validEmail } : {}),
    ...(url ? { url: url.slice(0, 500) } : {}),
  }
}
