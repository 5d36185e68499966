import { type RawBuilder, sql } from 'kysely'
import { columnRef, typedValue } from './datastore-table.ts'
import type { SortKey } from './sort-keys.ts'

/**
 * Rows after the cursor in the order of `keys` (the last key is always _id, which is unique), as
 * PostgreSQL orders them by default: ascending with NULLs last, descending with NULLs first.
 */
export function afterCondition(
  keys: readonly SortKey[],
  values: readonly (string | null)[],
): RawBuilder<boolean> {
  const branches = keys.map((key, index) => {
    const equalBefore = keys.slice(0, index).map((earlier, at) => equal(earlier, values[at] ?? null))
    return sql<boolean>`(${sql.join([...equalBefore, beyond(key, values[index] ?? null)], sql` AND `)})`
  })
  return sql<boolean>`(${sql.join(branches, sql` OR `)})`
}

function equal(key: SortKey, value: string | null): RawBuilder<boolean> {
  const ref = columnRef(key.column.name)
  return value === null ? sql`${ref} IS NULL` : sql`${ref} = ${typedValue(value, key.column.type)}`
}

function beyond(key: SortKey, value: string | null): RawBuilder<boolean> {
  const ref = columnRef(key.column.name)
  if (key.direction === 'asc')
    return value === null
      ? sql`false`
      : sql`(${ref} > ${typedValue(value, key.column.type)} OR ${ref} IS NULL)`
  return value === null ? sql`${ref} IS NOT NULL` : sql`${ref} < ${typedValue(value, key.column.type)}`
}

export const orderBy = (keys: readonly SortKey[]): RawBuilder<unknown> =>
  sql.join(
    keys.map(
      (key) => sql`${columnRef(key.column.name)} ${sql.raw(key.direction === 'asc' ? 'ASC' : 'DESC')}`,
    ),
  )
