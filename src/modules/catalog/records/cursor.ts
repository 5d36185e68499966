import { invalidQuery } from './invalid-query.ts'

/** Where a keyset page ends: the sort it belongs to and its last row's values of every sort key, _id last, as text. */
export interface Cursor {
  sort: string
  values: (string | null)[]
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.values])).toString('base64url')
}

/** A bare number is the last _id of an unsorted page; anything else must be a cursor this API gave out. */
export function decodeCursor(token: string): Cursor {
  if (/^\d{1,15}$/.test(token)) return { sort: '', values: [token] }
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      Array.isArray(decoded[1]) &&
      decoded[1].every((value) => value === null || typeof value === 'string')
    )
      return { sort: decoded[0], values: decoded[1] as (string | null)[] }
  } catch {
    // Not base64 JSON: answered below like any other bad cursor.
  }
  throw invalidQuery(
    'after',
    'The cursor is not one this API gave out; use the "next" link of the previous page.',
  )
}
