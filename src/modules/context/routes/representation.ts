import { type EntityFormat, type RenderOptions, renderEntity } from '../entity-output.ts'
import { badRequest } from '../errors.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import type { StoredEntity } from '../model.ts'
import { readNames, readOptions } from '../ngsi-request.ts'

export interface RepresentationParams {
  attrs?: string | undefined
  pick?: string | undefined
  omit?: string | undefined
  options?: string | undefined
  lang?: string | undefined
  geometryProperty?: string | undefined
}

export interface Representation extends RenderOptions {
  geometryProperty: string
}

const FORMAT_OPTIONS = ['keyValues', 'concise', 'normalized', 'sysAttrs', 'simplified']

/** NGSI-LD 4.5: how the caller wants entities shown (format, projection, language). */
export function readRepresentation(
  params: RepresentationParams,
  terms: TermMap,
  extra: readonly string[] = [],
): Representation {
  const options = readOptions(params.options, [...FORMAT_OPTIONS, ...extra])
  const formats = ['keyValues', 'simplified', 'concise', 'normalized'].filter((format) => options.has(format))
  if (
    formats.length > 1 &&
    !(formats.length === 2 && formats.includes('keyValues') && formats.includes('simplified'))
  )
    throw badRequest(`"options" asks for more than one format: ${formats.join(', ')}.`)
  const format: EntityFormat =
    options.has('keyValues') || options.has('simplified')
      ? 'keyValues'
      : options.has('concise')
        ? 'concise'
        : 'normalized'
  const pick = readNames(params.pick)
  const attrs = readNames(params.attrs)
  const omit = readNames(params.omit)
  if (pick && attrs) throw badRequest('Use either "pick" or "attrs", not both.')
  const shown = pick ?? attrs
  const members = new Set(['id', 'type'])
  return {
    format,
    sysAttrs: options.has('sysAttrs'),
    attrs: shown
      ? new Set(shown.filter((name) => !members.has(name)).map((name) => terms.expand(name)))
      : undefined,
    omit: omit
      ? new Set(omit.filter((name) => !members.has(name)).map((name) => terms.expand(name)))
      : undefined,
    lang: params.lang,
    hideId: (pick !== undefined && !pick.includes('id')) || (omit?.includes('id') ?? false),
    hideType: (pick !== undefined && !pick.includes('type')) || (omit?.includes('type') ?? false),
    geometryProperty: params.geometryProperty ?? 'location',
  }
}

/** NGSI-LD 4.5.16: an entity as a GeoJSON Feature, its geometry from the chosen GeoProperty. */
export function toFeature(
  entity: StoredEntity,
  terms: TermMap,
  representation: Representation,
): Record<string, unknown> {
  const geometryIri = terms.expand(representation.geometryProperty)
  const instances = entity.attrs[geometryIri]
  const geometry = instances?.find((instance) => instance.type === 'GeoProperty')?.value ?? null
  const { id, ...properties } = renderEntity(entity, terms, representation)
  return { id: id ?? entity.id, type: 'Feature', geometry, properties }
}

export function renderAll(
  entities: readonly StoredEntity[],
  terms: TermMap,
  representation: Representation,
  geo: boolean,
): unknown {
  if (geo)
    return {
      type: 'FeatureCollection',
      features: entities.map((entity) => toFeature(entity, terms, representation)),
    }
  return entities.map((entity) => renderEntity(entity, terms, representation))
}
