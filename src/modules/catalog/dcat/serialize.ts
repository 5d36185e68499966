import type * as RDF from '@rdfjs/types'
import { Writer } from 'n3'
import { writeJsonLd } from './json-ld.ts'
import { writeRdfXml } from './rdf-xml.ts'
import { PREFIXES } from './terms.ts'

export const RDF_FORMATS = {
  ttl: 'text/turtle',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
} as const
export type RdfFormat = keyof typeof RDF_FORMATS

function writeWith(
  quads: readonly RDF.Quad[],
  options: ConstructorParameters<typeof Writer>[0],
): Promise<string> {
  const writer = new Writer(options)
  writer.addQuads([...quads])
  return new Promise((resolve, reject) => {
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result)))
  })
}

/** The triples as Turtle, JSON-LD (compacted with our prefixes) or RDF/XML. */
export async function serialize(quads: readonly RDF.Quad[], format: RdfFormat): Promise<string> {
  switch (format) {
    case 'ttl':
      return writeWith(quads, { prefixes: { ...PREFIXES }, format: 'text/turtle' })
    case 'jsonld':
      return writeJsonLd(quads)
    case 'rdf':
      return writeRdfXml(quads)
  }
}
