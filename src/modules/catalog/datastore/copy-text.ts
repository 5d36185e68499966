/** The null marker of COPY's text format. */
export const COPY_NULL = '\\N'

const NEEDS_ESCAPE = /[\\\t\n\r]/

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyEscape(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value
  return value.replace(/[\\\t\n\r]/g, (character) => ESCAPES[character]!)
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
