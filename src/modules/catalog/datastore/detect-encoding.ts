import chardet from 'chardet'
import iconv from 'iconv-lite'

export interface DetectedEncoding {
  /** A name iconv-lite knows: utf-8, windows-1250, iso-8859-2, … */
  encoding: string
  /** The file starts with a byte order mark (skipped when reading). */
  bom: boolean
}

const ROMANIAN = /[ăâîșțşţĂÂÎȘȚŞŢ]/g
const CENTRAL_EUROPEAN = /[áéíóöőúüűčďěňřšťžźżłąęćńśÁÉÍÓÖŐÚÜŰČĎĚŇŘŠŤŽŹŻŁĄĘĆŃŚ]/g
// C1 controls and replacement characters: what a wrong single-byte guess produces.
const UNLIKELY = /[\u0080-\u009f\ufffd]/g

/**
 * The encoding of a file from its first bytes. UTF-8 when the bytes are valid UTF-8; otherwise
 * Romanian files are Windows-1250 or ISO-8859-2 (the two agree on ă â î ş ţ and differ on rarer
 * letters and on Windows' quotes and dashes), so each candidate is scored by the letters it yields.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const bytes = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true }
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: false }
  const guesses = chardet
    .analyse(bytes)
    .map((match) => match.name.toLowerCase())
    .filter((name) => !name.startsWith('utf') && iconv.encodingExists(name))
  const candidates = [...new Set(['windows-1250', 'iso-8859-2', ...guesses.slice(0, 3)])]
  // On a tie, chardet's order decides (it tells ISO-8859-2 from Windows-1250 by byte statistics).
  const rank = (name: string) => {
    const at = guesses.indexOf(name)
    return at < 0 ? guesses.length : at
  }
  const scored = candidates.map((encoding) => ({ encoding, score: score(iconv.decode(bytes, encoding)) }))
  scored.sort((a, b) => b.score - a.score || rank(a.encoding) - rank(b.encoding))
  return { encoding: scored[0]!.encoding, bom: false }
}

function score(text: string): number {
  return (
    2 * (text.match(ROMANIAN)?.length ?? 0) +
    (text.match(CENTRAL_EUROPEAN)?.length ?? 0) -
    5 * (text.match(UNLIKELY)?.length ?? 0)
  )
}

/** Valid UTF-8, allowing the sample to end inside a character. */
function isUtf8(bytes: Buffer): boolean {
  let end = bytes.length
  // Step back over a character cut by the end of the sample (at most 3 continuation bytes).
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!
    if ((byte & 0xc0) === 0x80) continue
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      if (back < length) end -= back
    }
    break
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end))
    return true
  } catch {
    return false
  }
}
