import type { Static, TSchema } from 'typebox'
import { Value } from 'typebox/value'

/** Checks data that does not come through HTTP (files, packs, CLI input) and names every mistake. */
export function parseWith<Schema extends TSchema>(
  schema: Schema,
  value: unknown,
  what: string,
): Static<Schema> {
  if (Value.Check(schema, value)) return value as Static<Schema>
  const mistakes = [...Value.Errors(schema, value)]
    .filter((error) => error.keyword !== 'boolean')
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message}`)
  throw new Error(`${what} is not valid: ${mistakes.join('; ')}`)
}
