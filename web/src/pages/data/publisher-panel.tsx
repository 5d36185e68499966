import type { ParseKeys } from 'i18next'
import { useCallback, useId, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { ConfirmQuestion } from '../../components/confirm-question.tsx'
import { Done } from '../../components/done.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { type Dataset, datasetPath, getQuality } from './catalog-api.ts'
import { Pending, ProblemAlert, StatusBadge } from './parts.tsx'
import { useDataWords } from './words.ts'

/** What only the dataset's publisher sees: its status and the buttons that change it, links to edit and upload, its quality. */
export function PublisherPanel({ dataset, onChanged }: { dataset: Dataset; onChanged: () => Promise<void> }) {
  const { t, text } = useDataWords()
  const id = useId()
  const { send } = useSession()
  const navigate = useNavigate()
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<string | null>(null)
  const [deleting, setDeleting] = useState(false)
  const loadQuality = useCallback((signal: AbortSignal) => getQuality(dataset.name, signal), [dataset.name])
  const [quality, reloadQuality] = useResource(loadQuality, 'reload')

  const setStatus = (status: 'published' | 'archived' | 'draft') =>
    void run(async () => {
      await send(`${datasetPath.api(dataset.name)}/status`, 'PUT', { status })
      await onChanged()
      await reloadQuality()
      setDone(t(`publisher.statusChanged.${status}`))
    })

  const remove = () =>
    void run(async () => {
      await send(datasetPath.api(dataset.name), 'DELETE')
      await navigate('/data?mine=true', { state: { deleted: text(dataset.title) } })
    })

  return (
    <section className="panel publisher" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('publisher.heading')}</h2>
      <p>
        {t('publisher.statusIs')} <StatusBadge status={dataset.status} />
      </p>
      <div className="actions">
        <Link className="button-link" to={datasetPath.edit(dataset.name)}>
          {t('publisher.edit')}
        </Link>
        <Link className="button-link" to={datasetPath.upload(dataset.name)}>
          {t('publisher.upload')}
        </Link>
        {dataset.status !== 'published' && (
          <button type="button" disabled={busy} onClick={() => setStatus('published')}>
            {t('publisher.publish')}
          </button>
        )}
        {dataset.status === 'published' && (
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            onClick={() => setStatus('archived')}
          >
            {t('publisher.archive')}
          </button>
        )}
        {dataset.status === 'archived' && (
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            onClick={() => setStatus('draft')}
          >
            {t('publisher.toDraft')}
          </button>
        )}
        {!deleting && (
          <button type="button" className="button--danger" disabled={busy} onClick={() => setDeleting(true)}>
            {t('publisher.delete')}
          </button>
        )}
      </div>
      {deleting && (
        <ConfirmQuestion
          question={t('publisher.confirmDelete', { title: text(dataset.title) })}
          confirm={t('publisher.confirmYes')}
          cancel={t('common.cancel')}
          busy={busy}
          onConfirm={remove}
          onCancel={() => setDeleting(false)}
        />
      )}
      <ProblemAlert error={error} lead={t('publisher.failed')} />
      {done && <Done>{done}</Done>}

      <h3>{t('quality.heading')}</h3>
      <Pending resource={quality} onRetry={() => void reloadQuality()} />
      {quality.status === 'ready' && (
        <div className="quality">
          <p className="quality__score">
            <meter
              min={0}
              max={100}
              low={50}
              high={80}
              optimum={100}
              value={quality.data.score}
              aria-hidden="true"
            />{' '}
            {t('quality.score', {
              score: quality.data.score,
              rating: t(`quality.ratings.${quality.data.rating}`),
            })}
          </p>
          {quality.data.checks.some((check) => !check.passed) ? (
            <>
              <p>{t('quality.toFix')}</p>
              <ul className="quality__tips">
                {quality.data.checks
                  .filter((check) => !check.passed)
                  .sort((a, b) => b.points - a.points)
                  .map((check) => (
                    <li key={check.id}>
                      {
                        t(`quality.tips.${check.id}` as ParseKeys<'data'>, {
                          defaultValue: check.tip,
                        }) as string
                      }{' '}
                      <span className="muted">
                        ({t('quality.points', { count: check.points - check.earned })})
                      </span>
                    </li>
                  ))}
              </ul>
            </>
          ) : (
            <p>{t('quality.allPassed')}</p>
          )}
        </div>
      )}
    </section>
  )
}
