import type { TermMap } from './json-ld/term-map.ts'
import { type AttributeInstance, INSTANCE_MEMBERS, type StoredEntity } from './model.ts'

export type EntityFormat = 'normalized' | 'concise' | 'keyValues'

export interface RenderOptions {
  format: EntityFormat
  sysAttrs: boolean
  /** Expanded names of the attributes to show; all when absent. */
  attrs?: ReadonlySet<string> | undefined
  /** Expanded names of attributes to leave out (`omit`). */
  omit?: ReadonlySet<string> | undefined
  /** Show LanguageProperties in this language only (NGSI-LD 4.15). */
  lang?: string | undefined
  /** Entity members to leave out (`pick`/`omit` of id and type). */
  hideId?: boolean
  hideType?: boolean
}

const VALUE_MEMBERS = ['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab'] as const

function pickLanguage(map: Record<string, string | string[]>, lang: string): string | string[] | undefined {
  if (lang === '*') return undefined
  const wanted = lang.split(',').map((tag) => tag.split(';')[0]?.trim() ?? '')
  for (const tag of wanted) if (map[tag] !== undefined) return map[tag]
  return map['@none'] ?? Object.values(map)[0]
}

function compactVocab(value: unknown, terms: TermMap): unknown {
  return Array.isArray(value)
    ? value.map((item) => terms.compact(String(item)))
    : terms.compact(String(value))
}

/** The value a keyValues (simplified) representation shows for one instance. */
function simplified(instance: AttributeInstance, terms: TermMap, lang: string | undefined): unknown {
  switch (instance.type) {
    case 'Relationship':
      return instance.object
    case 'ListRelationship':
      return instance.objectList
    case 'LanguageProperty':
      return lang && instance.languageMap
        ? (pickLanguage(instance.languageMap, lang) ?? instance.languageMap)
        : { languageMap: instance.languageMap }
    case 'ListProperty':
      return instance.valueList
    case 'JsonProperty':
      return instance.json
    case 'VocabProperty':
      return compactVocab(instance.vocab, terms)
    default:
      return instance.value
  }
}

export function renderInstance(instance: AttributeInstance, terms: TermMap, options: RenderOptions): unknown {
  if (options.format === 'keyValues') return simplified(instance, terms, options.lang)
  const out: Record<string, unknown> = {}
  if (options.format === 'normalized') out.type = instance.type
  for (const member of VALUE_MEMBERS) {
    const value = instance[member]
    if (value === undefined) continue
    if (member === 'vocab') out.vocab = compactVocab(value, terms)
    else if (member === 'languageMap' && options.lang) {
      const text = pickLanguage(value as Record<string, string | string[]>, options.lang)
      if (text === undefined) out.languageMap = value
      else {
        // NGSI-LD 4.15: with lang, a LanguageProperty is shown as a Property in that language.
        if (options.format === 'normalized') out.type = 'Property'
        out.value = text
        out.lang = options.lang
      }
    } else out[member] = value
  }
  for (const member of ['observedAt', 'unitCode', 'datasetId', 'objectType'] as const)
    if (instance[member] !== undefined) out[member] = instance[member]
  if (options.sysAttrs) {
    if (instance.createdAt) out.createdAt = instance.createdAt
    if (instance.modifiedAt) out.modifiedAt = instance.modifiedAt
  }
  for (const [key, sub] of Object.entries(instance)) {
    if (INSTANCE_MEMBERS.has(key)) continue
    out[terms.compact(key)] = renderInstance(sub as AttributeInstance, terms, options)
  }
  // Concise (4.5.x): a Property or GeoProperty with nothing but its value is the value itself.
  if (options.format === 'concise') {
    const keys = Object.keys(out)
    if (
      keys.length === 1 &&
      keys[0] === 'value' &&
      (instance.type === 'Property' || instance.type === 'GeoProperty')
    ) {
      const value = out.value
      // A bare object would read as a compound Property with members, so keep the wrapper for objects.
      if (
        instance.type === 'GeoProperty' ||
        typeof value !== 'object' ||
        value === null ||
        Array.isArray(value)
      )
        return value
    }
  }
  return out
}

export function renderEntity(
  entity: StoredEntity,
  terms: TermMap,
  options: RenderOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!options.hideId) out.id = entity.id
  if (!options.hideType) {
    const types = entity.types.map((type) => terms.compact(type))
    out.type = types.length === 1 ? types[0] : types
  }
  if (entity.scopes) out.scope = entity.scopes.length === 1 ? entity.scopes[0] : entity.scopes
  for (const [iri, instances] of Object.entries(entity.attrs)) {
    if (options.attrs && !options.attrs.has(iri)) continue
    if (options.omit?.has(iri)) continue
    const rendered = instances.map((instance) => renderInstance(instance, terms, options))
    out[terms.compact(iri)] = options.format === 'keyValues' || rendered.length === 1 ? rendered[0] : rendered
  }
  if (options.sysAttrs) {
    out.createdAt = entity.createdAt
    out.modifiedAt = entity.modifiedAt
  }
  return out
}
