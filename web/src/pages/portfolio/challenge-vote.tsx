import { useCallback, useState } from 'react'
import { Link } from 'react-router'
import { ConfirmQuestion } from '../../components/confirm-question.tsx'
import { Done } from '../../components/done.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { type Call, getMyVote, type PublicSubmission, votesPath } from './challenge-api.ts'
import { LocalText } from './local-text.tsx'
import type { StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { SubmissionList } from './submission-list.tsx'

/** The public vote: one per verified resident, for one eligible submission, and final once cast. */
export function ChallengeVote({
  call,
  submissions,
  objectives,
}: {
  call: Call
  submissions: PublicSubmission[]
  objectives: Map<string, StrategyElement>
}) {
  const { t } = usePortfolioWords()
  const { state } = useSession()
  return (
    <section aria-labelledby="vote-heading">
      <h2 id="vote-heading">{t('vote.heading')}</h2>
      <p>{t('vote.rule')}</p>
      {state.status === 'loading' && <Working quiet>{t('vote.checking')}</Working>}
      {state.status === 'anonymous' && (
        <>
          <p className="notice">
            {t('vote.signIn')} <Link to="/account/sign-in">{t('vote.signInLink')}</Link>
          </p>
          <SubmissionList submissions={submissions} objectives={objectives} />
        </>
      )}
      {state.status === 'signed-in' &&
        (state.account.assurance.level === 'low' ? (
          <>
            <div className="notice">
              <p>{t('vote.verify')}</p>
              <p>
                <Link to="/account">{t('vote.verifyLink')}</Link>
              </p>
            </div>
            <SubmissionList submissions={submissions} objectives={objectives} />
          </>
        ) : (
          <Ballot year={call.year} submissions={submissions} objectives={objectives} />
        ))}
    </section>
  )
}

function Ballot({
  year,
  submissions,
  objectives,
}: {
  year: number
  submissions: PublicSubmission[]
  objectives: Map<string, StrategyElement>
}) {
  const { t, text, moment } = usePortfolioWords()
  const { send } = useSession()
  const load = useCallback((signal: AbortSignal) => getMyVote(year, signal), [year])
  const [mine, reload] = useResource(load, 'reload')
  const [asking, setAsking] = useState<PublicSubmission | null>(null)
  const { busy, error, run } = useAction()

  if (mine.status === 'loading') return <Working>{t('vote.checking')}</Working>
  if (mine.status === 'error') return <ProblemAlert error={mine.error} onRetry={() => void reload()} />
  const chosen = submissions.find((submission) => submission.id === mine.data.submission)

  const vote = async (submission: PublicSubmission) => {
    if (await run(() => send(votesPath(year), 'POST', { submission: submission.id }))) {
      setAsking(null)
      await reload()
    }
  }

  return (
    <>
      {mine.data.submission && (
        <Done>
          {t('vote.done', { date: mine.data.votedAt ? moment(mine.data.votedAt) : '' })}{' '}
          {chosen && <LocalText value={chosen.title} />}
        </Done>
      )}
      <ProblemAlert error={error} />
      <SubmissionList
        submissions={submissions}
        objectives={objectives}
        action={(submission) =>
          mine.data.submission ? (
            submission.id === mine.data.submission && <p className="tag tag--now">{t('vote.yours')}</p>
          ) : asking?.id === submission.id ? (
            <ConfirmQuestion
              question={t('vote.confirm')}
              confirm={t('vote.confirmYes')}
              cancel={t('vote.confirmNo')}
              busy={busy}
              onConfirm={() => void vote(submission)}
              onCancel={() => setAsking(null)}
            />
          ) : (
            <p>
              <button type="button" onClick={() => setAsking(submission)}>
                {t('vote.button')}
                <span className="visually-hidden">: {text(submission.title)}</span>
              </button>
            </p>
          )
        }
      />
    </>
  )
}
