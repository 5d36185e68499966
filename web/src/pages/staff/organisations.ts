import { useTranslation } from 'react-i18next'
import type { Organisation } from './staff-api.ts'

/** The organisation's name in the reader's language when the server knows it. */
export function useOrganisationName(): (organisation: Organisation) => string {
  const { i18n } = useTranslation()
  return (organisation) => organisation.names[i18n.resolvedLanguage ?? ''] ?? organisation.name
}
