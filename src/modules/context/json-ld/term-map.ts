import { DEFAULT_VOCAB } from '../model.ts'
import { coreContextDocument } from './core-context.ts'

/** A context definition as written: the object form of an `@context` entry. */
export type ContextDefinition = Record<string, unknown>

/**
 * A compiled @context: the term ↔ IRI tables NGSI-LD needs for entity and attribute names.
 * Built once per distinct context and cached, so a request costs two map lookups per name
 * instead of a JSON-LD expansion.
 */
export interface TermMap {
  expand(term: string): string
  compact(iri: string): string
}

const ABSOLUTE_IRI = /^[a-zA-Z][a-zA-Z0-9+.-]*:/

class CompiledTerms implements TermMap {
  readonly #terms: Map<string, string>
  readonly #reverse: Map<string, string>
  readonly #vocab: string

  constructor(terms: Map<string, string>, reverse: Map<string, string>, vocab: string) {
    this.#terms = terms
    this.#reverse = reverse
    this.#vocab = vocab
  }

  expand(term: string): string {
    const known = this.#terms.get(term)
    if (known !== undefined) return known
    const colon = term.indexOf(':')
    if (colon > 0) {
      const prefix = this.#terms.get(term.slice(0, colon))
      const rest = term.slice(colon + 1)
      if (prefix !== undefined && !rest.startsWith('//')) return prefix + rest
      if (ABSOLUTE_IRI.test(term)) return term
    }
    return this.#vocab + term
  }

  compact(iri: string): string {
    const term = this.#reverse.get(iri)
    if (term !== undefined) return term
    if (iri.startsWith(this.#vocab)) {
      const rest = iri.slice(this.#vocab.length)
      // Only when expanding it again gives the same IRI back.
      if (!this.#terms.has(rest) && !rest.includes(':')) return rest
    }
    return iri
  }
}

function resolveIri(
  value: string,
  terms: Map<string, string>,
  vocab: string | undefined,
): string | undefined {
  if (value.startsWith('@')) return undefined
  const colon = value.indexOf(':')
  if (colon > 0) {
    const prefix = terms.get(value.slice(0, colon))
    const rest = value.slice(colon + 1)
    if (prefix !== undefined && !rest.startsWith('//')) return prefix + rest
    return value
  }
  return (vocab ?? DEFAULT_VOCAB) + value
}

/** Adds one definition's terms; prefixes may refer to terms defined earlier or in the same definition. */
function addDefinition(definition: ContextDefinition, terms: Map<string, string>, vocab: string | undefined) {
  const declaredVocab = definition['@vocab']
  const effectiveVocab = typeof declaredVocab === 'string' ? declaredVocab : vocab
  // Two passes: plain prefix strings first, so "schema:name" resolves whatever the key order.
  for (const pass of [0, 1]) {
    for (const [term, value] of Object.entries(definition)) {
      if (term.startsWith('@')) continue
      const target =
        typeof value === 'string'
          ? value
          : value && typeof value === 'object' && typeof (value as { '@id'?: unknown })['@id'] === 'string'
            ? ((value as { '@id': string })['@id'] as string)
            : value && typeof value === 'object'
              ? term
              : undefined
      if (target === undefined) continue
      if (pass === 0 && typeof value !== 'string') continue
      const iri = resolveIri(target, terms, effectiveVocab)
      if (iri !== undefined) terms.set(term, iri)
    }
  }
  return effectiveVocab
}

const core = coreContextDocument['@context']
const coreTerms = new Map<string, string>()
addDefinition(core, coreTerms, undefined)

/**
 * Compiles user definitions (in order) with the core context applied last: NGSI-LD's core terms
 * cannot be redefined by a user context.
 */
export function compileTerms(definitions: readonly ContextDefinition[]): TermMap {
  const terms = new Map<string, string>()
  let vocab: string | undefined
  for (const definition of definitions) vocab = addDefinition(definition, terms, vocab)
  for (const [term, iri] of coreTerms) terms.set(term, iri)
  const reverse = new Map<string, string>()
  for (const [term, iri] of coreTerms) if (!term.includes(':')) reverse.set(iri, term)
  for (const [term, iri] of terms) {
    if (!reverse.has(iri) && !term.includes(':') && iri.length > 0) reverse.set(iri, term)
  }
  return new CompiledTerms(terms, reverse, vocab ?? DEFAULT_VOCAB)
}

export const coreTermMap: TermMap = compileTerms([])
