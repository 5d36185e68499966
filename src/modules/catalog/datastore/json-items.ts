/** One element of the array being read, its text and the line it starts on. */
export interface JsonItem {
  line: number
  text: string
}

export class JsonShapeError extends Error {
  override readonly name = 'JsonShapeError'
  readonly line: number
  constructor(line: number, message: string) {
    super(message)
    this.line = line
  }
}

const MAX_ITEM_CHARS = 16 * 1024 * 1024

/**
 * The elements of a JSON array, one at a time, without holding the document: the top-level array
 * (`root`) or a GeoJSON FeatureCollection's `features`. Each element is left to JSON.parse; this
 * only finds where elements start and end (strings, escapes and nesting).
 */
export async function* jsonItems(
  chunks: AsyncIterable<string>,
  target: 'root' | 'features',
): AsyncGenerator<JsonItem> {
  const stack: string[] = []
  let inString = false
  let escaped = false
  let line = 1
  let started = false
  let foundTarget = false
  let targetDepth = -1
  // The last string read directly inside the root object: the key before a ':'.
  let keyStart = -1
  let keyPieces: string[] = []
  let lastKey = ''
  let capturing = false
  let pieces: string[] = []
  let captured = 0
  let itemLine = 0
  for await (const chunk of chunks) {
    let start = capturing ? 0 : -1
    for (let index = 0; index < chunk.length; index++) {
      const character = chunk[index]!
      if (character === '\n') line++
      if (inString) {
        if (escaped) escaped = false
        else if (character === '\\') escaped = true
        else if (character === '"') {
          inString = false
          if (keyStart >= 0) {
            keyPieces.push(chunk.slice(keyStart, index))
            lastKey = keyPieces.join('')
            keyStart = -1
          }
        }
        continue
      }
      if (!started) {
        if (/\s/.test(character)) continue
        started = true
        const expected = target === 'root' ? '[' : '{'
        if (character !== expected)
          throw new JsonShapeError(
            line,
            target === 'root'
              ? 'The file is not a JSON array of objects.'
              : 'The file is not a GeoJSON FeatureCollection.',
          )
        stack.push(character)
        if (target === 'root') {
          targetDepth = 1
          foundTarget = true
        }
        continue
      }
      const atTarget = stack.length === targetDepth
      if (atTarget && !capturing && character !== ',' && character !== ']' && !/\s/.test(character)) {
        capturing = true
        start = index
        itemLine = line
      }
      if (character === '"') {
        inString = true
        if (target === 'features' && stack.length === 1 && !capturing) {
          keyStart = index + 1
          keyPieces = []
        }
      } else if (character === '{' || character === '[') {
        if (
          target === 'features' &&
          stack.length === 1 &&
          character === '[' &&
          lastKey === 'features' &&
          !foundTarget
        ) {
          foundTarget = true
          targetDepth = 2
        }
        stack.push(character)
      } else if (character === '}' || character === ']') {
        if (stack.length === 0) throw new JsonShapeError(line, 'The JSON has a closing bracket too many.')
        if (atTarget && character === ']') {
          if (capturing) yield finish(chunk.slice(start, index))
          targetDepth = -2
        }
        stack.pop()
      } else if (atTarget && character === ',' && capturing) {
        yield finish(chunk.slice(start, index))
      }
      if (capturing && index - start + captured > MAX_ITEM_CHARS)
        throw new JsonShapeError(
          itemLine,
          `An item is longer than ${MAX_ITEM_CHARS / 1024 / 1024} M characters.`,
        )
    }
    if (keyStart >= 0) {
      keyPieces.push(chunk.slice(keyStart))
      keyStart = 0
    }
    if (capturing) {
      const rest = chunk.slice(start)
      pieces.push(rest)
      captured += rest.length
    }
  }
  if (!started) throw new JsonShapeError(line, 'The file is empty.')
  if (!foundTarget) throw new JsonShapeError(line, 'The file has no "features" array.')
  if (stack.length > 0 || inString || capturing)
    throw new JsonShapeError(line, 'The JSON ends before it is complete.')

  function finish(tail: string): JsonItem {
    pieces.push(tail)
    const text = pieces.join('')
    pieces = []
    captured = 0
    capturing = false
    return { line: itemLine, text }
  }
}
