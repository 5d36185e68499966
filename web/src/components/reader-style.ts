import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../i18n/i18n.ts'

type Localized = { ro: string; en?: string; hu?: string }

/** A text in the reader's language, or the Romanian one with its language named when there is none. */
export type Picked = { text: string; lang: Language | undefined }

/**
 * The reader's language and style, shared by the sections' word hooks: the server's texts picked in
 * that language (Romanian when missing), and numbers, money, days and moments written their way.
 */
export function useReaderStyle() {
  const { i18n } = useTranslation()
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
  /** A calendar day (the first ten characters, YYYY-MM-DD) written the reader's way. */
  const day = useCallback(
    (value: string) => {
      const date = new Date(`${value.slice(0, 10)}T00:00:00Z`)
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
  return { language, pick, text, formats, day, moment }
}
