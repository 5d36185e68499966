import { Link } from 'react-router'
import type { Results } from './challenge-api.ts'
import { LocalText } from './local-text.tsx'
import type { StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { SubmissionTeam } from './submission-list.tsx'

/** The published ranking: the winner marked, each proposal's jury score and votes, and the pilot it became. */
export function ChallengeResults({
  results,
  objectives,
}: {
  results: Results
  objectives: Map<string, StrategyElement>
}) {
  const { t, number, moment } = usePortfolioWords()
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('challenge.results.heading')}</h2>
      {results.publishedAt && (
        <p className="muted">{t('challenge.results.published', { date: moment(results.publishedAt) })}</p>
      )}
      {results.ranking.length === 0 ? (
        <p className="notice">{t('challenge.noSubmissions')}</p>
      ) : (
        <ol className="ranking">
          {results.ranking.map((entry) => (
            <li
              key={entry.submission.id}
              className={entry.rank === 1 ? 'ranking__entry ranking__entry--winner' : 'ranking__entry'}
            >
              <p className="ranking__rank">
                {t('challenge.results.rank', { rank: entry.rank })}
                {entry.rank === 1 && (
                  <span className="tag tag--winner">
                    <span aria-hidden="true">★ </span>
                    {t('challenge.results.winner')}
                  </span>
                )}
              </p>
              <h3 className="submission__title">
                <LocalText value={entry.submission.title} />
              </h3>
              <SubmissionTeam submission={entry.submission} />
              <p>
                <LocalText value={entry.submission.summary} />
              </p>
              <dl className="ranking__figures">
                <div>
                  <dt>{t('challenge.results.juryScore')}</dt>
                  <dd>
                    {entry.juryScore === null
                      ? t('challenge.results.noScore')
                      : t('challenge.results.score', {
                          score: number(entry.juryScore),
                          jurors: entry.jurors,
                        })}
                  </dd>
                </div>
                <div>
                  <dt>{t('challenge.results.votes')}</dt>
                  <dd>{entry.votes}</dd>
                </div>
                <div>
                  <dt>{t('fields.objectives')}</dt>
                  <dd>
                    {entry.submission.objectives.map((key) => objectives.get(key)?.code ?? key).join(', ')}
                  </dd>
                </div>
              </dl>
              {entry.project && (
                <p>
                  <Link to={`/projects/${encodeURIComponent(entry.project)}`}>
                    {t('challenge.results.pilot')}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="hint">{t('challenge.results.hint')}</p>
    </section>
  )
}
