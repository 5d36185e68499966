import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api.ts'
import { Working } from '../../components/working.tsx'
import { useDocumentTitle } from '../../use-document-title.ts'
import type { Resource } from '../../use-resource.ts'

/** A widget's page: one landmark, its title as the heading, and the way to the full dashboard. */
export function EmbedFrame({ title, link, children }: { title: string; link: string; children: ReactNode }) {
  const { t } = useTranslation('dashboard')
  useDocumentTitle(title)
  return (
    <main className="embed dashboard">
      <h1 className="embed__title">{title}</h1>
      {children}
      <p className="embed__more">
        <a href={link} target="_blank" rel="noopener">
          {t('widget.seeOnDashboard')} <span className="visually-hidden">{t('widget.newTab')}</span>
          <span aria-hidden="true"> ↗</span>
        </a>
      </p>
    </main>
  )
}

/** A widget still loading, or the reason it cannot show. */
export function EmbedPending({ resource, link }: { resource: Resource<unknown>; link: string }) {
  const { t } = useTranslation('dashboard')
  if (resource.status === 'loading')
    return (
      <EmbedFrame title={t('title')} link={link}>
        <Working>{t('loading')}</Working>
      </EmbedFrame>
    )
  if (resource.status !== 'error') return null
  const missing = resource.error instanceof ApiError && resource.error.status === 404
  return (
    <EmbedFrame title={t('widget.problem')} link={link}>
      <p className="embed__problem" role="alert">
        {missing ? t('widget.notFound') : t('widget.problem')}
      </p>
    </EmbedFrame>
  )
}
