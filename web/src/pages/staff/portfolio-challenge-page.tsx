import { useCallback } from 'react'
import { useParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { useResource } from '../../use-resource.ts'
import { StaffPage } from './parts.tsx'
import type { PortfolioAccess } from './portfolio-access.ts'
import { type Call, getCall, getJuryWork } from './portfolio-api.ts'
import { JuryWorklist } from './portfolio-challenge-jury.tsx'
import { ChallengeOffice } from './portfolio-challenge-office.tsx'
import { Pending } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** /staff/portfolio/challenge/:year — the office runs the call; each juror scores their worklist. */
export function PortfolioChallengePage({ access }: { access: PortfolioAccess }) {
  const { t, text } = useBoardWords()
  const year = Number(useParams().year)
  const load = useCallback((signal: AbortSignal) => getCall(year, signal), [year])
  const [call, reload] = useResource(load, 'reload')
  const title =
    call.status === 'ready'
      ? t('challenge.title', { year, theme: text(call.data.theme) })
      : t('challenge.loading', { year })
  return (
    <StaffPage
      title={title}
      back={
        access.any
          ? { to: '/staff/portfolio', label: t('project.back') }
          : { to: '/staff', label: t('common.back') }
      }
    >
      <Pending resource={call} onRetry={() => void reload()} />
      {call.status === 'ready' && (
        <>
          <CallFacts call={call.data} />
          {access.manageChallenge && <ChallengeOffice call={call.data} onChanged={reload} />}
          <Jury call={call.data} office={access.manageChallenge} />
        </>
      )}
    </StaffPage>
  )
}

function CallFacts({ call }: { call: Call }) {
  const { t, word, moment } = useBoardWords()
  const dates = [
    ['submissionsOpen', call.dates.submissionsOpen],
    ['submissionsClose', call.dates.submissionsClose],
    ['evaluationClose', call.dates.evaluationClose],
    ['votingOpen', call.dates.votingOpen],
    ['votingClose', call.dates.votingClose],
    ['resultsAt', call.dates.resultsAt],
  ] as const
  return (
    <>
      <p className="phase">
        {t('challenge.phase')} <strong>{word('phases', call.phase)}</strong>
      </p>
      <dl className="facts">
        {dates.map(
          ([name, value]) =>
            value && (
              <div key={name}>
                <dt>{t(`challenge.dates.${name}`)}</dt>
                <dd>{moment(value)}</dd>
              </div>
            ),
        )}
      </dl>
    </>
  )
}

/** The juror's part, for whoever the office appointed; the office, when not on the jury, sees nothing of it. */
function Jury({ call, office }: { call: Call; office: boolean }) {
  const { t } = useBoardWords()
  const load = useCallback((signal: AbortSignal) => getJuryWork(call.year, signal), [call.year])
  const [work, reload] = useResource(load, 'reload')
  const notJuror = work.status === 'error' && work.error instanceof ApiError && work.error.status === 403
  if (notJuror) return office ? null : <p className="notice">{t('jury.notJuror', { year: call.year })}</p>
  return (
    <section className="panel" aria-labelledby="jury">
      <h2 id="jury">{t('jury.title')}</h2>
      <Pending resource={work} onRetry={() => void reload()} />
      {work.status === 'ready' && <JuryWorklist call={call} work={work.data} onChanged={reload} />}
    </section>
  )
}
