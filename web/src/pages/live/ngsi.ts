import { getJson } from '../../api.ts'

/** The NGSI-LD API of the platform (ETSI GS CIM 009), on the same origin as the web app. */
export const NGSI_BASE = '/ngsi-ld/v1'

/** One instance of an attribute in the normalized representation. */
export type NgsiAttribute = {
  type: string
  value?: unknown
  object?: string | string[]
  languageMap?: Record<string, string | string[]>
  valueList?: unknown[]
  objectList?: string[]
  json?: unknown
  vocab?: string | string[]
  unitCode?: string
  observedAt?: string
  datasetId?: string
  [subAttribute: string]: unknown
}

/** An entity in the normalized representation: members other than these are attributes. */
export type NgsiEntity = {
  id: string
  type: string | string[]
  [member: string]: unknown
}

const NOT_ATTRIBUTES = new Set(['id', 'type', '@context', 'scope', 'createdAt', 'modifiedAt', 'deletedAt'])

const isAttribute = (value: unknown): value is NgsiAttribute =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'

/** The default instance of an attribute (the one without a datasetId, else the first). */
function defaultInstance(member: unknown): NgsiAttribute | undefined {
  if (Array.isArray(member)) {
    const instances = member.filter(isAttribute)
    return instances.find((instance) => instance.datasetId === undefined) ?? instances[0]
  }
  return isAttribute(member) ? member : undefined
}

/** The entity's attributes by name, one (default) instance each, in the order the server gave them. */
export function attributesOf(entity: NgsiEntity): [string, NgsiAttribute][] {
  const attributes: [string, NgsiAttribute][] = []
  for (const [name, member] of Object.entries(entity)) {
    if (NOT_ATTRIBUTES.has(name)) continue
    const instance = defaultInstance(member)
    if (instance) attributes.push([name, instance])
  }
  return attributes
}

export function attributeOf(entity: NgsiEntity, name: string): NgsiAttribute | undefined {
  return defaultInstance(entity[name])
}

export const typeOf = (entity: NgsiEntity): string =>
  (Array.isArray(entity.type) ? entity.type[0] : entity.type) ?? ''

/** A LanguageProperty's text in the reader's language, else Romanian, else any. */
export function languageText(map: Record<string, string | string[]>, language: string): string | undefined {
  const pick = map[language] ?? map.ro ?? map['@none'] ?? Object.values(map)[0]
  return Array.isArray(pick) ? pick.join(', ') : pick
}

/** The entity's `name` in the reader's language when it has one. */
export function nameOf(entity: NgsiEntity, language: string): string | undefined {
  const name = attributeOf(entity, 'name')
  if (!name) return undefined
  if (typeof name.value === 'string') return name.value
  if (name.languageMap) return languageText(name.languageMap, language)
  return undefined
}

/** A Point's [lon, lat] from the `location` GeoProperty; other geometries give their first position. */
export function positionOf(entity: NgsiEntity): [number, number] | undefined {
  const location = attributeOf(entity, 'location')?.value as
    | { type?: string; coordinates?: unknown }
    | undefined
  let coordinates = location?.coordinates
  while (Array.isArray(coordinates) && Array.isArray(coordinates[0])) coordinates = coordinates[0]
  if (!Array.isArray(coordinates)) return undefined
  const [lon, lat] = coordinates as unknown[]
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined
}

/** The most recent observedAt of any attribute, else the SDM `dateObserved`, else the last change. */
export function observedAtOf(entity: NgsiEntity): string | undefined {
  let latest: string | undefined
  for (const [, attribute] of attributesOf(entity)) {
    if (attribute.observedAt && (!latest || Date.parse(attribute.observedAt) > Date.parse(latest)))
      latest = attribute.observedAt
  }
  if (latest) return latest
  const dateObserved = attributeOf(entity, 'dateObserved')?.value
  if (typeof dateObserved === 'string' && !Number.isNaN(Date.parse(dateObserved))) return dateObserved
  if (typeof dateObserved === 'object' && dateObserved !== null) {
    const inner = (dateObserved as { '@value'?: unknown })['@value']
    if (typeof inner === 'string') return inner
  }
  return typeof entity.modifiedAt === 'string' ? entity.modifiedAt : undefined
}

