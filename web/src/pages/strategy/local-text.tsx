import type { Localized } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

/** A text the server keeps in several languages, in the reader's; Romanian, marked as such, if missing. */
export function LocalText({ value }: { value: Localized | null | undefined }) {
  const { pick } = useStrategyWords()
  const { text, lang } = pick(value)
  return lang ? <span lang={lang}>{text}</span> : text
}
