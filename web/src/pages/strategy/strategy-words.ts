import type { ParseKeys } from 'i18next'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../i18n/i18n.ts'
import type { Localized } from './strategy-api.ts'

/** A text in the reader's language, or the Romanian one with its language named when there is none. */
export type Picked = { text: string; lang: Language | undefined }

/**
 * The strategy pages' words: their translations (namespace `strategy`), the server's texts picked
 * in the reader's language, and numbers and dates in the reader's style.
 */
export function useStrategyWords() {
  const { t, i18n } = useTranslation('strategy')
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
      t(`${group}.${code}` as ParseKeys<'strategy'>, { defaultValue: code }) as string,
    [t],
  )
  const formats = useMemo(
    () => ({
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
      day: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }),
      collator: new Intl.Collator(language, { numeric: true }),
    }),
    [language],
  )
  /** A calendar day (YYYY-MM-DD) written the reader's way. */
  const day = useCallback(
    (value: string) => {
      const date = new Date(`${value}T00:00:00Z`)
      return Number.isNaN(date.getTime()) ? value : formats.day.format(date)
    },
    [formats],
  )
  return { t, language, pick, text, word, formats, day }
}
