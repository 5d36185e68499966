import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useReaderStyle } from '../../components/reader-style.ts'

export type { Picked } from '../../components/reader-style.ts'

/**
 * The strategy pages' words: their translations (namespace `strategy`), the server's texts picked
 * in the reader's language, and numbers and dates in the reader's style.
 */
export function useStrategyWords() {
  const { t } = useTranslation('strategy')
  const { language, pick, text, formats, day } = useReaderStyle()
  /** A word for a code the server sends (a kind, a status); unknown codes show as they are. */
  const word = useCallback(
    (group: string, code: string) =>
      t(`${group}.${code}` as ParseKeys<'strategy'>, { defaultValue: code }) as string,
    [t],
  )
  return { t, language, pick, text, word, formats, day }
}
