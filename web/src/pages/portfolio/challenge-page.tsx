import { useCallback } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import {
  type Call,
  getCall,
  getCalls,
  getPublicSubmissions,
  getResults,
  type PublicSubmission,
  type Results,
} from './challenge-api.ts'
import { ChallengeCall } from './challenge-call.tsx'
import { ChallengeResults } from './challenge-results.tsx'
import { ChallengeVote } from './challenge-vote.tsx'
import { getObjectives, type StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { SubmissionArea } from './submission-area.tsx'
import { SubmissionList } from './submission-list.tsx'

type Loaded = {
  call: Call | null
  calls: Call[]
  objectives: Map<string, StrategyElement>
  submissions: PublicSubmission[]
  results: Results | null
}

/** Submissions are public once the deadline has passed; the ranking once it is published. */
const submissionsPublic = (call: Call) => !['upcoming', 'submissions'].includes(call.phase)

async function loadChallenge(year: number | undefined, signal: AbortSignal): Promise<Loaded> {
  const [calls, objectives] = await Promise.all([getCalls(signal), getObjectives(signal)])
  const call = year === undefined ? (calls[0] ?? null) : await getCall(year, signal)
  if (!call) return { call, calls, objectives, submissions: [], results: null }
  const [submissions, results] = await Promise.all([
    submissionsPublic(call) ? getPublicSubmissions(call.year, signal) : Promise.resolve([]),
    call.phase === 'results' ? getResults(call.year, signal) : Promise.resolve(null),
  ])
  return { call, calls, objectives, submissions, results }
}

/** The Cluj Digital Transformation Challenge of a year (the newest without one): the call, and what its phase lets people do. */
export function ChallengePage() {
  const { t, text } = usePortfolioWords()
  const { year: yearParam } = useParams()
  const year = yearParam === undefined ? undefined : Number(yearParam)
  const load = useCallback((signal: AbortSignal) => loadChallenge(year, signal), [year])
  const [resource, reload] = useResource(load, 'reload')
  const call = resource.status === 'ready' ? resource.data.call : null
  const title = call
    ? t('challenge.title', { year: call.year, theme: text(call.theme) })
    : t('challenge.heading')
  const missing =
    resource.status === 'error' && resource.error instanceof ApiError && resource.error.status === 404

  return (
    <SectionPage section="portfolio" title={title} back={{ to: '/projects', label: t('project.back') }}>
      {resource.status === 'loading' && <Working>{t('challenge.loading')}</Working>}
      {resource.status === 'error' &&
        (missing ? (
          <p className="notice">{t('challenge.noneThatYear', { year: yearParam })}</p>
        ) : (
          <ProblemAlert error={resource.error} lead={t('challenge.problem')} onRetry={() => void reload()} />
        ))}
      {resource.status === 'ready' && !call && <p className="notice">{t('challenge.none')}</p>}
      {resource.status === 'ready' && call && (
        <>
          <ChallengeCall call={call} objectives={resource.data.objectives} />
          {call.phase === 'submissions' && (
            <SubmissionArea call={call} objectives={resource.data.objectives} />
          )}
          {call.phase === 'voting' && (
            <ChallengeVote
              call={call}
              submissions={resource.data.submissions}
              objectives={resource.data.objectives}
            />
          )}
          {resource.data.results && (
            <ChallengeResults results={resource.data.results} objectives={resource.data.objectives} />
          )}
          {(call.phase === 'evaluation' || call.phase === 'awaiting_results') && (
            <section aria-labelledby="submissions-heading">
              <h2 id="submissions-heading">{t('challenge.submissions')}</h2>
              <SubmissionList submissions={resource.data.submissions} objectives={resource.data.objectives} />
            </section>
          )}
          <OtherYears calls={resource.data.calls} shown={call.year} />
        </>
      )}
    </SectionPage>
  )
}

function OtherYears({ calls, shown }: { calls: Call[]; shown: number }) {
  const { t, word, text } = usePortfolioWords()
  const others = calls.filter((call) => call.year !== shown)
  if (others.length === 0) return null
  return (
    <section aria-labelledby="other-years-heading">
      <h2 id="other-years-heading">{t('challenge.otherYears')}</h2>
      <ul>
        {others.map((call) => (
          <li key={call.year}>
            <Link to={`/projects/challenge/${call.year}`}>
              {t('challenge.title', { year: call.year, theme: text(call.theme) })}
            </Link>{' '}
            <span className="muted">({word('phases', call.phase)})</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
