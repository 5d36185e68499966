/**
 * A cell as a spreadsheet may read it safely: text starting with = + - @ (or a tab or carriage
 * return) would run as a formula in Excel or LibreOffice, so it gets a leading single quote
 * (OWASP's CSV injection advice). Numbers stay numbers: only text is touched.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  const text = String(value)
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** One CSV line (RFC 4180): cells with a comma, quote or line break are quoted, quotes doubled. */
export function csvLine(cells: readonly unknown[], delimiter = ','): string {
  return `${cells
    .map((cell) => {
      const text = safeCell(cell)
      return /[",\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text
    })
    .join(delimiter)}\r\n`
}
