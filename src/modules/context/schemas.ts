import { Type } from 'typebox'

const text = (description: string) => Type.Optional(Type.String({ description }))

const PAGING = {
  limit: text('Page size, at most 1000 (default 20)'),
  offset: text('Items to skip'),
  count: text('true: total in the NGSILD-Results-Count header'),
}

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
  ...PAGING,
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

export const InstanceParams = Type.Object({
  entityId: Type.String({ description: 'Entity id, a URI' }),
  attrId: Type.String({ description: 'Attribute name (short name or IRI)' }),
  instanceId: Type.String({ description: 'urn:ngsi-ld:AttributeInstance:<n>, as shown in temporal output' }),
})

const TEMPORAL_PARAMS = {
  timerel: text('before, after or between'),
  timeAt: text('Date-time timerel compares with'),
  endTimeAt: text('End of the range for timerel=between (exclusive)'),
  timeproperty: text('observedAt (default), modifiedAt or createdAt'),
  lastN: text('Only the N latest instances of each attribute'),
  aggrMethods: text('totalCount, distinctCount, sum, avg, min, max, stddev, sumsq'),
  aggrPeriodDuration: text(
    'ISO 8601 duration of each aggregation period, e.g. PT1H; whole range when absent',
  ),
  options: text('temporalValues, aggregatedValues, sysAttrs'),
}

/** NGSI-LD 6.18.3.2 (query temporal evolution of entities). */
export const TemporalQueryString = Type.Object({
  id: text('Entity ids, comma separated'),
  idPattern: text('Regular expression on entity ids'),
  type: text('Entity type expression'),
  attrs: text('Attributes to return (and entities having history of at least one)'),
  q: text('NGSI-LD query language, applied to the instances in the time range'),
  georel: text('Geo-relationship, applied to the GeoProperty instances in the time range'),
  geometry: text('Reference geometry type'),
  coordinates: text('Reference geometry coordinates as JSON'),
  geoproperty: text('GeoProperty the geo-query applies to (default location)'),
  ...TEMPORAL_PARAMS,
  ...PAGING,
})

export const TemporalRetrieveQueryString = Type.Object({
  type: text('Only if the entity has this type'),
  attrs: text('Attributes to return'),
  ...TEMPORAL_PARAMS,
})

export const TemporalQueryBodyQueryString = Type.Object({
  options: TEMPORAL_PARAMS.options,
  aggrMethods: TEMPORAL_PARAMS.aggrMethods,
  aggrPeriodDuration: TEMPORAL_PARAMS.aggrPeriodDuration,
  lastN: TEMPORAL_PARAMS.lastN,
  ...PAGING,
})

export const SubscriptionParams = Type.Object({
  subscriptionId: Type.String({ description: 'Subscription id, a URI' }),
})
export const SubscriptionListQueryString = Type.Object({
  ...PAGING,
  options: text('sysAttrs: with createdAt and modifiedAt'),
})
export const SubscriptionQueryString = Type.Object({
  options: text('sysAttrs: with createdAt and modifiedAt'),
})
