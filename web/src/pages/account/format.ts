import { useTranslation } from 'react-i18next'

/** Dates and times as the reader's language writes them. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation()
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' })
  return (iso) => format.format(new Date(iso))
}
