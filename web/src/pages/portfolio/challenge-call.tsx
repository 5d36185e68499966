import { Link } from 'react-router'
import { ScrollRegion } from '../live/parts.tsx'
import type { Call } from './challenge-api.ts'
import { LocalText } from './local-text.tsx'
import type { StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** The call: what it asks for, the objectives it targets, how proposals are judged and when. */
export function ChallengeCall({
  call,
  objectives,
}: {
  call: Call
  objectives: Map<string, StrategyElement>
}) {
  const { t, word, moment } = usePortfolioWords()
  const { dates } = call
  const steps = [
    {
      key: 'submissions',
      label: t('challenge.dates.submissions'),
      from: dates.submissionsOpen,
      to: dates.submissionsClose,
    },
    {
      key: 'evaluation',
      label: t('challenge.dates.evaluation'),
      from: dates.submissionsClose,
      to: dates.evaluationClose,
    },
    ...(call.publicVote && dates.votingOpen && dates.votingClose
      ? [{ key: 'voting', label: t('challenge.dates.voting'), from: dates.votingOpen, to: dates.votingClose }]
      : []),
    {
      key: 'results',
      label: t('challenge.dates.results'),
      from: call.resultsPublishedAt ?? dates.resultsAt,
      to: null,
    },
  ]
  return (
    <>
      <p className={`phase phase--${call.phase}`}>
        <strong>{t('challenge.phaseNow', { phase: word('phases', call.phase) })}</strong>{' '}
        {word('phaseHints', call.phase)}
      </p>
      <p className="lead">
        <LocalText value={call.description} />
      </p>
      <section aria-labelledby="call-dates-heading">
        <h2 id="call-dates-heading">{t('challenge.dates.heading')}</h2>
        <ol className="call-dates">
          {steps.map((step) => (
            <li key={step.key} aria-current={call.phase === step.key ? 'step' : undefined}>
              <strong>{step.label}</strong>:{' '}
              {step.to
                ? t('challenge.dates.between', { from: moment(step.from), to: moment(step.to) })
                : moment(step.from)}
              {call.phase === step.key && <span className="tag tag--now">{t('challenge.dates.now')}</span>}
            </li>
          ))}
        </ol>
        {!call.publicVote && <p className="hint">{t('challenge.noPublicVote')}</p>}
      </section>
      <section aria-labelledby="call-objectives-heading">
        <h2 id="call-objectives-heading">{t('challenge.objectives')}</h2>
        <ul className="strategy-links">
          {call.objectives.map((key) => {
            const objective = objectives.get(key)
            return (
              <li key={key}>
                <Link to={`/strategy/element/${encodeURIComponent(key)}`}>
                  {objective?.code && <span className="objective-code">{objective.code}</span>}
                  {objective ? <LocalText value={objective.title} /> : key}
                </Link>
              </li>
            )
          })}
        </ul>
      </section>
      <section aria-labelledby="call-criteria-heading">
        <h2 id="call-criteria-heading">{t('challenge.criteria.heading')}</h2>
        <ScrollRegion label={t('challenge.criteria.heading')}>
          <table className="milestones">
            <caption className="visually-hidden">{t('challenge.criteria.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('challenge.criteria.criterion')}</th>
                <th scope="col">{t('challenge.criteria.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {call.criteria.map((criterion) => (
                <tr key={criterion.key}>
                  <th scope="row">
                    <LocalText value={criterion.title} />
                  </th>
                  <td className="number">{criterion.weight} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="hint">{t('challenge.criteria.hint')}</p>
      </section>
    </>
  )
}
