import type { ParseKeys } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useReaderStyle } from '../../components/reader-style.ts'

export type { Picked } from '../../components/reader-style.ts'

/**
 * The portfolio pages' words: their translations (namespace `portfolio`), the server's texts picked
 * in the reader's language, and money, days and percentages in the reader's style.
 */
export function usePortfolioWords() {
  const { t } = useTranslation('portfolio')
  const reader = useReaderStyle()
  const { formats } = reader
  /** A word for a code the server sends (a kind, a status); unknown codes show as they are. */
  const word = useCallback(
    (group: string, code: string) =>
      t(`${group}.${code}` as ParseKeys<'portfolio'>, { defaultValue: code }) as string,
    [t],
  )
  const euros = useCallback((value: number) => formats.euros.format(value), [formats])
  /** A percentage 0–100 written the reader's way: 80 → "80 %". */
  const percent = useCallback((value: number) => formats.percent.format(value / 100), [formats])
  const number = useCallback((value: number) => formats.number.format(value), [formats])
  return { t, ...reader, word, euros, number, percent }
}

export type PortfolioWords = ReturnType<typeof usePortfolioWords>
