import { isDateTime } from '../entity-input.ts'
import { badRequest } from '../errors.ts'
import { readOptions } from '../ngsi-request.ts'

/**
 * The temporal part of a query (NGSI-LD 4.11, 5.2.21 TemporalQuery) and how its answer is shown
 * (4.5.7 normalized, 4.5.9 temporalValues, 4.5.19 aggregatedValues).
 */

export type TimeRelation = 'before' | 'after' | 'between'
export const TIME_PROPERTIES = ['observedAt', 'modifiedAt', 'createdAt'] as const
export type TimeProperty = (typeof TIME_PROPERTIES)[number]

export const AGGREGATION_METHODS = [
  'totalCount',
  'distinctCount',
  'sum',
  'avg',
  'min',
  'max',
  'stddev',
  'sumsq',
] as const
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number]

/** Instances per attribute (and datasetId) one answer holds at most; more asks for lastN or a narrower range. */
export const MAX_INSTANCES = 10_000

export interface TemporalQuery {
  timerel?: TimeRelation
  /** ISO 8601, as given (PostgreSQL reads it). */
  timeAt?: string
  endTimeAt?: string
  timeproperty: TimeProperty
  lastN?: number
}

/** An ISO 8601 duration split the way PostgreSQL intervals are: months, days and seconds. */
export interface Duration {
  months: number
  days: number
  seconds: number
}

export interface Aggregation {
  methods: AggregationMethod[]
  /** Absent (or a zero duration): one period spanning the whole time range. */
  period?: Duration
}

export type TemporalFormat = 'normalized' | 'temporalValues' | 'aggregatedValues'

export interface TemporalView {
  format: TemporalFormat
  sysAttrs: boolean
  aggregation?: Aggregation
}

export interface TemporalParams {
  timerel?: string | undefined
  timeAt?: string | undefined
  endTimeAt?: string | undefined
  timeproperty?: string | undefined
  lastN?: string | number | undefined
  /** Names before NGSI-LD 1.4, still sent by older clients. */
  time?: string | undefined
  endTime?: string | undefined
}

function readTime(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined
  if (!isDateTime(value)) throw badRequest(`"${name}" must be a date-time like "2026-01-31T10:00:00Z".`)
  return value
}

/** NGSI-LD 4.11: timerel with timeAt (and endTimeAt for between), the time property, lastN. */
export function readTemporalQuery(params: TemporalParams): TemporalQuery {
  const timeAt = readTime(params.timeAt ?? params.time, 'timeAt')
  const endTimeAt = readTime(params.endTimeAt ?? params.endTime, 'endTimeAt')
  const query: TemporalQuery = { timeproperty: readTimeProperty(params.timeproperty) }
  if (params.timerel !== undefined) {
    if (params.timerel !== 'before' && params.timerel !== 'after' && params.timerel !== 'between')
      throw badRequest(`"timerel" is "${params.timerel}"; it must be before, after or between.`)
    if (timeAt === undefined) throw badRequest(`"timerel=${params.timerel}" needs a "timeAt" date-time.`)
    query.timerel = params.timerel
    query.timeAt = timeAt
    if (params.timerel === 'between') {
      if (endTimeAt === undefined)
        throw badRequest('"timerel=between" needs an "endTimeAt" date-time after "timeAt".')
      if (Date.parse(endTimeAt) <= Date.parse(timeAt))
        throw badRequest('"endTimeAt" must come after "timeAt".')
      query.endTimeAt = endTimeAt
    } else if (endTimeAt !== undefined) {
      throw badRequest(`"endTimeAt" only goes with "timerel=between", not "${params.timerel}".`)
    }
  } else if (timeAt !== undefined || endTimeAt !== undefined) {
    throw badRequest('"timeAt" needs "timerel" (before, after or between) to say how it limits the history.')
  }
  if (params.lastN !== undefined) {
    const lastN = Number(params.lastN)
    if (!Number.isInteger(lastN) || lastN < 1) throw badRequest('"lastN" must be a whole number, 1 or more.')
    if (lastN > MAX_INSTANCES) throw badRequest(`"lastN" may be at most ${MAX_INSTANCES}.`)
    query.lastN = lastN
  }
  return query
}

function readTimeProperty(value: string | undefined): TimeProperty {
  if (value === undefined) return 'observedAt'
  if (!(TIME_PROPERTIES as readonly string[]).includes(value))
    throw badRequest(`"timeproperty" is "${value}"; it must be one of ${TIME_PROPERTIES.join(', ')}.`)
  return value as TimeProperty
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/** ISO 8601 durations (P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S), e.g. PT1H, P1D, P1M; PT0S is zero. */
export function readDuration(text: string): Duration {
  const match = DURATION.exec(text)
  if (!match || text === 'P' || text.endsWith('T'))
    throw badRequest(
      `"aggrPeriodDuration" is "${text}"; it must be an ISO 8601 duration such as PT1H, P1D or P1M.`,
    )
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0))
  return {
    months: (years ?? 0) * 12 + (months ?? 0),
    days: (weeks ?? 0) * 7 + (days ?? 0),
    seconds: (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0),
  }
}

export const isZero = (duration: Duration): boolean =>
  duration.months === 0 && duration.days === 0 && duration.seconds === 0

export function readAggregationMethods(value: string | undefined): AggregationMethod[] {
  const names = (value ?? '').split(',').map((name) => name.trim())
  if (value === undefined || names.some((name) => name.length === 0))
    throw badRequest(
      `"options=aggregatedValues" needs "aggrMethods", a comma list of ${AGGREGATION_METHODS.join(', ')}.`,
    )
  for (const name of names)
    if (!(AGGREGATION_METHODS as readonly string[]).includes(name))
      throw badRequest(`"aggrMethods" has "${name}"; allowed: ${AGGREGATION_METHODS.join(', ')}.`)
  return [...new Set(names)] as AggregationMethod[]
}

const TEMPORAL_OPTIONS = ['temporalValues', 'aggregatedValues', 'normalized', 'sysAttrs']

/** `options` of the temporal API, with aggrMethods/aggrPeriodDuration when aggregatedValues is asked for. */
export function readTemporalView(params: {
  options?: string | undefined
  aggrMethods?: string | undefined
  aggrPeriodDuration?: string | undefined
}): TemporalView {
  const options = readOptions(params.options, TEMPORAL_OPTIONS)
  const formats = ['temporalValues', 'aggregatedValues', 'normalized'].filter((format) => options.has(format))
  if (formats.length > 1) throw badRequest(`"options" asks for more than one format: ${formats.join(', ')}.`)
  const format = (formats[0] ?? 'normalized') as TemporalFormat
  const view: TemporalView = { format, sysAttrs: options.has('sysAttrs') }
  if (format === 'aggregatedValues') {
    const aggregation: Aggregation = { methods: readAggregationMethods(params.aggrMethods) }
    if (params.aggrPeriodDuration !== undefined) {
      const period = readDuration(params.aggrPeriodDuration)
      if (!isZero(period)) aggregation.period = period
    }
    view.aggregation = aggregation
  } else if (params.aggrPeriodDuration !== undefined) {
    readDuration(params.aggrPeriodDuration)
  }
  return view
}
