import type { ParseKeys } from 'i18next'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../i18n/i18n.ts'
import type { Localized } from './portfolio-api.ts'

/** A text in the reader's language, or the Romanian one with its language named when there is none. */
export type Picked = { text: string; lang: Language | undefined }

/**
 * The portfolio pages' words: their translations (namespace `portfolio`), the server's texts picked
 * in the reader's language, and money, days and percentages in the reader's style.
 */
export function usePortfolioWords() {
  const { t, i18n } = useTranslation('portfolio')
  const language = (i18n.resolvedLanguage ?? 'ro') as Language

  const pick = useCallback(
    (value: Localized | null | undefined): Picked => {
      const own = value?.[language]
      if (own) return { text: own, lang: undefined }
      return { text: value?.ro ?? '', lang: language === 'ro' ? undefined : 'ro' }
    },
    [language],
  )
  const text = useCallback((value: Localized | null | undefined) => pick(value).text, [pick])
  /** A word for a code the server sends (a kind, a status); unknown codes show as they are. */
  const word = useCallback(
    (group: string, code: string) =>
      t(`${group}.${code}` as ParseKeys<'portfolio'>, { defaultValue: code }) as string,
    [t],
  )
  const formats = useMemo(
    () => ({
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
      euros: new Intl.NumberFormat(language, {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }),
      day: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }),
      moment: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }),
      collator: new Intl.Collator(language, { numeric: true }),
    }),
    [language],
  )
  /** A calendar day (YYYY-MM-DD) written the reader's way. */
  const day = useCallback(
    (value: string) => {
      const date = new Date(`${value.slice(0, 10)}T00:00:00Z`)
      return Number.isNaN(date.getTime()) ? value : formats.day.format(date)
    },
    [formats],
  )
  const moment = useCallback((value: string) => formats.moment.format(new Date(value)), [formats])
  const euros = useCallback((value: number) => formats.euros.format(value), [formats])
  /** A percentage 0–100 written the reader's way: 80 → "80 %". */
  const percent = useCallback((value: number) => formats.percent.format(value / 100), [formats])
  const number = useCallback((value: number) => formats.number.format(value), [formats])
  return { t, language, pick, text, word, formats, day, moment, euros, number, percent }
}

export type PortfolioWords = ReturnType<typeof usePortfolioWords>
