import type { ParseKeys } from 'i18next'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../i18n/i18n.ts'
import type { Localized } from './portfolio-api.ts'

/**
 * The board pages' words: their translations (namespace `board`), the server's texts in the reader's
 * language (Romanian when missing), and numbers, money and dates in the reader's style.
 */
export function useBoardWords() {
  const { t, i18n } = useTranslation('board')
  const language = (i18n.resolvedLanguage ?? 'ro') as Language

  const text = useCallback(
    (value: Localized | null | undefined) => value?.[language] || value?.ro || '',
    [language],
  )
  /** A word for a code the server sends (a kind, a status); unknown codes show as they are. */
  const word = useCallback(
    (group: string, code: string) =>
      t(`${group}.${code}` as ParseKeys<'board'>, { defaultValue: code }) as string,
    [t],
  )
  const formats = useMemo(
    () => ({
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }),
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
      euros: new Intl.NumberFormat(language, {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }),
      day: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }),
      moment: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    }),
    [language],
  )
  const day = useCallback(
    (value: string) => {
      const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
      return Number.isNaN(date.getTime()) ? value : formats.day.format(date)
    },
    [formats],
  )
  const moment = useCallback(
    (value: string) => {
      const date = new Date(value)
      return Number.isNaN(date.getTime()) ? value : formats.moment.format(date)
    },
    [formats],
  )
  /** A completion (0–100) written the reader's way; a dash without milestones. */
  const percent = useCallback(
    (value: number | null) => (value === null ? '—' : formats.percent.format(value / 100)),
    [formats],
  )
  return { t, language, text, word, formats, day, moment, percent }
}
