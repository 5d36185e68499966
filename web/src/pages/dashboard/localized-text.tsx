import type { LocalizedText as Text } from './dashboard-api.ts'
import { useDashboardWords } from './words.ts'

/** A text in the reader's language; where it falls back to Romanian, marked so, for screen readers to read it right. */
export function LocalizedText({ text }: { text: Text }) {
  const { localized, languageOf, language } = useDashboardWords()
  const shown = languageOf(text)
  return shown === language ? localized(text) : <span lang={shown}>{localized(text)}</span>
}
