import { type RawBuilder, sql } from 'kysely'
import { checkName } from '../entity-input.ts'
import { badRequest } from '../errors.ts'

/** NGSI-LD 4.17 entity type selection: `A,B` or `A|B` any of, `A;B` all of, with parentheses. */
export type TypeExpression = { kind: 'type'; name: string } | { kind: 'any' | 'all'; of: TypeExpression[] }

const MAX_LENGTH = 2048

export function parseTypeExpression(text: string): TypeExpression {
  if (text.length === 0 || text.length > MAX_LENGTH)
    throw badRequest('"type" must name one or more entity types, e.g. type=AirQualityObserved.')
  let position = 0
  const peek = () => text[position]
  const fail = (expected: string): never => {
    throw badRequest(
      `"type" is not a valid type expression at character ${position + 1}: expected ${expected}.`,
    )
  }
  const parseAny = (depth: number): TypeExpression => {
    const items = [parseAll(depth)]
    while (peek() === ',' || peek() === '|') {
      position++
      items.push(parseAll(depth))
    }
    return items.length === 1 ? (items[0] as TypeExpression) : { kind: 'any', of: items }
  }
  const parseAll = (depth: number): TypeExpression => {
    const items = [parseTerm(depth)]
    while (peek() === ';') {
      position++
      items.push(parseTerm(depth))
    }
    return items.length === 1 ? (items[0] as TypeExpression) : { kind: 'all', of: items }
  }
  const parseTerm = (depth: number): TypeExpression => {
    if (depth > 16) fail('less nesting')
    if (peek() === '(') {
      position++
      const inner = parseAny(depth + 1)
      if (peek() !== ')') fail('")"')
      position++
      return inner
    }
    const start = position
    while (position < text.length && !',|;()'.includes(text[position] as string)) position++
    const name = text.slice(start, position).trim()
    if (!name) fail('a type name')
    checkName(name, 'Type')
    return { kind: 'type', name }
  }
  const expression = parseAny(0)
  if (position !== text.length) fail('"," "|" ";" or the end')
  return expression
}

export function typeExpressionToSql(
  expression: TypeExpression,
  expand: (name: string) => string,
): RawBuilder<boolean> {
  switch (expression.kind) {
    case 'type':
      return sql<boolean>`types @> ARRAY[${expand(expression.name)}]::text[]`
    case 'any':
      if (expression.of.every((item) => item.kind === 'type'))
        return sql<boolean>`types && ${expression.of.map((item) => expand((item as { name: string }).name))}::text[]`
      return sql<boolean>`(${sql.join(
        expression.of.map((item) => typeExpressionToSql(item, expand)),
        sql` OR `,
      )})`
    case 'all':
      return sql<boolean>`(${sql.join(
        expression.of.map((item) => typeExpressionToSql(item, expand)),
        sql` AND `,
      )})`
  }
}

export function typeExpressionMatches(
  expression: TypeExpression,
  types: readonly string[],
  expand: (name: string) => string,
): boolean {
  switch (expression.kind) {
    case 'type':
      return types.includes(expand(expression.name))
    case 'any':
      return expression.of.some((item) => typeExpressionMatches(item, types, expand))
    case 'all':
      return expression.of.every((item) => typeExpressionMatches(item, types, expand))
  }
}
