import { Type } from 'typebox'

const text = (description: string) => Type.Optional(Type.String({ description }))

export const EntityIdParams = Type.Object({ entityId: Type.String({ description: 'Entity id, a URI' }) })
export const AttributeParams = Type.Object({
  entityId: Type.String({ description: 'Entity id, a URI' }),
  attrId: Type.String({ description: 'Attribute name (short name or IRI)' }),
})

/** The query parameters of NGSI-LD 6.4.3.2 (query entities); checked by the service, documented here. */
export const EntityQueryString = Type.Object({
  id: text('Entity ids, comma separated'),
  idPattern: text('Regular expression on entity ids'),
  type: text('Entity type expression: A,B (any), A;B (all), parentheses'),
  attrs: text('Attributes to return (and entities having at least one of them)'),
  pick: text('Members to return (attributes, id, type)'),
  omit: text('Members to leave out'),
  q: text('NGSI-LD query language, e.g. NO2>40;PM10==10..50'),
  georel: text('near;maxDistance==2000, within, contains, intersects, equals, disjoint, overlaps'),
  geometry: text('Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon'),
  coordinates: text('GeoJSON coordinates as JSON'),
  geoproperty: text('GeoProperty the geo-query applies to (default location)'),
  geometryProperty: text('GeoProperty used as the geometry of GeoJSON output'),
  lang: text('Language for LanguageProperties'),
  limit: text('Page size, at most 1000 (default 20)'),
  offset: text('Entities to skip'),
  count: text('true: total in the NGSILD-Results-Count header'),
  options: text('keyValues, concise, normalized, sysAttrs'),
})

export const EntityRetrieveQueryString = Type.Object({
  type: text('Only if the entity has this type'),
  attrs: text('Attributes to return'),
  pick: text('Members to return'),
  omit: text('Members to leave out'),
  geometryProperty: text('GeoProperty used as the geometry of GeoJSON output'),
  lang: text('Language for LanguageProperties'),
  options: text('keyValues, concise, normalized, sysAttrs'),
})

export const AppendQueryString = Type.Object({ options: text('noOverwrite') })
export const DeleteAttributeQueryString = Type.Object({
  datasetId: text('The instance to delete'),
  deleteAll: text('true: every instance'),
})
export const BatchQueryString = Type.Object({ options: text('replace (default) or update; noOverwrite') })

export const TypeParams = Type.Object({ type: Type.String({ description: 'Entity type name' }) })
export const AttributeNameParams = Type.Object({ attrId: Type.String({ description: 'Attribute name' }) })
export const DetailsQueryString = Type.Object({ details: text('true: full information for each') })
export const ContextParams = Type.Object({ contextId: Type.String({ description: 'Hosted context id' }) })
export const ContextListQueryString = Type.Object({
  details: text('true: full information for each'),
  kind: text('hosted or cached'),
})
