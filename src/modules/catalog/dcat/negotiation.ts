import { Problem } from '../../../platform/http/problem.ts'
import { RDF_FORMATS, type RdfFormat } from './serialize.ts'

const BY_MEDIA_TYPE = new Map<string, RdfFormat>([
  ['text/turtle', 'ttl'],
  ['application/x-turtle', 'ttl'],
  ['application/ld+json', 'jsonld'],
  ['application/json', 'jsonld'],
  ['application/rdf+xml', 'rdf'],
  ['application/xml', 'rdf'],
  ['text/xml', 'rdf'],
])

/**
 * The format an Accept header asks for (RFC 9110 §12.5.1): the highest quality among the types we
 * write; Turtle when the caller takes anything. None acceptable is a 406 naming what we offer.
 */
export function negotiateFormat(accept: string | undefined): RdfFormat {
  if (!accept?.trim()) return 'ttl'
  let best: { format: RdfFormat; quality: number } | undefined
  for (const part of accept.split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    const quality = q ? Number(q.slice(2)) : 1
    if (!(quality > 0)) continue
    const format = type === '*/*' || type === 'text/*' ? 'ttl' : BY_MEDIA_TYPE.get(type)
    if (format && (!best || quality > best.quality)) best = { format, quality }
  }
  if (best) return best.format
  throw new Problem(
    406,
    'CATALOG_DCAT_NOT_ACCEPTABLE',
    'No acceptable format',
    `The DCAT-AP export is written as ${Object.values(RDF_FORMATS).join(', ')}; ask for one of them in Accept, or add .ttl, .jsonld or .rdf to the address.`,
  )
}
