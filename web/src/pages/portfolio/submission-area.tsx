import { useCallback, useState } from 'react'
import { Link } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useResource } from '../../use-resource.ts'
import { type Call, getMySubmissions } from './challenge-api.ts'
import type { StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { SubmissionForm } from './submission-form.tsx'

/** During the submission phase: the way to sign in, or one's own proposal to write or change until the deadline. */
export function SubmissionArea({
  call,
  objectives,
}: {
  call: Call
  objectives: Map<string, StrategyElement>
}) {
  const { t, moment } = usePortfolioWords()
  const { state } = useSession()
  return (
    <section aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t('submit.heading')}</h2>
      <p>{t('submit.rule', { deadline: moment(call.dates.submissionsClose) })}</p>
      {state.status === 'loading' && <Working quiet>{t('submit.checking')}</Working>}
      {state.status === 'anonymous' && (
        <p className="notice">
          {t('submit.signIn')} <Link to="/account/sign-in">{t('submit.signInLink')}</Link>
        </p>
      )}
      {state.status === 'signed-in' && <MySubmission call={call} objectives={objectives} />}
    </section>
  )
}

function MySubmission({ call, objectives }: { call: Call; objectives: Map<string, StrategyElement> }) {
  const { t } = usePortfolioWords()
  const load = useCallback((signal: AbortSignal) => getMySubmissions(call.year, signal), [call.year])
  const [mine, reload] = useResource(load, 'reload')
  // Kept here: saving a new proposal gives it an id, and the form is drawn anew for it.
  const [saved, setSaved] = useState(false)
  const afterSave = useCallback(async () => {
    setSaved(true)
    await reload()
  }, [reload])
  if (mine.status === 'loading') return <Working>{t('submit.checking')}</Working>
  if (mine.status === 'error') return <ProblemAlert error={mine.error} onRetry={() => void reload()} />
  const existing = mine.data[0]
  return (
    <SubmissionForm
      key={existing?.id ?? 'new'}
      call={call}
      objectives={objectives}
      existing={existing}
      saved={saved}
      onSaved={afterSave}
    />
  )
}
