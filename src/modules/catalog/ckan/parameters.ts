import { validationError } from './ckan-error.ts'

/**
 * An action's parameters, from the query string (GET, every value text) or the JSON body (POST,
 * values typed). CKAN accepts both for every read action, so each reader takes either form.
 */
export class Parameters {
  readonly #values: Record<string, unknown>

  constructor(values: Record<string, unknown>) {
    this.#values = values
  }

  has(name: string): boolean {
    return this.#values[name] !== undefined && this.#values[name] !== ''
  }

  raw(name: string): unknown {
    const value = this.#values[name]
    return Array.isArray(value) && value.length === 1 ? value[0] : value
  }

  string(name: string): string | undefined {
    const value = this.raw(name)
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    throw validationError(name, `${name} must be text.`)
  }

  required(name: string): string {
    const value = this.string(name)
    if (value === undefined) throw validationError(name, 'Missing value')
    return value
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.raw(name)
    if (value === undefined || value === null || value === '') return fallback
    const number =
      typeof value === 'number' ? value : /^-?\d+$/.test(String(value).trim()) ? Number(value) : Number.NaN
    if (!Number.isSafeInteger(number)) throw validationError(name, 'Invalid integer')
    if (number < range.min || number > range.max)
      throw validationError(name, `Must be between ${range.min} and ${range.max}`)
    return number
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)
    if (value === undefined || value === null || value === '') return fallback
    if (typeof value === 'boolean') return value
    const text = String(value).trim().toLowerCase()
    if (['true', '1', 'yes', 'on'].includes(text)) return true
    if (['false', '0', 'no', 'off'].includes(text)) return false
    throw validationError(name, 'Value must be one of: true, false')
  }

  /** A value that may come as JSON text (GET) or as JSON already (POST). */
  json(name: string): unknown {
    const value = this.raw(name)
    if (typeof value !== 'string') return value
    const text = value.trim()
    if (!/^[[{"]/.test(text)) return value
    try {
      return JSON.parse(text)
    } catch {
      throw validationError(name, `${name} is not valid JSON.`)
    }
  }

  /** A list: a JSON list, a comma-separated text, or repeated parameters. */
  list(name: string): string[] | undefined {
    const raw = this.#values[name]
    if (Array.isArray(raw) && raw.length > 1) return raw.map(String)
    const value = this.json(name)
    if (value === undefined || value === null || value === '') return undefined
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[]
    if (typeof value === 'string')
      return value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    throw validationError(name, `${name} must be a list of names.`)
  }
}