export const entityPath = (id: string) => `/live/entity/${encodeURIComponent(id)}`

export const getTypes = (signal?: AbortSignal) =>
  getJson<{ typeList: string[] }>(`${NGSI_BASE}/types`, signal).then((answer) => answer.typeList ?? [])

export const getEntitiesOfType = (type: string, signal?: AbortSignal) =>
  getJson<NgsiEntity[]>(`${NGSI_BASE}/entities?type=${encodeURIComponent(type)}&limit=1000`, signal)

export const getEntity = (id: string, signal?: AbortSignal) =>
  getJson<NgsiEntity>(`${NGSI_BASE}/entities/${encodeURIComponent(id)}`, signal)

/** One aggregation period: [value, start, end]. */
export type Aggregate = [number | null, string, string]

export type History = {
  /** Per attribute: average, minimum and maximum per period, or raw values when not aggregated. */
  [attribute: string]: { avg: Aggregate[]; min: Aggregate[]; max: Aggregate[] }
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null)

function readAggregates(rows: unknown): Aggregate[] {
  if (!Array.isArray(rows)) return []
  return rows
    .filter((row): row is unknown[] => Array.isArray(row) && row.length >= 2)
    .map((row) => {
      const start = String(row[1])
      return [numberOrNull(row[0]), start, String(row[2] ?? start)] as Aggregate
    })
    .sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]))
}

/**
 * The history of numeric attributes since `since`: per period the average, minimum and maximum
 * (temporal API, aggregatedValues). Should the server not aggregate, its raw values stand in for all three.
 */
export async function getHistory(
  id: string,
  attributes: string[],
  since: Date,
  period: string,
  signal?: AbortSignal,
): Promise<History> {
  const base = `${NGSI_BASE}/temporal/entities/${encodeURIComponent(id)}?timerel=after&timeAt=${encodeURIComponent(
    since.toISOString(),
  )}&attrs=${attributes.map(encodeURIComponent).join(',')}`
  const history: History = {}
  const aggregated = await getJson<NgsiEntity>(
    `${base}&aggrMethods=avg,min,max&aggrPeriodDuration=${period}&options=aggregatedValues`,
    signal,
  )
  let missing = false
  for (const name of attributes) {
    const member = defaultInstance(aggregated[name])
    if (!member || !Array.isArray(member.avg)) {
      missing = true
      continue
    }
    history[name] = {
      avg: readAggregates(member.avg),
      min: readAggregates(member.min),
      max: readAggregates(member.max),
    }
  }
  if (!missing) return history

  const raw = await getJson<NgsiEntity>(`${base}&options=temporalValues&lastN=1000`, signal)
  for (const name of attributes) {
    if (history[name]) continue
    const member = defaultInstance(raw[name])
    if (!member || !Array.isArray(member.values)) continue
    const rows = readAggregates(member.values)
    history[name] = { avg: rows, min: rows, max: rows }
  }
  return history
}

export type Subscription = {
  id: string
  type: 'Subscription'
  subscriptionName?: string
  description?: string
  entities?: { type: string; id?: string; idPattern?: string }[]
  watchedAttributes?: string[]
  q?: string
  notification: {
    endpoint: { uri: string; accept?: string }
    attributes?: string[]
    format?: string
    status?: 'ok' | 'failed'
    timesSent?: number
    timesFailed?: number
    lastNotification?: string
    lastSuccess?: string
    lastFailure?: string
  }
  isActive?: boolean
  status?: 'active' | 'paused' | 'expired'
  expiresAt?: string
  throttling?: number
}

export const SUBSCRIPTIONS = `${NGSI_BASE}/subscriptions`

export const getSubscriptions = (signal?: AbortSignal) => getJson<Subscription[]>(SUBSCRIPTIONS, signal)

export const subscriptionPath = (id: string) => `${SUBSCRIPTIONS}/${encodeURIComponent(id)}`
