import '../dashboard/dashboard.css'
import './embed.css'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes, useSearchParams } from 'react-router'
import { languages } from '../../i18n/i18n.ts'
import { EmbedCity } from './embed-city.tsx'
import { EmbedFrame } from './embed-frame.tsx'
import { EmbedKpi } from './embed-kpi.tsx'
import { EmbedObjective } from './embed-objective.tsx'

const isLanguage = (code: string | null) => languages.some((language) => language.code === code)

/**
 * The widgets other city sites frame. `?lang=` picks the language for this widget only: it is not
 * stored, so a visitor's own choice on the city's site stays as it was.
 */
export default function EmbedApp() {
  const { i18n } = useTranslation()
  const [query] = useSearchParams()
  const wanted = query.get('lang')
  const language = isLanguage(wanted) ? wanted : null

  useEffect(() => {
    if (language && i18n.resolvedLanguage !== language) void i18n.changeLanguage(language)
  }, [language, i18n])

  // Until the language is switched, nothing: a widget must not flash in another language.
  if (language && i18n.resolvedLanguage !== language) return null
  return (
    <Routes>
      <Route path="kpi/:slug" element={<EmbedKpi />} />
      <Route path="objective/:key" element={<EmbedObjective />} />
      <Route path="city" element={<EmbedCity />} />
      <Route path="*" element={<EmbedNotFound />} />
    </Routes>
  )
}

function EmbedNotFound() {
  const { t } = useTranslation('dashboard')
  return (
    <EmbedFrame title={t('widget.problem')} link="/dashboard">
      <p>{t('widget.notFound')}</p>
    </EmbedFrame>
  )
}
