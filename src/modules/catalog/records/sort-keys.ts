import type { Column } from '../schemas.ts'
import { invalidQuery } from './invalid-query.ts'

export interface SortKey {
  column: Column
  direction: 'asc' | 'desc'
}

/**
 * Parses CKAN's sort syntax, `name asc, "a column" desc`, against the table's columns. A name may be
 * double-quoted when it holds spaces or commas; a doubled quote inside stands for one.
 */
export function parseSort(text: string, columns: readonly Column[]): SortKey[] {
  const keys: SortKey[] = []
  let rest = text.trim()
  while (rest.length > 0) {
    let name: string
    if (rest.startsWith('"')) {
      const match = /^"((?:[^"]|"")*)"/.exec(rest)
      if (!match) throw invalidQuery('sort', `A quoted column name in "${text}" is not closed.`)
      name = match[1]!.replaceAll('""', '"')
      rest = rest.slice(match[0].length)
    } else {
      const match = /^[^\s,]+/.exec(rest)
      name = match![0]
      rest = rest.slice(name.length)
    }
    const directionMatch = /^\s*(asc|desc)?\s*(,|$)/i.exec(rest)
    if (!directionMatch)
      throw invalidQuery(
        'sort',
        `Write the sort as "column asc" or "column desc", separated by commas: "${text}".`,
      )
    rest = rest.slice(directionMatch[0].length).trim()
    const column = columns.find((candidate) => candidate.name === name)
    if (!column) throw invalidQuery('sort', `There is no column "${name}" to sort by.`)
    if (column.type === 'geometry')
      throw invalidQuery('sort', `A geometry column ("${name}") cannot be sorted.`)
    const direction = (directionMatch[1]?.toLowerCase() ?? 'asc') as 'asc' | 'desc'
    if (!keys.some((key) => key.column.name === name)) keys.push({ column, direction })
  }
  return keys
}

/** The sort written back in CKAN's syntax, for links and cursors. */
export const formatSort = (keys: readonly SortKey[]): string =>
  keys.map((key) => `"${key.column.name.replaceAll('"', '""')}" ${key.direction}`).join(', ')
