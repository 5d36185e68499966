import { NgsiError } from '../errors.ts'

/**
 * The NGSI-LD query language (ETSI GS CIM 009 v1.8, 4.9): the `q` parameter parsed into a typed tree.
 * Names stay as written; expanding them by the caller's @context is the evaluator's job.
 */

export type QOperator = '==' | '!=' | '>' | '>=' | '<' | '<='

/** A Query Term value. Dates, times and URIs are strings: they compare as text. */
export type QLiteral = string | number | boolean | null

/** Members of an attribute instance a path may end on instead of a sub-attribute. */
export const Q_MEMBERS = ['observedAt', 'createdAt', 'modifiedAt', 'unitCode', 'datasetId'] as const
export type QMember = (typeof Q_MEMBERS)[number]

/** `attribute(.subAttribute)*(.member)?([key])*`: `a.b.observedAt`, `address[addressLocality]`. */
export interface QPath {
  attribute: string
  subAttributes: string[]
  member: QMember | null
  /** Members inside the compound value (or a LanguageProperty's languageMap); never expanded. */
  keys: string[]
}

export type QValue =
  | { kind: 'literal'; value: QLiteral }
  /** Inclusive; both ends numbers or both strings. */
  | { kind: 'range'; from: number | string; to: number | string }
  | { kind: 'list'; values: QLiteral[] }

export type QExpression =
  | { kind: 'and'; operands: QExpression[] }
  | { kind: 'or'; operands: QExpression[] }
  /** `a` (exists) or `!a` (does not exist). */
  | { kind: 'exists'; path: QPath; negated: boolean }
  | { kind: 'compare'; path: QPath; operator: QOperator; value: QValue }
  /** `~=` or, negated, `!~=`. A leading `(?i)` in the query sets ignoreCase and is not part of pattern. */
  | { kind: 'pattern'; path: QPath; negated: boolean; pattern: string; ignoreCase: boolean }

export type QTerm = Extract<QExpression, { path: QPath }>

export const MAX_Q_LENGTH = 4096
export const MAX_Q_DEPTH = 32

// Longest first, so `!~=` is not read as `!` and `>=` not as `>`.
const OPERATORS = ['==', '!~=', '!=', '~=', '>=', '<=', '>', '<'] as const
type OperatorToken = (typeof OPERATORS)[number]

