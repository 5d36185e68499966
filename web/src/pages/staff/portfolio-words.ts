import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useReaderStyle } from '../../components/reader-style.ts'

/**
 * The board pages' words: their translations (namespace `board`), the server's texts in the reader's
 * language (Romanian when missing), and numbers, money and dates in the reader's style.
 */
export function useBoardWords() {
  const { t } = useTranslation('board')
  const { language, text, formats, day, moment } = useReaderStyle()
  /** A word for a code the server sends (a kind, a status); unknown codes show as they are. */
  const word = useCallback(
    (group: string, code: string) =>
      t(`${group}.${code}` as ParseKeys<'board'>, { defaultValue: code }) as string,
    [t],
  )
  /** A completion (0–100) written the reader's way; a dash without milestones. */
  const percent = useCallback(
    (value: number | null) => (value === null ? '—' : formats.percent.format(value / 100)),
    [formats],
  )
  return { t, language, text, word, formats, day, moment, percent }
}
