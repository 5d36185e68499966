import { Readable } from 'node:stream'
import type * as RDF from '@rdfjs/types'
import jsonld from 'jsonld'
import { Parser } from 'n3'
import { RdfXmlParser } from 'rdfxml-streaming-parser'
import { Problem } from '../../../platform/http/problem.ts'
import type { RdfFormat } from './serialize.ts'

/** The format a document is in: from its media type if it says, else from how it starts. */
export function detectFormat(text: string, mediaType?: string | null): RdfFormat {
  const media = mediaType?.split(';')[0]?.trim().toLowerCase()
  if (media === 'text/turtle' || media === 'application/x-turtle' || media === 'application/n-triples')
    return 'ttl'
  if (media === 'application/ld+json' || media === 'application/json') return 'jsonld'
  if (media === 'application/rdf+xml' || media === 'application/xml' || media === 'text/xml') return 'rdf'
  const start = text.trimStart()
  if (start.startsWith('<?xml') || /^<rdf:RDF[\s>]/.test(start)) return 'rdf'
  if (start.startsWith('{') || start.startsWith('[')) return 'jsonld'
  return 'ttl'
}

/** A JSON-LD document loader that never fetches: remote contexts are refused by name. */
async function offlineDocumentLoader(url: string): Promise<never> {
  throw new Error(
    `The JSON-LD document refers to the remote context ${url}; this server does not fetch contexts, so inline it.`,
  )
}

const FORMAT_NAMES: Record<RdfFormat, string> = { ttl: 'Turtle', jsonld: 'JSON-LD', rdf: 'RDF/XML' }

function invalid(format: RdfFormat, error: unknown, line?: number): Problem {
  const message = error instanceof Error ? error.message : String(error)
  return new Problem(
    400,
    'CATALOG_DCAT_DOCUMENT_INVALID',
    'The DCAT document cannot be read',
    `The ${FORMAT_NAMES[format]} document is not valid${line ? ` (line ${line})` : ''}: ${message}`,
    line ? { line } : {},
  )
}

/** Parses a DCAT document into triples; a malformed one is a 400 naming the parser's line. */
export async function parseDocument(text: string, format: RdfFormat, baseIRI: string): Promise<RDF.Quad[]> {
  switch (format) {
    case 'ttl':
      try {
        return new Parser({ baseIRI }).parse(text)
      } catch (error) {
        const line = (error as { context?: { line?: number } }).context?.line
        throw invalid(format, error, line)
      }
    case 'rdf':
      return parseRdfXml(text, baseIRI)
    case 'jsonld':
      return parseJsonLd(text)
  }
}

function parseRdfXml(text: string, baseIRI: string): Promise<RDF.Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: RDF.Quad[] = []
    const parser = new RdfXmlParser({ baseIRI, trackPosition: true })
    parser.on('data', (quad: RDF.Quad) => quads.push(quad))
    parser.on('error', (error: Error) => {
      // Our parser says "Line 4 column 10: ..."; the XML reader beneath it says "4:10: ...".
      const line = /^Line (\d+)|^(?:[^:\s]*:)?(\d+):\d+:/.exec(error.message)
      reject(invalid('rdf', error, line ? Number(line[1] ?? line[2]) : undefined))
    })
    parser.on('end', () => resolve(quads))
    Readable.from([text]).pipe(parser)
  })
}

async function parseJsonLd(text: string): Promise<RDF.Quad[]> {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    const at = /line (\d+)/.exec(error instanceof Error ? error.message : '')
    throw invalid('jsonld', error, at ? Number(at[1]) : undefined)
  }
  try {
    const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
      format: 'application/n-quads',
      documentLoader: offlineDocumentLoader,
    })) as unknown as string
    return new Parser({ format: 'N-Quads' }).parse(nquads)
  } catch (error) {
    throw invalid('jsonld', error)
  }
}