const NAME_CHAR = /[\p{L}\p{N}_:/#-]/u
// An unquoted value ends at whitespace, a separator, a bracket or a quote; `..` is checked apart.
const VALUE_STOP = /[\s;|(),"]/u
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{}]+$/
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/** Parses URL-decoded `q` text; a BadRequestData error says where and what was expected. */
export function parseQ(text: string): QExpression {
  if (text.length > MAX_Q_LENGTH) {
    throw new NgsiError('TooComplexQuery', `The q query is longer than ${MAX_Q_LENGTH} characters`)
  }
  if (!text.isWellFormed() || text.includes('\0')) {
    throw new NgsiError('BadRequestData', 'The q query holds a NUL or a broken Unicode character')
  }
  return new Parser(text).query()
}

class Parser {
  readonly text: string
  pos = 0
  depth = 0

  constructor(text: string) {
    this.text = text
  }

  query(): QExpression {
    this.skipSpace()
    const expression = this.or()
    this.skipSpace()
    if (this.pos < this.text.length) {
      throw this.fail("';', '|' or the end")
    }
    return expression
  }

  or(): QExpression {
    const operands = [this.and()]
    while (this.eat('|')) operands.push(this.and())
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands }
  }

  and(): QExpression {
    const operands = [this.unary()]
    while (this.eat(';')) operands.push(this.unary())
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands }
  }

  unary(): QExpression {
    const open = this.skipSpace()
    if (this.eat('(')) {
      // Refuse before recursing: deep nesting would otherwise exhaust the stack.
      if (++this.depth > MAX_Q_DEPTH) {
        throw new NgsiError('TooComplexQuery', `The q query nests parentheses deeper than ${MAX_Q_DEPTH}`)
      }
      const inner = this.or()
      if (!this.eat(')')) throw this.fail(`';', '|' or the ')' closing the '(' at character ${open + 1}`)
      this.depth--
      this.skipSpace()
      return inner
    }
    if (this.eat('!')) {
      const path = this.path()
      if (this.operatorAhead()) {
        throw this.fail("';', '|', ')' or the end: '!' only negates existence (write a!=value instead)")
      }
      return { kind: 'exists', path, negated: true }
    }
    const path = this.path()
    const operator = this.operator()
    if (operator === undefined) return { kind: 'exists', path, negated: false }
    if (operator === '~=' || operator === '!~=') {
      return { kind: 'pattern', path, negated: operator === '!~=', ...this.pattern() }
    }
    return { kind: 'compare', path, operator, value: this.value(operator) }
  }

  path(): QPath {
    this.skipSpace()
    const attribute = this.name('an attribute name')
    const subAttributes: string[] = []
    let member: QMember | null = null
    while (this.peek() === '.') {
      if (member !== null) throw this.fail(`an operator, ';' or '|': nothing follows .${member}`)
      this.pos++
      const name = this.name('a sub-attribute name or observedAt, createdAt, modifiedAt, unitCode, datasetId')
      if ((Q_MEMBERS as readonly string[]).includes(name)) member = name as QMember
      else subAttributes.push(name)
    }
    const keys: string[] = []
    while (this.peek() === '[') {
      if (member !== null) throw this.fail(`an operator, ';' or '|': .${member} has no members`)
      this.pos++
      keys.push(this.name('a member name of the compound value'))
      // `a[b.c]` is the spec's dotted form of `a[b][c]`.
      while (this.eat('.')) keys.push(this.name('a member name of the compound value'))
      if (!this.eat(']')) throw this.fail("']' or '.'")
    }
    this.skipSpace()
    return { attribute, subAttributes, member, keys }
  }

  name(expected: string): string {
    const start = this.pos
    while (this.pos < this.text.length && NAME_CHAR.test(this.charAt(this.pos))) {
      this.pos += this.charAt(this.pos).length
    }
    if (this.pos === start) throw this.fail(expected)
    return this.text.slice(start, this.pos)
  }

  operatorAhead(): boolean {
    return OPERATORS.some((token) => this.text.startsWith(token, this.pos))
  }

  operator(): OperatorToken | undefined {
    const token = OPERATORS.find((candidate) => this.text.startsWith(candidate, this.pos))
    if (token !== undefined) {
      this.pos += token.length
      return token
    }
    const next = this.peek()
    if (next !== undefined && next !== ';' && next !== '|' && next !== ')') {
      throw this.fail("an operator (==, !=, >, >=, <, <=, ~=, !~=), ';', '|', ')' or the end")
    }
    return undefined
  }

  value(operator: QOperator): QValue {
    const start = this.skipSpace()
    const first = this.literal()
    this.skipSpace()
    const equality = operator === '==' || operator === '!='
    if (this.text.startsWith('..', this.pos)) {
      if (!equality) throw this.fail(`a single value: a range a..b goes with == or != only, not ${operator}`)
      this.pos += 2
      const endStart = this.skipSpace()
      const to = this.literal()
      const comparable =
        (typeof first === 'number' && typeof to === 'number') ||
        (typeof first === 'string' && typeof to === 'string')
      if (!comparable) {
        throw this.fail('a range of two numbers or two strings, dates or times', endStart)
      }
      this.skipSpace()
      return { kind: 'range', from: first as number | string, to }
    }
    if (this.peek() === ',') {
      if (!equality) throw this.fail(`a single value: a list a,b goes with == or != only, not ${operator}`)
      const values = [first]
      while (this.eat(',')) {
        this.skipSpace()
        values.push(this.literal())
        this.skipSpace()
      }
      return { kind: 'list', values }
    }
    if (!equality && typeof first !== 'number' && typeof first !== 'string') {
      throw this.fail(`a number, string, date or time to compare with ${operator}`, start)
    }
    return { kind: 'literal', value: first }
  }

  literal(): QLiteral {
    if (this.peek() === '"') return this.quoted()
    const start = this.pos
    while (this.pos < this.text.length) {
      const char = this.charAt(this.pos)
      if (VALUE_STOP.test(char) || this.text.startsWith('..', this.pos)) break
      this.pos += char.length
    }
    const token = this.text.slice(start, this.pos)
    const expected =
      'a value: a number, a "quoted string", true, false, null, a date, time or dateTime, or a URI'
    if (token === '') throw this.fail(expected, start)
    if (token === 'true') return true
    if (token === 'false') return false
    if (token === 'null') return null
    if (NUMBER.test(token)) {
      const number = Number(token)
      if (!Number.isFinite(number)) throw this.fail('a number within double precision range', start)
      return number
    }
    if (DATE.test(token) || TIME.test(token) || DATE_TIME.test(token) || URI.test(token)) return token
    throw this.fail(`${expected} (text must be quoted, as in "${token}")`, start)
  }

  /** A "string". Raw (for patterns) keeps every escape but \" as written, for the regular expression to read. */
  quoted(raw = false): string {
    const start = this.pos
    this.pos++
    let result = ''
    while (true) {
      const char = this.text[this.pos]
      if (char === undefined) throw this.fail("the closing '\"' of the string opened", start)
      this.pos++
      if (char === '"') break
      if (char !== '\\') {
        result += char
        continue
      }
      const escaped = this.text[this.pos]
      if (raw && escaped !== undefined) {
        result += escaped === '"' ? '"' : `\\${escaped}`
        this.pos++
      } else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 1, this.pos + 5))) {
        result += String.fromCharCode(Number.parseInt(this.text.slice(this.pos + 1, this.pos + 5), 16))
        this.pos += 5
      } else if (escaped !== undefined && Object.hasOwn(ESCAPES, escaped)) {
        result += ESCAPES[escaped]
        this.pos++
      } else {
        throw this.fail(
          'an escape: \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits',
          this.pos - 1,
        )
      }
    }
    // Escapes could spell what the raw text may not hold; PostgreSQL cannot store either.
    if (!result.isWellFormed() || result.includes('\0')) {
      throw this.fail('a string without NUL or unpaired surrogate escapes', start)
    }
    return result
  }

  pattern(): { pattern: string; ignoreCase: boolean } {
    const start = this.skipSpace()
    let text: string
    if (this.peek() === '"') text = this.quoted(true)
    else {
      this.pos = unquotedPatternEnd(this.text, start)
      text = this.text.slice(start, this.pos)
    }
    this.skipSpace()
    const ignoreCase = text.startsWith('(?i)')
    const pattern = ignoreCase ? text.slice(4) : text
    if (pattern === '') throw this.fail('a regular expression pattern', start)
    const problem = patternProblem(pattern)
    if (problem !== undefined) {
      throw new NgsiError('BadRequestData', `Invalid q query at character ${start + 1}: ${problem}`)
    }
    return { pattern, ignoreCase }
  }

  skipSpace(): number {
    while (this.pos < this.text.length && /[ \t\r\n]/.test(this.text[this.pos]!)) this.pos++
    return this.pos
  }

  peek(): string | undefined {
    return this.text[this.pos]
  }

  charAt(position: number): string {
    return String.fromCodePoint(this.text.codePointAt(position)!)
  }

  eat(char: string): boolean {
    this.skipSpace()
    if (this.text[this.pos] !== char) return false
    this.pos++
    this.skipSpace()
    return true
  }

  fail(expected: string, at = this.pos): NgsiError {
    const found = at >= this.text.length ? 'the end of the query' : `'${this.charAt(at)}'`
    return new NgsiError(
      'BadRequestData',
      `Invalid q query at character ${at + 1}: expected ${expected}, found ${found}`,
    )
  }
}

