import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getJson } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import type { SessionItem } from './account-api.ts'
import { useFormatDate } from './format.ts'
import { FormProblem } from './problem.tsx'
import { SectionLoading } from './section-loading.tsx'

const loadSessions = (signal: AbortSignal) =>
  getJson<{ items: SessionItem[] }>('/api/account/sessions', signal)

export function SessionsPage() {
  const { t } = useTranslation('account')
  const { send } = useSession()
  const formatDate = useFormatDate()
  const [sessions, reload] = useResource(loadSessions, 'always')
  const { run, busy, error } = useAction()
  const [ended, setEnded] = useState<string | null>(null)
  useDocumentTitle(t('sessions.title'))

  const end = (session: SessionItem) =>
    void run(async () => {
      await send(`/api/account/sessions/${session.id}`, 'DELETE')
      setEnded(t('sessions.endedOne'))
      reload()
    })
  const endOthers = () =>
    void run(async () => {
      const { ended: count } = await send<{ ended: number }>('/api/account/sessions', 'DELETE')
      setEnded(t('sessions.endedOthers', { count }))
      reload()
    })

  return (
    <>
      <h1>{t('sessions.title')}</h1>
      <p className="lead">{t('sessions.intro')}</p>
      <SectionLoading resource={sessions} onRetry={reload}>
        {(data) => (
          <>
            <ul className="cards">
              {data.items.map((session) => (
                <li key={session.id} className="card">
                  <p className="card__title">
                    {session.userAgent || t('sessions.unknownBrowser')}
                    {session.current && <strong className="badge badge--ok">{t('sessions.current')}</strong>}
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>{t('sessions.address')}</dt>
                      <dd>{session.ip}</dd>
                    </div>
                    <div>
                      <dt>{t('sessions.started')}</dt>
                      <dd>{formatDate(session.createdAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('sessions.lastSeen')}</dt>
                      <dd>{formatDate(session.lastSeenAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('sessions.expires')}</dt>
                      <dd>{formatDate(session.expiresAt)}</dd>
                    </div>
                  </dl>
                  {!session.current && (
                    <button
                      type="button"
                      className="button--secondary"
                      disabled={busy}
                      onClick={() => end(session)}
                      aria-label={t('sessions.endNamed', {
                        browser: session.userAgent || t('sessions.unknownBrowser'),
                        date: formatDate(session.lastSeenAt),
                      })}
                    >
                      {t('sessions.end')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <FormProblem error={error} />
            <p role="status">{ended ?? ''}</p>
            {data.items.some((session) => !session.current) && (
              <button type="button" disabled={busy} onClick={endOthers}>
                {busy ? `${t('sessions.endOthers')}…` : t('sessions.endOthers')}
              </button>
            )}
          </>
        )}
      </SectionLoading>
    </>
  )
}
