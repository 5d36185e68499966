import { type FormEvent, useState } from 'react'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { LocalizedFields, localizedOf } from '../strategy/localized-fields.tsx'
import type { PortfolioAccess } from './portfolio-access.ts'
import { NEXT_STAGES, type PilotStage, type Project, projectApi } from './portfolio-api.ts'
import { Local } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

const DECISIONS: readonly PilotStage[] = ['scale', 'iterate', 'abandon']

/** The board's decision on a pilot: evaluated, then scale, iterate or abandon, always with reasons and lessons. */
export function PilotDecision({
  project,
  access,
  onChanged,
}: {
  project: Project
  access: PortfolioAccess
  onChanged: () => Promise<void>
}) {
  const { t, word, moment } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const pilot = project.pilot!
  const next = NEXT_STAGES[pilot.stage]
  const [stage, setStage] = useState<PilotStage | ''>('')
  const [done, setDone] = useState<PilotStage | null>(null)
  const deciding = DECISIONS.includes(stage as PilotStage)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!stage) return
    const fields = new FormData(event.currentTarget)
    setDone(null)
    void run(async () => {
      await send(`${projectApi(project.slug)}/pilot`, 'PUT', {
        stage,
        ...(deciding
          ? { reasons: localizedOf(fields, 'reasons'), lessons: localizedOf(fields, 'lessons') }
          : {}),
      })
      setDone(stage)
      setStage('')
      await onChanged()
    })
  }

  return (
    <section className="panel" aria-labelledby="pilot">
      <h2 id="pilot">{t('pilot.title')}</h2>
      <p>
        {t('pilot.now', { stage: word('stages', pilot.stage) })}
        {pilot.decidedAt && <span className="muted"> ({moment(pilot.decidedAt)})</span>}
      </p>
      {pilot.reasons && (
        <p>
          <strong>{t('pilot.reasons')}:</strong> <Local value={pilot.reasons} />
        </p>
      )}
      {pilot.lessons && (
        <p>
          <strong>{t('pilot.lessons')}:</strong> <Local value={pilot.lessons} />
        </p>
      )}
      {next.length === 0 ? (
        <p className="notice">{t('pilot.final')}</p>
      ) : !access.decidePilots ? (
        <p className="notice">{t('pilot.boardOnly')}</p>
      ) : (
        <form className="form board-form" onSubmit={submit}>
          <fieldset>
            <legend>{t('pilot.next')}</legend>
            {next.map((option) => (
              <div className="choice" key={option}>
                <input
                  type="radio"
                  id={`stage-${option}`}
                  name="stage"
                  value={option}
                  required
                  checked={stage === option}
                  onChange={() => setStage(option)}
                />
                <label htmlFor={`stage-${option}`}>{t(`pilot.to.${option}`)}</label>
              </div>
            ))}
          </fieldset>
          {deciding && (
            <>
              <p className="hint">{t('pilot.explain')}</p>
              <LocalizedFields name="reasons" legend={t('pilot.reasons')} multiline maxLength={4000} />
              <LocalizedFields name="lessons" legend={t('pilot.lessons')} multiline maxLength={4000} />
            </>
          )}
          <ProblemAlert error={error} />
          <div className="actions">
            <SubmitButton busy={busy} label={t('pilot.submit')} />
          </div>
        </form>
      )}
      {done && <Done>{t('pilot.done', { stage: word('stages', done) })}</Done>}
    </section>
  )
}