/**
 * Unquoted, a pattern runs to a space or `;`, or to a `|` or `)` outside its own groups and classes,
 * so `a~=(?i)^(x|y);b` reads as meant. Quoting lifts every limit.
 */
function unquotedPatternEnd(text: string, start: number): number {
  let depth = 0
  let inClass = false
  let index = start
  for (; index < text.length; index++) {
    const char = text[index]!
    if (char === '\\') index++
    else if (/[\s;]/u.test(char)) break
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')' && depth-- === 0) break
    else if (char === '|' && depth === 0) break
  }
  return Math.min(index, text.length)
}

/**
 * Why a pattern cannot be used, if it cannot. Patterns run as ECMAScript here (subscriptions) and as
 * PostgreSQL regular expressions in the database, so escapes the two read differently are refused.
 */
function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u')
  } catch (error) {
    return `the pattern is not a valid regular expression (${(error as Error).message})`
  }
  let inClass = false
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]
    if (char === '\\') {
      const escaped = pattern[++index] ?? ''
      // \b is a word boundary in ECMAScript but a backspace in PostgreSQL, \x takes all hex digits there, …
      if ('bBpPkx'.includes(escaped) || pattern.startsWith('u{', index)) {
        return `\\${escaped} in a pattern means different things to different regular expression engines; spell it out`
      }
    } else if (inClass) {
      if (char === ']') inClass = false
    } else if (char === '[') {
      inClass = true
    } else if (char === '(' && pattern[index + 1] === '?') {
      const group = pattern.slice(index + 2, index + 4)
      if (
        !(
          group.startsWith(':') ||
          group.startsWith('=') ||
          group.startsWith('!') ||
          group === '<=' ||
          group === '<!'
        )
      ) {
        return 'a pattern group may be (…), (?:…), (?=…), (?!…), (?<=…) or (?<!…); named groups and inline flags other than a leading (?i) are not supported'
      }
    }
  }
  return undefined
}

