import { type FormEvent, useState } from 'react'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { type Call, challengeApi, type JuryWork, type Submission } from './portfolio-api.ts'
import { Local } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

type Item = JuryWork['submissions'][number]

/** A juror's eligible submissions: each scored per criterion 0–10, or declined for a conflict of interest. */
export function JuryWorklist({
  call,
  work,
  onChanged,
}: {
  call: Call
  work: JuryWork
  onChanged: () => Promise<void>
}) {
  const { t, moment } = useBoardWords()
  const scored = work.submissions.filter(
    (item) => item.conflict || item.scores.length === call.criteria.length,
  ).length
  return (
    <>
      <p className="sealed">{t('jury.sealed', { at: moment(call.dates.evaluationClose) })}</p>
      {call.phase !== 'evaluation' && call.phase !== 'voting' && (
        <p className="notice">
          {t('jury.window', {
            from: moment(call.dates.submissionsClose),
            to: moment(call.dates.evaluationClose),
          })}
        </p>
      )}
      {work.submissions.length === 0 ? (
        <p>{t('jury.none')}</p>
      ) : (
        <>
          <p>{t('jury.progress', { scored, total: work.submissions.length })}</p>
          <ul className="worklist">
            {work.submissions.map((item) => (
              <WorkItem key={item.submission.id} call={call} item={item} onChanged={onChanged} />
            ))}
          </ul>
        </>
      )}
    </>
  )
}

function WorkItem({ call, item, onChanged }: { call: Call; item: Item; onChanged: () => Promise<void> }) {
  const { t, text, formats } = useBoardWords()
  const { submission } = item
  const headingId = `submission-${submission.id}`
  return (
    <li>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Local value={submission.title} />
        </h3>
        <p>
          <Local value={submission.summary} />
        </p>
        <dl className="facts facts--compact">
          <div>
            <dt>{t('jury.pilotPlan')}</dt>
            <dd>
              <Local value={submission.pilotPlan} />
            </dd>
          </div>
          <div>
            <dt>{t('jury.budget')}</dt>
            <dd>{formats.euros.format(submission.budgetAsked)}</dd>
          </div>
          <div>
            <dt>{t('jury.team')}</dt>
            <dd>
              <Team submission={submission} />
            </dd>
          </div>
        </dl>
        {item.conflict ? (
          <p className="notice">{t('jury.declared', { reason: item.conflict })}</p>
        ) : (
          <>
            <ScoreForm call={call} item={item} name={text(submission.title)} onChanged={onChanged} />
            <ConflictForm
              year={call.year}
              id={submission.id}
              name={text(submission.title)}
              onChanged={onChanged}
            />
          </>
        )}
      </article>
    </li>
  )
}

function Team({ submission }: { submission: Submission }) {
  const { t } = useBoardWords()
  const names = submission.team.map((member) => `${member.name} (${member.role})`)
  if (submission.organisation)
    return (
      <>
        <Local value={submission.organisation.name} />
        {names.length > 0 && `: ${names.join(', ')}`}
      </>
    )
  return names.length > 0 ? names.join(', ') : <span className="muted">{t('jury.noTeam')}</span>
}

function ScoreForm({
  call,
  item,
  name,
  onChanged,
}: {
  call: Call
  item: Item
  name: string
  onChanged: () => Promise<void>
}) {
  const { t, text } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState(false)
  const mine = new Map(item.scores.map((score) => [score.criterion, score]))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    setSaved(false)
    void run(async () => {
      await send(`${challengeApi(call.year)}/submissions/${item.submission.id}/scores`, 'PUT', {
        scores: call.criteria.map((criterion) => ({
          criterion: criterion.key,
          score: Number(fields.get(`score-${criterion.key}`)),
          comment: String(fields.get(`comment-${criterion.key}`) ?? '').trim() || null,
        })),
      })
      setSaved(true)
      await onChanged()
    })
  }

  return (
    <form className="form board-form score-form" onSubmit={submit} aria-label={t('jury.scoreFor', { name })}>
      {call.criteria.map((criterion) => (
        <fieldset key={criterion.key}>
          <legend>
            {text(criterion.title)}{' '}
            <span className="muted">({t('jury.weight', { weight: criterion.weight })})</span>
          </legend>
          <div className="form--inline">
            <LabelledField label={t('jury.score')} hint={t('jury.scoreHint')}>
              {(control) => (
                <input
                  {...control}
                  name={`score-${criterion.key}`}
                  type="number"
                  min={0}
                  max={10}
                  step={0.5}
                  required
                  defaultValue={mine.get(criterion.key)?.score ?? ''}
                />
              )}
            </LabelledField>
            <LabelledField label={t('jury.comment')}>
              {(control) => (
                <textarea
                  {...control}
                  name={`comment-${criterion.key}`}
                  rows={2}
                  maxLength={2000}
                  defaultValue={mine.get(criterion.key)?.comment ?? ''}
                />
              )}
            </LabelledField>
          </div>
        </fieldset>
      ))}
      <ProblemAlert error={error} />
      {saved && <Done>{t('jury.saved')}</Done>}
      <div className="actions">
        <SubmitButton
          busy={busy}
          label={item.scores.length > 0 ? t('jury.rescore') : t('jury.submitScores')}
        />
      </div>
    </form>
  )
}

function ConflictForm({
  year,
  id,
  name,
  onChanged,
}: {
  year: number
  id: string
  name: string
  onChanged: () => Promise<void>
}) {
  const { t } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [open, setOpen] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim()
    void run(async () => {
      await send(`${challengeApi(year)}/submissions/${id}/conflict`, 'PUT', { reason })
      await onChanged()
    })
  }

  if (!open)
    return (
      <button type="button" className="button--secondary" onClick={() => setOpen(true)}>
        {t('jury.conflict')}
        <span className="visually-hidden">: {name}</span>
      </button>
    )
  return (
    <form className="form board-form" onSubmit={submit} aria-label={t('jury.conflictFor', { name })}>
      <p className="hint">{t('jury.conflictHint')}</p>
      <LabelledField label={t('jury.conflictReason')}>
        {(control) => <textarea {...control} name="reason" rows={2} required maxLength={1000} />}
      </LabelledField>
      <ProblemAlert error={error} />
      <div className="actions">
        <SubmitButton busy={busy} label={t('jury.conflictSubmit')} />
        <button type="button" className="button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
