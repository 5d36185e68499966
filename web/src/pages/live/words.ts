import type { MultiPolygon, Polygon, Position } from 'geojson'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AreaCollection } from '../../api.ts'
import type liveRo from '../../i18n/live/ro.json'
import roTexts from '../../i18n/live/ro.json'
import { attributeOf, type NgsiAttribute, type NgsiEntity, positionOf, typeOf } from './ngsi.ts'

type TypeKey = keyof typeof liveRo.types
type AttributeKey = keyof typeof liveRo.attributes
type ValueKey = keyof typeof liveRo.values
export type LevelKey = keyof typeof liveRo.levels

const has = <T extends object>(object: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(object, key)

/** An attribute name as a key of the translations: `NO2`, `no2` and `pm2.5` find `no2` and `pm25`. */
const attributeKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * UN/CEFACT Common Codes (the NGSI-LD `unitCode`) as the symbols people read; the symbols are the
 * same in every language. Codes not listed here are shown as they are.
 */
const UNITS: Record<string, string> = {
  GQ: 'µg/m³',
  GP: 'mg/m³',
  CEL: '°C',
  FAH: '°F',
  KEL: 'K',
  P1: '%',
  A97: 'hPa',
  PAL: 'Pa',
  BAR: 'bar',
  MTS: 'm/s',
  KMH: 'km/h',
  DD: '°',
  MMT: 'mm',
  CMT: 'cm',
  MTR: 'm',
  KTM: 'km',
  SEC: 's',
  MIN: 'min',
  HUR: 'h',
  '59': 'ppm',
  '61': 'ppb',
  WTT: 'W',
  KWT: 'kW',
  KWH: 'kWh',
  LUX: 'lx',
  '2N': 'dB',
  MQH: 'm³/h',
  MTQ: 'm³',
  LTR: 'l',
  KGM: 'kg',
  D52: 'W/m²',
  'H/M': 'mm/h',
}

export const unitSymbol = (code: string | undefined): string | undefined =>
  code === undefined || code === 'C62' ? undefined : (UNITS[code] ?? code)

/** Attributes that describe an entity rather than measure something: not listed among its readings. */
const DESCRIPTIVE = new Set([
  'name',
  'alternatename',
  'description',
  'location',
  'address',
  'dateobserved',
  'datecreated',
  'datemodified',
  'source',
  'dataprovider',
  'areaserved',
  'seealso',
  'owner',
  'category',
  'typeoflocation',
  'laneid',
  'reversedlane',
  'lanedirection',
  'image',
  'allowedvehicletype',
  'requiredpermit',
  'occupancydetectiontype',
  'chargetype',
  'refdevice',
  'refpointofinterest',
  'refparkingsite',
  'refroadsegment',
  'municipalityinfo',
  // Said in the level column, in words and colour.
  'airqualitylevel',
])

/** Readings to list first, per type, in this order; other numeric attributes follow. */
const PREFERRED: Partial<Record<string, string[]>> = {
  AirQualityObserved: ['no2', 'pm10', 'pm25', 'o3', 'so2', 'co'],
  WeatherObserved: ['temperature', 'relativehumidity', 'atmosphericpressure', 'windspeed', 'precipitation'],
  TrafficFlowObserved: ['intensity', 'averagevehiclespeed', 'occupancy', 'congested'],
  OffStreetParking: ['availablespotnumber', 'totalspotnumber', 'status'],
  ParkingSpot: ['status'],
}

const isKnownWord = (value: unknown) => typeof value === 'string' && has(roTexts.values, value)

const isReading = (attribute: NgsiAttribute) =>
  attribute.type === 'Property' &&
  (typeof attribute.value === 'number' ||
    typeof attribute.value === 'boolean' ||
    isKnownWord(attribute.value) ||
    (Array.isArray(attribute.value) && attribute.value.length > 0 && attribute.value.every(isKnownWord)))

/** Shares the Smart Data Models give as fractions (0 to 1) without a unit, shown as percentages. */
const FRACTIONS = new Set(['relativehumidity', 'occupancy'])

/** The entity's readings to show in a list: numbers, yes/no and known states, preferred ones first. */
export function readingsOf(
  entity: NgsiEntity,
  attributes: [string, NgsiAttribute][],
): [string, NgsiAttribute][] {
  const preferred = PREFERRED[typeOf(entity)] ?? []
  const rank = (name: string) => {
    const index = preferred.indexOf(attributeKey(name))
    return index === -1 ? preferred.length : index
  }
  return attributes
    .filter(([name, attribute]) => !DESCRIPTIVE.has(attributeKey(name)) && isReading(attribute))
    .sort(([a], [b]) => rank(a) - rank(b))
}

/** Attributes worth a history chart: numeric Properties that are not descriptive. */
export const chartable = (attributes: [string, NgsiAttribute][]) =>
  attributes.filter(
    ([name, attribute]) =>
      attribute.type === 'Property' &&
      typeof attribute.value === 'number' &&
      !DESCRIPTIVE.has(attributeKey(name)),
  )

/** How a numeric attribute is charted: fractions without a unit as percentages. */
export function chartScale(
  name: string,
  attribute: NgsiAttribute,
): { unit: string | undefined; factor: number } {
  if (!attribute.unitCode && FRACTIONS.has(attributeKey(name))) return { unit: '%', factor: 100 }
  return { unit: unitSymbol(attribute.unitCode), factor: 1 }
}

/* Levels: what a marker's colour says, always said in words too. */

export type Level = { key: LevelKey; colour: string }

export const LEVEL_COLOURS: Record<LevelKey, string> = {
  good: '#50f0e6',
  fair: '#50ccaa',
  moderate: '#f0e641',
  poor: '#ff5050',
  veryPoor: '#960032',
  extremelyPoor: '#7d2181',
  available: '#2e9d4d',
  few: '#f0b429',
  full: '#d12c2c',
  closed: '#6b7480',
  flowing: '#2e9d4d',
  heavy: '#f0b429',
  congested: '#d12c2c',
}

/** The levels of each kind of reading, from best to worst, for the map's legend. */
export const LEVEL_SCALES: Record<'air' | 'parking' | 'traffic', LevelKey[]> = {
  air: ['good', 'fair', 'moderate', 'poor', 'veryPoor', 'extremelyPoor'],
  parking: ['available', 'few', 'full', 'closed'],
  traffic: ['flowing', 'heavy', 'congested'],
}

/**
 * Upper bounds (µg/m³, hourly) of the bands of the European Environment Agency's air quality index,
 * good to very poor; above the last is extremely poor.
 */
const AIR_BANDS: Record<string, number[]> = {
  no2: [40, 90, 120, 230, 340],
  pm10: [20, 40, 50, 100, 150],
  pm25: [10, 20, 25, 50, 75],
  o3: [50, 100, 130, 240, 380],
  so2: [100, 200, 350, 500, 750],
}

const numberAttribute = (entity: NgsiEntity, ...names: string[]): number | undefined => {
  for (const name of Object.keys(entity)) {
    if (!names.includes(attributeKey(name))) continue
    const attribute = attributeOf(entity, name)
    if (typeof attribute?.value === 'number') return attribute.value
  }
  return undefined
}

const stringAttribute = (entity: NgsiEntity, key: string): string | undefined => {
  for (const name of Object.keys(entity)) {
    if (attributeKey(name) !== key) continue
    const value = attributeOf(entity, name)?.value
    if (typeof value === 'string') return value
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  }
  return undefined
}

/** The level the entity's latest readings show: air quality, free parking or traffic; none for others. */
export function levelOf(entity: NgsiEntity): Level | undefined {
  const type = typeOf(entity)
  const level = (key: LevelKey): Level => ({ key, colour: LEVEL_COLOURS[key] })
  if (type === 'AirQualityObserved') {
    // The station's own index when it gives one, else the worst pollutant's band.
    const given = stringAttribute(entity, 'airqualitylevel')
    if (given && (LEVEL_SCALES.air as string[]).includes(given)) return level(given as LevelKey)
    let worst = -1
    for (const [pollutant, bands] of Object.entries(AIR_BANDS)) {
      for (const name of Object.keys(entity)) {
        if (attributeKey(name) !== pollutant) continue
        const attribute = attributeOf(entity, name)
        if (typeof attribute?.value !== 'number') continue
        if (attribute.unitCode && attribute.unitCode !== 'GQ') continue
        const value = attribute.value
        const band = bands.findIndex((bound) => value <= bound)
        worst = Math.max(worst, band === -1 ? bands.length : band)
      }
    }
    return worst === -1 ? undefined : level(LEVEL_SCALES.air[worst]!)
  }
  if (type === 'OffStreetParking' || type === 'OnStreetParking') {
    if (stringAttribute(entity, 'status') === 'closed') return level('closed')
    const free = numberAttribute(entity, 'availablespotnumber')
    const total = numberAttribute(entity, 'totalspotnumber')
    if (free === undefined) return undefined
    if (free <= 0) return level('full')
    if (total && free / total < 0.2) return level('few')
    return level('available')
  }
  if (type === 'ParkingSpot') {
    const status = stringAttribute(entity, 'status')
    if (status === 'free') return level('available')
    if (status === 'occupied') return level('full')
    if (status === 'closed') return level('closed')
    return undefined
  }
  if (type === 'TrafficFlowObserved') {
    const congested = Object.keys(entity).find((name) => attributeKey(name) === 'congested')
    if (congested && attributeOf(entity, congested)?.value === true) return level('congested')
    const occupancy = numberAttribute(entity, 'occupancy')
    // SDM's occupancy is a fraction of the time the detector is covered; some sources give a percentage.
    const share = occupancy === undefined ? undefined : occupancy > 1 ? occupancy / 100 : occupancy
    if (share !== undefined && share >= 0.5) return level('heavy')
    if (congested || share !== undefined) return level('flowing')
    return undefined
  }
  return undefined
}

export const levelScaleOf = (type: string): LevelKey[] | undefined =>
  type === 'AirQualityObserved'
    ? LEVEL_SCALES.air
    : type === 'OffStreetParking' || type === 'OnStreetParking' || type === 'ParkingSpot'
      ? LEVEL_SCALES.parking
      : type === 'TrafficFlowObserved'
        ? LEVEL_SCALES.traffic
        : undefined

/* Neighbourhoods */

function inRing(point: Position, ring: Position[]): boolean {
  const [x, y] = point as [number, number]
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function inPolygon(point: Position, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(point, outer) && !holes.some((hole) => inRing(point, hole)),
  )
}

/** The neighbourhood the entity names (areaServed, address.district), else the one its location lies in. */
export function neighbourhoodOf(entity: NgsiEntity, areas: AreaCollection | undefined): string | undefined {
  const served = attributeOf(entity, 'areaServed')?.value
  if (typeof served === 'string' && served) return served
  const address = attributeOf(entity, 'address')?.value as Record<string, unknown> | undefined
  for (const key of ['district', 'neighbourhood', 'neighborhood']) {
    const value = address?.[key]
    if (typeof value === 'string' && value) return value
  }
  const position = positionOf(entity)
  if (!position || !areas) return undefined
  return areas.features.find((feature) => inPolygon(position, feature.geometry))?.properties.name
}

/* Words in the reader's language */

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

export function useLiveWords() {
  const { t, i18n } = useTranslation('live')
  const language = i18n.resolvedLanguage ?? 'ro'

  const formats = useMemo(
    () => ({
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
      relative: new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
      time: new Intl.DateTimeFormat(language, { timeStyle: 'medium' }),
      dateTime: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    }),
    [language],
  )

  const typeName = useCallback(
    (type: string) => (has(roTexts.types, type) ? t(`types.${type as TypeKey}`) : type),
    [t],
  )

  const attributeName = useCallback(
    (name: string) => {
      const key = attributeKey(name)
      return has(roTexts.attributes, key) ? t(`attributes.${key as AttributeKey}`) : name
    },
    [t],
  )

  const number = useCallback((value: number) => formats.number.format(value), [formats])

  /** A reading with its unit: "41,2 µg/m³", "da", "liber". */
  const word = useCallback(
    (value: string) => (has(roTexts.values, value) ? t(`values.${value as ValueKey}`) : value),
    [t],
  )

  /** A reading with its unit: "41,2 µg/m³", "65 %", "da", "liber"; `name` tells fractions from numbers. */
  const reading = useCallback(
    (attribute: NgsiAttribute, name = ''): string => {
      const { value, unitCode } = attribute
      if (typeof value === 'number') {
        if (!unitCode && FRACTIONS.has(attributeKey(name)) && value >= 0 && value <= 1)
          return formats.percent.format(value)
        const unit = unitSymbol(unitCode)
        if (!unit) return formats.number.format(value)
        return unit === '°' ? `${formats.number.format(value)}°` : `${formats.number.format(value)} ${unit}`
      }
      if (typeof value === 'boolean') return value ? t('values.yes') : t('values.no')
      if (typeof value === 'string') return word(value)
      if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
        return value.map(word).join(', ')
      const literal = (value as { '@value'?: unknown } | null | undefined)?.['@value']
      if (typeof literal === 'string') {
        // A typed literal, e.g. SDM's dateObserved: {"@type": "DateTime", "@value": "…"}.
        const time = Date.parse(literal)
        return Number.isNaN(time) ? literal : formats.dateTime.format(time)
      }
      if (attribute.languageMap) {
        const text = attribute.languageMap[language] ?? attribute.languageMap.ro
        if (text) return Array.isArray(text) ? text.join(', ') : text
      }
      if (value === undefined) return ''
      return JSON.stringify(value)
    },
    [formats, t, word, language],
  )

  /** "3 minutes ago", "acum 3 minute", "3 perccel ezelőtt". */
  const ago = useCallback(
    (iso: string, now: number) => {
      let amount = (Date.parse(iso) - now) / 1000
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) return formats.relative.format(Math.round(amount), unit)
        amount /= size
      }
      return formats.relative.format(Math.round(amount), 'year')
    },
    [formats],
  )

  const levelName = useCallback((key: LevelKey) => t(`levels.${key}`), [t])

  return { t, language, formats, typeName, attributeName, number, reading, ago, levelName }
}
