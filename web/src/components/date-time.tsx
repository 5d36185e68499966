import { useTranslation } from 'react-i18next'

/** A time in the reader's time zone, written the way their language writes it; text that is no time, as it is. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const { i18n } = useTranslation()
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return <>{value}</>
  const text = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'medium',
    ...(dateOnly ? {} : { timeStyle: 'medium' }),
  }).format(date)
  return <time dateTime={date.toISOString()}>{text}</time>
}
