import type * as RDF from '@rdfjs/types'
import { DataFactory } from 'n3'

/** The vocabularies DCAT-AP 3 uses, with the prefixes our documents declare. */
export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  locn: 'http://www.w3.org/ns/locn#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  adms: 'http://www.w3.org/ns/adms#',
  owl: 'http://www.w3.org/2002/07/owl#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
} as const

type Prefix = keyof typeof PREFIXES

/** `term('dcat', 'Dataset')` → the named node `http://www.w3.org/ns/dcat#Dataset`. */
export function term(prefix: Prefix, local: string): RDF.NamedNode {
  return DataFactory.namedNode(PREFIXES[prefix] + local)
}

export const iri = (value: string): RDF.NamedNode => DataFactory.namedNode(value)

export const RDF_TYPE = term('rdf', 'type')

/** Publications Office authority tables and other controlled vocabularies DCAT-AP names. */
export const AUTHORITY = {
  accessRight: 'http://publications.europa.eu/resource/authority/access-right/',
  fileType: 'http://publications.europa.eu/resource/authority/file-type/',
  language: 'http://publications.europa.eu/resource/authority/language/',
  dataTheme: 'http://publications.europa.eu/resource/authority/data-theme',
  mediaType: 'https://www.iana.org/assignments/media-types/',
  publisherType: 'http://purl.org/adms/publishertype/',
  licenceType: 'http://purl.org/adms/licencetype/',
  status: 'http://purl.org/adms/status/',
  availability: 'http://publications.europa.eu/resource/authority/planned-availability/',
} as const

/** The ISO 639-3 codes of the EU language table for our languages. */
export const LANGUAGE_CODES = { ro: 'RON', en: 'ENG', hu: 'HUN' } as const

/** Collects triples, each subject written once with its type (the full DCAT-AP shapes need it). */
export class GraphBuilder {
  readonly quads: RDF.Quad[] = []
  readonly #seen = new Set<string>()

  add(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, object: RDF.Quad_Object): void {
    const key = `${subject.value} ${predicate.value} ${object.termType}:${object.value}:${
      object.termType === 'Literal' ? `${object.language}|${object.datatype.value}` : ''
    }`
    if (this.#seen.has(key)) return
    this.#seen.add(key)
    this.quads.push(DataFactory.quad(subject, predicate, object))
  }

  /** Types a node once; returns whether it was new (so its description is written once too). */
  describe(subject: RDF.Quad_Subject, type: RDF.NamedNode): boolean {
    const fresh = !this.#seen.has(`${subject.value} ${RDF_TYPE.value} NamedNode:${type.value}:`)
    this.add(subject, RDF_TYPE, type)
    return fresh
  }

  text(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, value: string, language?: string): void {
    this.add(subject, predicate, DataFactory.literal(value, language))
  }

  typed(subject: RDF.Quad_Subject, predicate: RDF.NamedNode, value: string, datatype: RDF.NamedNode): void {
    this.add(subject, predicate, DataFactory.literal(value, datatype))
  }
}
