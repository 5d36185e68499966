import { type FormEvent, useCallback, useState } from 'react'
import { Link } from 'react-router'
import { ApiError } from '../../api.ts'
import { ConfirmQuestion } from '../../components/confirm-question.tsx'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import {
  type Call,
  challengeApi,
  getAllSubmissions,
  getJurors,
  getResults,
  projectPath,
  publicProjectPath,
  type Submission,
} from './portfolio-api.ts'
import { Local, Pending } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** The office's part of a call: eligibility, the jury and its progress, the results and the winner's pilot. */
export function ChallengeOffice({ call, onChanged }: { call: Call; onChanged: () => Promise<void> }) {
  const loadSubmissions = useCallback(
    (signal: AbortSignal) => getAllSubmissions(call.year, signal),
    [call.year],
  )
  const [submissions, reloadSubmissions] = useResource(loadSubmissions, 'reload')
  const eligible =
    submissions.status === 'ready'
      ? submissions.data.items.filter((s) => s.eligibility === 'eligible').length
      : 0
  return (
    <>
      <Submissions call={call} submissions={submissions} reload={reloadSubmissions} />
      <Jurors call={call} eligible={eligible} />
      <Results
        call={call}
        onChanged={async () => void (await Promise.all([onChanged(), reloadSubmissions()]))}
      />
    </>
  )
}

function Submissions({
  call,
  submissions,
  reload,
}: {
  call: Call
  submissions: ReturnType<typeof useResource<{ items: Submission[] }>>[0]
  reload: () => Promise<void>
}) {
  const { t } = useBoardWords()
  const open = call.phase === 'upcoming' || call.phase === 'submissions'
  return (
    <section className="panel" aria-labelledby="submissions">
      <h2 id="submissions">{t('office.submissionsTitle')}</h2>
      {open && <p className="hint">{t('office.eligibilityLater')}</p>}
      <Pending resource={submissions} onRetry={() => void reload()} />
      {submissions.status === 'ready' &&
        (submissions.data.items.length === 0 ? (
          <p>{t('office.noSubmissions')}</p>
        ) : (
          <ul className="worklist">
            {submissions.data.items.map((submission) => (
              <SubmissionItem
                key={submission.id}
                call={call}
                submission={submission}
                open={open}
                onChanged={reload}
              />
            ))}
          </ul>
        ))}
    </section>
  )
}

function SubmissionItem({
  call,
  submission,
  open,
  onChanged,
}: {
  call: Call
  submission: Submission
  open: boolean
  onChanged: () => Promise<void>
}) {
  const { t, text, word, formats } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const name = text(submission.title)
  const headingId = `office-${submission.id}`

  const decide = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    void run(async () => {
      await send(`${challengeApi(call.year)}/submissions/${submission.id}/eligibility`, 'PUT', {
        eligibility: String(fields.get('eligibility')),
        reason: String(fields.get('reason') ?? '').trim(),
      })
      await onChanged()
    })
  }

  return (
    <li>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Local value={submission.title} />
        </h3>
        <p>
          <Local value={submission.summary} />
        </p>
        <p className="muted">
          {t('office.asked', { budget: formats.euros.format(submission.budgetAsked) })}
          {submission.organisation && (
            <>
              {' · '}
              <Local value={submission.organisation.name} />
            </>
          )}
        </p>
        <p>
          <span className={`eligibility eligibility--${submission.eligibility}`}>
            {word('eligibility', submission.eligibility)}
          </span>
          {submission.eligibilityReason && <span> — {submission.eligibilityReason}</span>}
        </p>
        {!open && !call.resultsPublishedAt && (
          <form className="form form--inline" onSubmit={decide} aria-label={t('office.decideFor', { name })}>
            <LabelledField label={t('office.eligibility')}>
              {(control) => (
                <select
                  {...control}
                  name="eligibility"
                  defaultValue={submission.eligibility === 'ineligible' ? 'ineligible' : 'eligible'}
                >
                  <option value="eligible">{word('eligibility', 'eligible')}</option>
                  <option value="ineligible">{word('eligibility', 'ineligible')}</option>
                </select>
              )}
            </LabelledField>
            <LabelledField label={t('office.reason')} hint={t('office.reasonHint')}>
              {(control) => (
                <input
                  {...control}
                  name="reason"
                  required
                  maxLength={1000}
                  defaultValue={submission.eligibilityReason ?? ''}
                />
              )}
            </LabelledField>
            <div className="actions">
              <SubmitButton busy={busy} label={t('office.decide')} />
            </div>
          </form>
        )}
        <ProblemAlert error={error} />
      </article>
    </li>
  )
}

