/**
 * Text as search compares it: lowercase, without diacritics. NFD splits every accented letter into
 * its base and marks, so both Romanian forms fold alike (ș comma-below and ş cedilla → s), as do
 * Hungarian ő and ű (→ o, u).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a search, folded; only letters and digits, so they are safe in a tsquery. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 20)
}

/** A prefix-matching tsquery of all the words (`cluj:* & strazi:*`), or undefined for none. */
export function prefixQuery(text: string): string | undefined {
  const words = searchWords(text)
  return words.length === 0 ? undefined : words.map((word) => `${word}:*`).join(' & ')
}
