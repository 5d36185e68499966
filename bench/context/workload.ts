/** What the bench asks of the broker, the same in the bench process and in the server process. */

/** Entities a batch upsert request carries, and how many such requests are in flight at once. */
export const BATCH = 1000
export const BATCH_CONCURRENCY = 4
/** Concurrent connections of the request measures. */
export const CONNECTIONS = 20
/** At most this many seeded entities are written again raw for the batch ceiling. */
export const CEILING_ENTITIES = 20_000
/** Subscriptions of the notification measure, one per AirQualityObserved entity. */
export const SUBSCRIPTIONS = 100

/** The entity that carries a month of minute data for the temporal measure. */
export const TEMPORAL_ID = 'urn:ngsi-ld:AirQualityObserved:bench-history'
export const TEMPORAL_FROM = '2025-01-01T00:00:00Z'
export const TEMPORAL_TO = '2025-01-31T00:00:00Z'

/** The query measure: type + q + near, the first page. */
export const QUERY = {
  type: 'AirQualityObserved',
  q: 'NO2>40',
  georel: 'near;maxDistance==2000',
  geometry: 'Point',
  coordinates: '[23.59,46.77]',
  limit: '20',
}
