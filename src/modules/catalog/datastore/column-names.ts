const MAX_BYTES = 63
const RESERVED = new Set(['_id'])

/** Header names made into SQL column names: trimmed, at most 63 bytes, unique, empty ones `column_N`. */
export function columnNames(headers: readonly (string | null | undefined)[]): string[] {
  const taken = new Set<string>()
  return headers.map((header, index) => {
    const base = truncate((header ?? '').trim().replaceAll('\0', '')) || `column_${index + 1}`
    let name = base
    for (let n = 2; taken.has(name.toLowerCase()) || RESERVED.has(name); n++) {
      const suffix = `_${n}`
      name = truncate(base, MAX_BYTES - suffix.length) + suffix
    }
    taken.add(name.toLowerCase())
    return name
  })
}

/** Cut to a byte length without splitting a character. */
function truncate(text: string, bytes = MAX_BYTES): string {
  if (Buffer.byteLength(text) <= bytes) return text
  let cut = ''
  for (const character of text) {
    if (Buffer.byteLength(cut + character) > bytes) break
    cut += character
  }
  return cut
}

/** Names that suggest a latitude or longitude, for the map. */
export function coordinateHint(name: string): 'latitude' | 'longitude' | undefined {
  const folded = name.trim().toLowerCase()
  if (/^(lat|latitude|latitudine|lat_wgs84|wgs84_lat|y_wgs84)$/.test(folded)) return 'latitude'
  if (/^(lon|lng|long|longitude|longitudine|lon_wgs84|wgs84_lon|x_wgs84)$/.test(folded)) return 'longitude'
  return undefined
}
