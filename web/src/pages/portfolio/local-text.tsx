import type { Localized } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** A text the server keeps in several languages, in the reader's; Romanian, marked as such, if missing. */
export function LocalText({ value }: { value: Localized | null | undefined }) {
  const { pick } = usePortfolioWords()
  const { text, lang } = pick(value)
  return lang ? <span lang={lang}>{text}</span> : text
}