function Jurors({ call, eligible }: { call: Call; eligible: number }) {
  const { t } = useBoardWords()
  const { send } = useSession()
  const load = useCallback((signal: AbortSignal) => getJurors(call.year, signal), [call.year])
  const [jurors, reload] = useResource(load, 'reload')
  const { busy, error, run } = useAction()
  const [appointed, setAppointed] = useState(false)

  const appoint = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const email = String(new FormData(form).get('email') ?? '').trim()
    setAppointed(false)
    void run(async () => {
      await send(`${challengeApi(call.year)}/jurors`, 'POST', { email })
      form.reset()
      setAppointed(true)
      await reload()
    })
  }
  const remove = (id: string) =>
    void run(async () => {
      await send(`${challengeApi(call.year)}/jurors/${id}`, 'DELETE')
      await reload()
    })

  return (
    <section className="panel" aria-labelledby="jurors">
      <h2 id="jurors">{t('office.jurorsTitle')}</h2>
      <p className="hint">{t('office.jurorsHint')}</p>
      <Pending resource={jurors} onRetry={() => void reload()} />
      {jurors.status === 'ready' &&
        (jurors.data.items.length === 0 ? (
          <p>{t('office.noJurors')}</p>
        ) : (
          <ul className="juror-list">
            {jurors.data.items.map((juror) => (
              <li key={juror.id}>
                <span>
                  <strong>{juror.displayName}</strong> <span className="muted">{juror.email}</span>
                </span>
                <span>
                  {t('office.jurorProgress', {
                    scored: juror.scored,
                    total: eligible,
                    conflicts: juror.conflicts,
                  })}
                </span>
                {!call.resultsPublishedAt && (
                  <button
                    type="button"
                    className="button--secondary"
                    disabled={busy}
                    onClick={() => remove(juror.id)}
                  >
                    {t('office.removeJuror')}
                    <span className="visually-hidden">: {juror.displayName}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {!call.resultsPublishedAt && (
        <form className="form form--inline" onSubmit={appoint} aria-label={t('office.appoint')}>
          <LabelledField label={t('office.jurorEmail')}>
            {(control) => (
              <input {...control} name="email" type="email" required autoComplete="off" maxLength={254} />
            )}
          </LabelledField>
          <div className="actions">
            <SubmitButton busy={busy} label={t('office.appoint')} />
          </div>
        </form>
      )}
      <ProblemAlert error={error} />
      {appointed && <Done>{t('office.appointed')}</Done>}
    </section>
  )
}

function Results({ call, onChanged }: { call: Call; onChanged: () => Promise<void> }) {
  const { t, formats, text } = useBoardWords()
  const { send } = useSession()
  const load = useCallback((signal: AbortSignal) => getResults(call.year, signal), [call.year])
  const [results, reload] = useResource(load, 'reload')
  const { busy, error, run } = useAction()
  const [confirming, setConfirming] = useState(false)
  const [pilot, setPilot] = useState<string | null>(null)
  const sealed =
    results.status === 'error' && results.error instanceof ApiError && results.error.status === 409

  const publish = () =>
    void run(async () => {
      await send(`${challengeApi(call.year)}/results/publish`, 'POST')
      setConfirming(false)
      await Promise.all([reload(), onChanged()])
    })
  const makePilot = (id: string) =>
    void run(async () => {
      const project = await send<{ slug: string }>(
        `${challengeApi(call.year)}/submissions/${id}/pilot`,
        'POST',
      )
      setPilot(project.slug)
      await reload()
    })

  return (
    <section className="panel" aria-labelledby="results">
      <h2 id="results">{t('office.resultsTitle')}</h2>
      {sealed ? (
        <p className="notice">{(results.error as ApiError).message}</p>
      ) : (
        <Pending resource={results} onRetry={() => void reload()} />
      )}
      {results.status === 'ready' && (
        <>
          <p>{results.data.published ? t('office.published') : t('office.preview')}</p>
          {results.data.ranking.length === 0 ? (
            <p>{t('office.noRanking')}</p>
          ) : (
            <table className="data-table ranking-table" aria-labelledby="results">
              <thead>
                <tr>
                  <th scope="col">{t('office.rank')}</th>
                  <th scope="col">{t('office.submission')}</th>
                  <th scope="col">{t('office.juryScore')}</th>
                  <th scope="col">{t('office.votes')}</th>
                  <th scope="col">{t('office.pilot')}</th>
                </tr>
              </thead>
              <tbody>
                {results.data.ranking.map((entry) => (
                  <tr key={entry.submission.id}>
                    <td data-label={t('office.rank')}>{entry.rank}</td>
                    <th scope="row">
                      <Local value={entry.submission.title} />
                    </th>
                    <td data-label={t('office.juryScore')}>
                      {entry.juryScore === null ? '—' : formats.number.format(entry.juryScore)}{' '}
                      <span className="muted">({t('office.jurors', { count: entry.jurors })})</span>
                    </td>
                    <td data-label={t('office.votes')}>{entry.votes}</td>
                    <td data-label={t('office.pilot')}>
                      {entry.project ? (
                        <Link to={projectPath(entry.project)}>{t('office.pilotProject')}</Link>
                      ) : results.data.published ? (
                        <button type="button" disabled={busy} onClick={() => makePilot(entry.submission.id)}>
                          {t('office.makePilot')}
                          <span className="visually-hidden">: {text(entry.submission.title)}</span>
                        </button>
                      ) : (
                        <span className="muted">{t('office.afterPublishing')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!results.data.published &&
            (confirming ? (
              <ConfirmQuestion
                question={t('office.publishQuestion')}
                confirm={t('office.publishConfirm')}
                cancel={t('common.cancel')}
                busy={busy}
                onConfirm={publish}
                onCancel={() => setConfirming(false)}
              />
            ) : (
              <div className="actions">
                <button type="button" onClick={() => setConfirming(true)}>
                  {t('office.publish')}
                </button>
              </div>
            ))}
        </>
      )}
      <ProblemAlert error={error} />
      {pilot && (
        <Done>
          {t('office.pilotMade')} <Link to={projectPath(pilot)}>{t('office.pilotManage')}</Link> ·{' '}
          <Link to={publicProjectPath(pilot)}>{t('office.pilotPublic')}</Link>
        </Done>
      )}
    </section>
  )
}
