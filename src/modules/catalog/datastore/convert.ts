import type { ColumnType } from '../schemas.ts'
import { copyEscape } from './copy-text.ts'
import { toEwkt } from './geometry.ts'

/**
 * One value in COPY's text format, or undefined when it does not convert to the type. Values are
 * trimmed except text; empty values are null (handled by the caller).
 */
export type Converter = (value: string) => string | undefined

export interface ConvertOptions {
  /** "3,14" is a number too: only when commas do not separate the values (`;`, tab or `|` files). */
  decimalComma: boolean
}

const INTEGER = /^[+-]?\d{1,19}$/
const MAX_BIGINT = 9_223_372_036_854_775_807n
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/
const COMMA_NUMBER = /^[+-]?\d+,\d+$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_FIRST_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/
const ISO_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i
const DAY_FIRST_TIMESTAMP =
  /^(\d{1,2})[./](\d{1,2})[./](\d{4})[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/

const TRUE = new Set(['true', 't', 'yes', 'y', 'da', '1', 'adevarat', 'adevărat'])
const FALSE = new Set(['false', 'f', 'no', 'n', 'nu', '0', 'fals'])

/** "007" keeps its zeros as text: codes (postal, SIRUTA, phone) are not quantities. */
export const leadingZero = (value: string) => /^[+-]?0\d/.test(value)

export function toInteger(value: string): string | undefined {
  const text = value.trim()
  if (!INTEGER.test(text)) return undefined
  if (text.length >= 19 && BigInt(text) > MAX_BIGINT) return undefined
  if (text.length >= 19 && BigInt(text) < -MAX_BIGINT - 1n) return undefined
  return text
}

export function numberConverter(options: ConvertOptions): Converter {
  return (value) => {
    let text = value.trim()
    if (options.decimalComma && COMMA_NUMBER.test(text)) text = text.replace(',', '.')
    else if (!NUMBER.test(text)) return undefined
    if (text.length > 15 && !Number.isFinite(Number(text))) return undefined
    return text
  }
}

export function toBoolean(value: string): string | undefined {
  if (value === 'true') return 't'
  if (value === 'false') return 'f'
  const text = value.trim().toLowerCase()
  if (TRUE.has(text)) return 't'
  if (FALSE.has(text)) return 'f'
  return undefined
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function isDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)
}

/** Digits at `at` as a number, or -1: reading ISO dates without a regular expression's allocations. */
function digits(text: string, at: number, count: number): number {
  let value = 0
  for (let index = at; index < at + count; index++) {
    const code = text.charCodeAt(index) - 48
    if (code < 0 || code > 9) return -1
    value = value * 10 + code
  }
  return value
}

/** yyyy-mm-dd at the start of `text`, checked as a calendar day. */
function isoDayAtStart(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false
  return isDay(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2))
}

const pad = (n: string) => n.padStart(2, '0')

export function toDate(value: string): string | undefined {
  const text = value.trim()
  if (text.length === 10 && isoDayAtStart(text)) return text
  if (ISO_DATE.test(text)) return undefined
  const match = DAY_FIRST_DATE.exec(text)
  if (match && isDay(+match[3]!, +match[2]!, +match[1]!))
    return `${match[3]}-${pad(match[2]!)}-${pad(match[1]!)}`
  return undefined
}

function isTime(hour: string, minute: string, second: string | undefined): boolean {
  return +hour <= 23 && +minute <= 59 && (second === undefined || +second <= 59)
}

/** Timestamps without an offset are the city's local time (the load sets the session's zone). */
export function toTimestamp(value: string): string | undefined {
  const text = value.trim()
  if (isoDayAtStart(text) && ISO_TIMESTAMP.test(text)) {
    const second = text.charCodeAt(16) === 58 ? digits(text, 17, 2) : 0
    return digits(text, 11, 2) <= 23 && digits(text, 14, 2) <= 59 && second <= 59 ? text : undefined
  }
  if (ISO_TIMESTAMP.test(text)) return undefined
  const match = DAY_FIRST_TIMESTAMP.exec(text)
  if (match) {
    const [, day, month, year, hour, minute, second, fraction] = match
    if (!isDay(+year!, +month!, +day!) || !isTime(hour!, minute!, second)) return undefined
    return `${year}-${pad(month!)}-${pad(day!)} ${pad(hour!)}:${minute}:${second ?? '00'}${fraction ?? ''}`
  }
  return toDate(text)
}

export function toText(value: string): string | undefined {
  return value.includes('\0') ? undefined : copyEscape(value)
}

export function converterFor(type: ColumnType, options: ConvertOptions): Converter {
  switch (type) {
    case 'integer':
      return toInteger
    case 'number':
      return numberConverter(options)
    case 'boolean':
      return toBoolean
    case 'date':
      return toDate
    case 'timestamp':
      return toTimestamp
    case 'geometry':
      return (value) => {
        const ewkt = toEwkt(value)
        return ewkt === undefined ? undefined : copyEscape(ewkt)
      }
    case 'text':
      return toText
  }
}

/** Why a value was refused, for the publisher. */
export function conversionReason(type: ColumnType, options: ConvertOptions): string {
  switch (type) {
    case 'integer':
      return 'is not a whole number'
    case 'number':
      return options.decimalComma ? 'is not a number (e.g. 3.14 or 3,14)' : 'is not a number (e.g. 3.14)'
    case 'boolean':
      return 'is not true/false, da/nu, yes/no or 1/0'
    case 'date':
      return 'is not a date (yyyy-mm-dd or dd.mm.yyyy)'
    case 'timestamp':
      return 'is not a date and time (yyyy-mm-dd hh:mm[:ss][+zone] or dd.mm.yyyy hh:mm)'
    case 'geometry':
      return 'is not a geometry (WKT in WGS 84 or a GeoJSON geometry)'
    case 'text':
      return 'contains a NUL character'
  }
}
