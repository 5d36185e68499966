import type { ParseKeys } from 'i18next'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DATA_THEMES, LICENCES } from '../../../../src/modules/catalog/vocabularies.ts'
import type { Language } from '../../i18n/i18n.ts'
import type { Organisation } from './catalog-api.ts'

type Localized = { ro: string; en?: string; hu?: string }

/**
 * The data pages' words: their translations (namespace `data`), texts the server keeps in three
 * languages picked in the reader's, the EU vocabularies' labels and numbers in the reader's style.
 */
export function useDataWords() {
  const { t, i18n } = useTranslation('data')
  const language = (i18n.resolvedLanguage ?? 'ro') as Language

  const text = useCallback(
    (value: Localized | null | undefined): string => (value ? (value[language] ?? value.ro) : ''),
    [language],
  )
  const themeName = useCallback(
    (code: string) => {
      const theme = DATA_THEMES[code]
      return theme ? theme[language] : code
    },
    [language],
  )
  const licenceName = useCallback((id: string) => LICENCES[id]?.title ?? id, [])
  const frequencyName = useCallback(
    (code: string) => t(`frequencies.${code}` as ParseKeys<'data'>, { defaultValue: code }) as string,
    [t],
  )
  const organisationName = useCallback(
    (organisation: Organisation) => organisation.names[language] ?? organisation.name,
    [language],
  )
  const formats = useMemo(
    () => ({
      number: new Intl.NumberFormat(language, { maximumFractionDigits: 6 }),
      integer: new Intl.NumberFormat(language, { maximumFractionDigits: 0 }),
      percent: new Intl.NumberFormat(language, { style: 'percent' }),
      collator: new Intl.Collator(language, { numeric: true }),
    }),
    [language],
  )
  const bytes = useCallback(
    (count: number) => {
      const units = ['B', 'kB', 'MB', 'GB']
      let value = count
      let unit = 0
      while (value >= 1000 && unit < units.length - 1) {
        value /= 1000
        unit += 1
      }
      return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`
    },
    [language],
  )
  return { t, language, text, themeName, licenceName, frequencyName, organisationName, formats, bytes }
}

export type DataWords = ReturnType<typeof useDataWords>
