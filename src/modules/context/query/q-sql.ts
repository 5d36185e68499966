import type { QExpression, QLiteral, QPath, QTerm } from './q-language.ts'
import { qTerms } from './q-language.ts'

/**
 * `q` (4.9) compiled to a PostgreSQL SQL/JSON path predicate over the `attrs` column, used as
 * `attrs @@ $1::jsonpath`. Lax mode does the unwrapping: an instance array, a Property whose value is
 * an array (any element may match), a compound value holding arrays. Every term is an `exists(…)` or
 * its negation, so the result is never SQL/JSON's "unknown" and `!` means what it says.
 *
 * Semantics (q-match.ts evaluates the same in JavaScript; the differential test holds them together):
 * - a term's targets are, over every instance (every datasetId) of the attribute or sub-attribute, the
 *   value members: value, object, objectList, valueList, vocab, json and each languageMap entry, one
 *   array level unwrapped; `a.observedAt` (…) targets that member, `a[k]` the member k of value,
 *   languageMap or json;
 * - `==`, `>`, `>=`, `<`, `<=`, `~=` hold when some target compares true. Values of different types
 *   never compare true (a string is not > a number); strings, dates and times compare by code point;
 * - a list `==` holds when some target equals some list value; a range when some target lies in it;
 * - `!=` and `!~=` hold when the path exists and the positive form does not: no target equals (or lies
 *   in, or matches), so a value of another type, or a list without the value, is unequal (4.9);
 * - `a` holds when the path exists, `!a` when it does not.
 */
export function qToJsonPath(expression: QExpression, expand: (term: string) => string): string {
  switch (expression.kind) {
    case 'and':
      return expression.operands.map((operand) => `(${qToJsonPath(operand, expand)})`).join(' && ')
    case 'or':
      return expression.operands.map((operand) => `(${qToJsonPath(operand, expand)})`).join(' || ')
    default:
      return term(expression, expand)
  }
}

/** The expanded attribute IRIs the expression reads, each once: what a query must fetch. */
export function qExpandedAttributes(expression: QExpression, expand: (term: string) => string): string[] {
  return [...new Set(qTerms(expression).map((each) => expand(each.path.attribute)))]
}

/** The value members of an instance, as lax paths from `@`; languageMap contributes each language. */
const VALUE_MEMBERS = [
  '@.value',
  '@.object',
  '@.objectList',
  '@.valueList',
  '@.vocab',
  '@.json',
  '@.languageMap.*',
]
/** Members holding a compound value that `[key]` looks into. */
const COMPOUND_MEMBERS = ['@.value', '@.languageMap', '@.json']

function term(expression: QTerm, expand: (term: string) => string): string {
  const { path } = expression
  const instances = instancesPath(path, expand)
  const has = exists(path, instances)
  switch (expression.kind) {
    case 'exists':
      return expression.negated ? `!${has}` : has
    case 'pattern': {
      const flag = expression.ignoreCase ? ' flag "i"' : ''
      const matches = any(
        instances,
        targets(path).map((target) => `${target} like_regex ${quote(expression.pattern)}${flag}`),
      )
      return expression.negated ? `${has} && !${matches}` : matches
    }
    case 'compare': {
      const { operator, value } = expression
      let positive: string
      if (value.kind === 'range') {
        // One element must lie in the range, so each is tested on its own (a plain `@.value >= a &&
        // @.value <= b` would accept [0, 100] for 5..10); arrays inside arrays are not unwrapped twice.
        const inRange = `@.type() != "array" && @ >= ${literal(value.from)} && @ <= ${literal(value.to)}`
        positive = any(
          instances,
          targets(path).map((target) => `exists(${target} ? (${inRange}))`),
        )
      } else {
        const values = value.kind === 'list' ? value.values : [value.value]
        const comparison = operator === '!=' ? '==' : operator
        positive = any(
          instances,
          targets(path).flatMap((target) => values.map((each) => `${target} ${comparison} ${literal(each)}`)),
        )
      }
      return operator === '!=' ? `${has} && !${positive}` : positive
    }
  }
}

/** `$."attr"[*]."sub"…`: every instance, then every sub-attribute instance along the path. */
function instancesPath(path: QPath, expand: (term: string) => string): string {
  return `$.${quote(expand(path.attribute))}[*]${path.subAttributes.map((name) => `.${quote(expand(name))}`).join('')}`
}

/** Paths from an instance `@` to what the term compares. */
function targets(path: QPath): string[] {
  if (path.member !== null) return [`@.${quote(path.member)}`]
  if (path.keys.length === 0) return VALUE_MEMBERS
  const keys = path.keys.map((key) => `.${quote(key)}`).join('')
  return COMPOUND_MEMBERS.map((member) => member + keys)
}

function exists(path: QPath, instances: string): string {
  if (path.member === null && path.keys.length === 0) return `exists(${instances})`
  return any(
    instances,
    targets(path).map((target) => `exists(${target})`),
  )
}

function any(instances: string, conditions: string[]): string {
  return `exists(${instances} ? (${conditions.join(' || ')}))`
}

function literal(value: QLiteral): string {
  if (typeof value === 'string') return quote(value)
  // String() of a finite double is valid jsonpath numeric syntax, exponent included.
  return String(value)
}

/**
 * A jsonpath string literal. Only `"` and `\` can end or bend one; control characters are escaped too,
 * so whatever a caller writes stays inside the literal.
 */
export function quote(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped.
  const escaped = text.replace(/["\\\u0000-\u001f\u007f]/gu, (char) =>
    char === '"' || char === '\\' ? `\\${char}` : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `"${escaped}"`
}
