import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import roTexts from '../../i18n/dashboard/ro.json'
import type { Frequency, Kpi, LocalizedText } from './dashboard-api.ts'

type UnitKey = keyof typeof roTexts.units

const isUnitKey = (unit: string): unit is UnitKey => Object.hasOwn(roTexts.units, unit)

/** A period's first day as a date at noon UTC, so no time zone moves it to the day before. */
const dayOf = (day: string) => new Date(`${day}T12:00:00Z`)

/** The dashboard's words and number formats in the reader's language. */
export function useDashboardWords() {
  const { t, i18n } = useTranslation('dashboard')
  const language = (i18n.resolvedLanguage ?? 'ro') as 'ro' | 'en' | 'hu'

  const formats = useMemo(
    () => ({
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
      day: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }),
      month: new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      year: new Intl.DateTimeFormat(language, { year: 'numeric', timeZone: 'UTC' }),
      moment: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    }),
    [language],
  )

  /** A text in the reader's language, else in Romanian, which is always there. */
  const localized = useCallback((text: LocalizedText) => text[language] ?? text.ro, [language])

  /** The language a text is shown in: the reader's, or Romanian where it is not written in theirs. */
  const languageOf = useCallback((text: LocalizedText) => (text[language] ? language : 'ro'), [language])

  const number = useCallback((value: number) => formats.number.format(value), [formats])

  /** The unit as a word of the reader's language where it is known; as written otherwise. */
  const unitName = useCallback((unit: string) => (isUnitKey(unit) ? t(`units.${unit}`) : unit), [t])

  /** "5 seturi de date", "42 %". */
  const valueWithUnit = useCallback(
    (value: number, unit: string) => `${formats.number.format(value)} ${unitName(unit)}`,
    [formats, unitName],
  )

  /** A score as a percentage of target: 0.39 → "39 %". */
  const percent = useCallback((score: number) => formats.percent.format(score), [formats])

  const day = useCallback((value: string) => formats.day.format(dayOf(value)), [formats])

  const moment = useCallback((value: string) => formats.moment.format(new Date(value)), [formats])

  /** The period a value stands for, named by the KPI's frequency: "noiembrie 2026", "Q4 2026". */
  const period = useCallback(
    (start: string, frequency: Frequency) => {
      const date = dayOf(start)
      switch (frequency) {
        case 'monthly':
          return formats.month.format(date)
        case 'quarterly':
          return t('period.quarter', {
            quarter: Math.floor(date.getUTCMonth() / 3) + 1,
            year: date.getUTCFullYear(),
          })
        case 'yearly':
          return formats.year.format(date)
        case 'weekly':
          return t('period.week', { date: formats.day.format(date) })
        default:
          return formats.day.format(date)
      }
    },
    [formats, t],
  )

  const kpiName = useCallback((kpi: Kpi) => localized(kpi.name), [localized])

  return {
    t,
    language,
    localized,
    languageOf,
    number,
    unitName,
    valueWithUnit,
    percent,
    day,
    moment,
    period,
    kpiName,
  }
}

export type DashboardWords = ReturnType<typeof useDashboardWords>