/** Text that parses back to the same tree: strings quoted, groups parenthesised where precedence needs it. */
export function formatQ(expression: QExpression): string {
  switch (expression.kind) {
    case 'and':
      return expression.operands
        .map((operand) =>
          operand.kind === 'and' || operand.kind === 'or' ? `(${formatQ(operand)})` : formatQ(operand),
        )
        .join(';')
    case 'or':
      return expression.operands
        .map((operand) => (operand.kind === 'or' ? `(${formatQ(operand)})` : formatQ(operand)))
        .join('|')
    case 'exists':
      return `${expression.negated ? '!' : ''}${formatPath(expression.path)}`
    case 'compare':
      return `${formatPath(expression.path)}${expression.operator}${formatValue(expression.value)}`
    case 'pattern':
      return `${formatPath(expression.path)}${expression.negated ? '!~=' : '~='}${quotePattern(expression)}`
  }
}

export function formatPath(path: QPath): string {
  const dotted = [path.attribute, ...path.subAttributes, ...(path.member === null ? [] : [path.member])].join(
    '.',
  )
  return dotted + path.keys.map((key) => `[${key}]`).join('')
}

function formatValue(value: QValue): string {
  switch (value.kind) {
    case 'literal':
      return formatLiteral(value.value)
    case 'range':
      return `${formatLiteral(value.from)}..${formatLiteral(value.to)}`
    case 'list':
      return value.values.map(formatLiteral).join(',')
  }
}

function quotePattern(term: { pattern: string; ignoreCase: boolean }): string {
  // Escape pairs stay as they are (so `\\"` is not misread); a bare quote gets its backslash.
  const body = term.pattern.replace(/\\.|"/gsu, (match) => (match === '"' ? '\\"' : match))
  return `"${term.ignoreCase ? '(?i)' : ''}${body}"`
}

function formatLiteral(literal: QLiteral): string {
  return typeof literal === 'number' ? String(literal) : JSON.stringify(literal)
}

/** Every term of the expression, left to right. */
export function qTerms(expression: QExpression): QTerm[] {
  return expression.kind === 'and' || expression.kind === 'or'
    ? expression.operands.flatMap(qTerms)
    : [expression]
}
