import { useState } from 'react'
import { ConfirmQuestion } from '../../components/confirm-question.tsx'
import { Done } from '../../components/done.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import type { PortfolioAccess } from './portfolio-access.ts'
import { NEXT_STATUSES, type Project, type ProjectStatus, projectApi } from './portfolio-api.ts'
import { useBoardWords } from './portfolio-words.ts'

/**
 * The steps the project may take from where it is: idea → proposed → approved → in progress →
 * completed | stopped. Approval is the board's and needs the assessments; the server says what is missing.
 */
export function Lifecycle({
  project,
  access,
  onChanged,
}: {
  project: Project
  access: PortfolioAccess
  onChanged: () => Promise<void>
}) {
  const { t, word } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [note, setNote] = useState('')
  const [stopping, setStopping] = useState(false)
  const [done, setDone] = useState<ProjectStatus | null>(null)
  const steps = NEXT_STATUSES[project.status]

  const move = (status: ProjectStatus) => {
    setDone(null)
    void run(async () => {
      await send(`${projectApi(project.slug)}/status`, 'PUT', {
        status,
        ...(note.trim() ? { note: { ro: note.trim() } } : {}),
      })
      setNote('')
      setStopping(false)
      setDone(status)
      await onChanged()
    })
  }

  return (
    <section className="panel" aria-labelledby="lifecycle">
      <h2 id="lifecycle">{t('lifecycle.title')}</h2>
      <p>{t('lifecycle.now', { status: word('statuses', project.status) })}</p>
      {steps.length === 0 ? (
        <p className="notice">{t('lifecycle.final')}</p>
      ) : (
        <>
          {steps.includes('approved') && (
            <p className="hint">
              {access.approve ? t('lifecycle.approvalNeeds') : t('lifecycle.approvalBoard')}
            </p>
          )}
          <LabelledField label={t('lifecycle.note')} hint={t('lifecycle.noteHint')}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </LabelledField>
          <div className="actions">
            {steps
              .filter((status) => status !== 'stopped' && (status !== 'approved' || access.approve))
              .map((status) => (
                <button key={status} type="button" disabled={busy} onClick={() => move(status)}>
                  {t(`lifecycle.to.${status}`)}
                </button>
              ))}
            {steps.includes('stopped') && !stopping && (
              <button
                type="button"
                className="button--secondary"
                disabled={busy}
                onClick={() => setStopping(true)}
              >
                {t('lifecycle.to.stopped')}
              </button>
            )}
          </div>
          {stopping && (
            <ConfirmQuestion
              question={t('lifecycle.stopQuestion')}
              confirm={t('lifecycle.stopConfirm')}
              cancel={t('common.cancel')}
              busy={busy}
              onConfirm={() => move('stopped')}
              onCancel={() => setStopping(false)}
            />
          )}
        </>
      )}
      <ProblemAlert error={error} lead={t('lifecycle.refused')} />
      {done && <Done>{t('lifecycle.done', { status: word('statuses', done) })}</Done>}
    </section>
  )
}
