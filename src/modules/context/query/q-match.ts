import type { EntityAttributes } from '../model.ts'
import type { QExpression, QLiteral, QOperator, QPath, QTerm } from './q-language.ts'

/**
 * `q` (4.9) evaluated in JavaScript over stored attrs, for subscriptions, where a database round trip
 * per notification costs too much. Same semantics as q-sql.ts (read there), including the SQL/JSON lax
 * mode unwrapping of one array level, so the two agree on every entity.
 */
export function matchesQ(
  expression: QExpression,
  attrs: EntityAttributes,
  expand: (term: string) => string,
): boolean {
  switch (expression.kind) {
    case 'and':
      return expression.operands.every((operand) => matchesQ(operand, attrs, expand))
    case 'or':
      return expression.operands.some((operand) => matchesQ(operand, attrs, expand))
    default:
      return matchesTerm(expression, attrs, expand)
  }
}

const VALUE_MEMBERS = ['value', 'object', 'objectList', 'valueList', 'vocab', 'json'] as const
const COMPOUND_MEMBERS = ['value', 'languageMap', 'json'] as const

function matchesTerm(term: QTerm, attrs: EntityAttributes, expand: (term: string) => string): boolean {
  const instances = instancesOf(term.path, attrs, expand)
  switch (term.kind) {
    case 'exists':
      return hasPath(term.path, instances) !== term.negated
    case 'pattern': {
      const regex = compiled(term)
      const matches = anyTarget(
        term.path,
        instances,
        (target) => typeof target === 'string' && regex.test(target),
      )
      return term.negated ? hasPath(term.path, instances) && !matches : matches
    }
    case 'compare': {
      const { operator, value } = term
      let positive: (target: unknown) => boolean
      if (value.kind === 'range') {
        positive = (target) => holds(target, '>=', value.from) && holds(target, '<=', value.to)
      } else {
        const values = value.kind === 'list' ? value.values : [value.value]
        const comparison = operator === '!=' ? '==' : operator
        positive = (target) => values.some((each) => holds(target, comparison, each))
      }
      const found = anyTarget(term.path, instances, positive)
      return operator === '!=' ? hasPath(term.path, instances) && !found : found
    }
  }
}

/** The instances (or sub-attribute instances) the path starts from; arrays are unwrapped one level. */
function instancesOf(path: QPath, attrs: EntityAttributes, expand: (term: string) => string): unknown[] {
  const attribute = expand(path.attribute)
  let items: unknown[] = Object.hasOwn(attrs, attribute) ? unwrap(attrs[attribute]) : []
  for (const name of path.subAttributes) items = member(items, expand(name))
  return items
}

function hasPath(path: QPath, instances: unknown[]): boolean {
  if (path.member === null && path.keys.length === 0) return instances.length > 0
  return unwrapEach(instances).some((instance) => valuesOf(path, instance).length > 0)
}

/** Whether some target of some instance satisfies the test. */
function anyTarget(path: QPath, instances: unknown[], test: (target: unknown) => boolean): boolean {
  return unwrapEach(instances).some((instance) => unwrapEach(valuesOf(path, instance)).some(test))
}

/** What the path reads from one instance, before the comparison's own unwrapping. */
function valuesOf(path: QPath, instance: unknown): unknown[] {
  if (path.member !== null) return member([instance], path.member)
  if (path.keys.length === 0) {
    const languages = member([instance], 'languageMap').flatMap((map) =>
      isObject(map)
        ? Object.values(map)
        : Array.isArray(map)
          ? map.filter(isObject).flatMap(Object.values)
          : [],
    )
    return [...VALUE_MEMBERS.flatMap((name) => member([instance], name)), ...languages]
  }
  return COMPOUND_MEMBERS.flatMap((name) =>
    path.keys.reduce((items, key) => member(items, key), member([instance], name)),
  )
}

/** Lax `.key`: an array is looked into one level, anything without the key gives nothing. */
function member(items: unknown[], key: string): unknown[] {
  return items.flatMap((item) =>
    (Array.isArray(item) ? item : [item]).flatMap((each) =>
      isObject(each) && Object.hasOwn(each, key) ? [each[key]] : [],
    ),
  )
}

function unwrap(item: unknown): unknown[] {
  return Array.isArray(item) ? item : [item]
}

function unwrapEach(items: unknown[]): unknown[] {
  return items.flatMap(unwrap)
}

function isObject(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item)
}

/** SQL/JSON comparison: only values of one type compare (null equals only null); strings by code point. */
function holds(target: unknown, operator: Exclude<QOperator, '!='>, literal: QLiteral): boolean {
  let order: number
  if (target === null || literal === null) {
    if (target !== literal) return false
    order = 0
  } else if (typeof target === 'number' && typeof literal === 'number') {
    order = Math.sign(target - literal)
  } else if (typeof target === 'string' && typeof literal === 'string') {
    order = compareCodePoints(target, literal)
  } else if (typeof target === 'boolean' && typeof literal === 'boolean') {
    order = Number(target) - Number(literal)
  } else {
    return false
  }
  switch (operator) {
    case '==':
      return order === 0
    case '>':
      return order > 0
    case '>=':
      return order >= 0
    case '<':
      return order < 0
    case '<=':
      return order <= 0
  }
}

/** UTF-16 order puts U+FFFF after an emoji; code point order (what PostgreSQL uses) does not. */
function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0
  const a = left[Symbol.iterator]()
  const b = right[Symbol.iterator]()
  while (true) {
    const x = a.next()
    const y = b.next()
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1
    const difference = x.value.codePointAt(0)! - y.value.codePointAt(0)!
    if (difference !== 0) return Math.sign(difference)
  }
}

const regexes = new WeakMap<QTerm, RegExp>()

function compiled(term: Extract<QTerm, { kind: 'pattern' }>): RegExp {
  let regex = regexes.get(term)
  if (regex === undefined) {
    regex = new RegExp(term.pattern, term.ignoreCase ? 'iu' : 'u')
    regexes.set(term, regex)
  }
  return regex
}
