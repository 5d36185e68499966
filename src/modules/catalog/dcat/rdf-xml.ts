import type * as RDF from '@rdfjs/types'
import { PREFIXES } from './terms.ts'

const RDF_NS = PREFIXES.rdf
const XSD_STRING = `${PREFIXES.xsd}string`
const LANG_STRING = `${RDF_NS}langString`
/** XML 1.0 cannot carry these characters at all, not even as references. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const NC_NAME = /^[A-Za-z_][\w.-]*$/

const escapeText = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;')

const escapeAttribute = (value: string) =>
  escapeText(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;')

function checked(value: string): string {
  if (NOT_XML.test(value))
    throw new Error(`RDF/XML cannot carry a control character in "${value.slice(0, 40)}"`)
  return value
}

/** Splits a predicate IRI into a namespace and a local name that is an XML name, as RDF/XML needs. */
function splitPredicate(predicate: string): { namespace: string; local: string } {
  for (
    let cut = Math.max(predicate.lastIndexOf('#'), predicate.lastIndexOf('/')) + 1;
    cut < predicate.length;
    cut++
  ) {
    const local = predicate.slice(cut)
    if (NC_NAME.test(local)) return { namespace: predicate.slice(0, cut), local }
  }
  throw new Error(`The predicate <${predicate}> has no XML name ending; RDF/XML cannot write it`)
}

/**
 * Writes triples as RDF/XML: one rdf:Description per subject (rdf:about or rdf:nodeID), objects as
 * rdf:resource or rdf:nodeID, literals with xml:lang or rdf:datatype. The namespaces are declared
 * once on rdf:RDF: the known prefixes, then ns1, ns2... for any other predicate namespace.
 */
export function writeRdfXml(quads: readonly RDF.Quad[]): string {
  const prefixOf = new Map<string, string>(Object.entries(PREFIXES).map(([prefix, iri]) => [iri, prefix]))
  const used = new Set<string>([RDF_NS])
  const qualified = (predicate: string): string => {
    const { namespace, local } = splitPredicate(predicate)
    let prefix = prefixOf.get(namespace)
    if (!prefix) {
      prefix = `ns${prefixOf.size - Object.keys(PREFIXES).length + 1}`
      prefixOf.set(namespace, prefix)
    }
    used.add(namespace)
    return `${prefix}:${local}`
  }

  // rdf:nodeID must be an XML name; a parser's blank node labels need not be, so they are renumbered.
  const nodeIds = new Map<string, string>()
  const reference = (node: RDF.Term, iriAttribute: 'about' | 'resource'): string => {
    if (node.termType === 'BlankNode') {
      const id = nodeIds.get(node.value) ?? `b${nodeIds.size}`
      nodeIds.set(node.value, id)
      return `rdf:nodeID="${id}"`
    }
    if (node.termType === 'NamedNode') return `rdf:${iriAttribute}="${escapeAttribute(checked(node.value))}"`
    throw new Error(`RDF/XML cannot write a ${node.termType} as a subject or object reference`)
  }

  const bySubject = new Map<string, { subject: RDF.Quad_Subject; quads: RDF.Quad[] }>()
  for (const quad of quads) {
    const key = `${quad.subject.termType}:${quad.subject.value}`
    const entry = bySubject.get(key) ?? { subject: quad.subject, quads: [] }
    entry.quads.push(quad)
    bySubject.set(key, entry)
  }

  const body: string[] = []
  for (const { subject, quads: described } of bySubject.values()) {
    body.push(`  <rdf:Description ${reference(subject, 'about')}>`)
    for (const { predicate, object } of described) {
      const name = qualified(predicate.value)
      if (object.termType === 'Literal') {
        const value = escapeText(checked(object.value))
        if (object.language)
          body.push(`    <${name} xml:lang="${escapeAttribute(object.language)}">${value}</${name}>`)
        else if (object.datatype.value === XSD_STRING || object.datatype.value === LANG_STRING)
          body.push(`    <${name}>${value}</${name}>`)
        else
          body.push(
            `    <${name} rdf:datatype="${escapeAttribute(object.datatype.value)}">${value}</${name}>`,
          )
      } else {
        body.push(`    <${name} ${reference(object, 'resource')}/>`)
      }
    }
    body.push('  </rdf:Description>')
  }

  const declarations = [...prefixOf.entries()]
    .filter(([namespace]) => used.has(namespace))
    .map(([namespace, prefix]) => `\n    xmlns:${prefix}="${escapeAttribute(namespace)}"`)
    .join('')
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n${body.join('\n')}\n</rdf:RDF>\n`
}
