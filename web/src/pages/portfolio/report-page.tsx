import { useCallback } from 'react'
import { Link, useParams } from 'react-router'
import { getJson } from '../../api.ts'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { ScrollRegion } from '../live/parts.tsx'
import { CompletionBar } from './completion-bar.tsx'
import { LocalText } from './local-text.tsx'
import type { Kind, Localized, Status } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

type Owner = { slug: string; name: Localized } | null
type KpiCounts = Record<'met' | 'on_track' | 'at_risk' | 'missed' | 'unknown', number>

/** The Chief Innovation Officer's report (src/modules/portfolio/report/report-schemas.ts). */
type Report = {
  year: number
  period: { from: string; to: string }
  generatedAt: string
  projects: {
    total: number
    atRisk: number
    items: {
      slug: string
      kind: Kind
      status: Status
      title: Localized
      owner: Owner
      completion: number | null
      atRisk: boolean
    }[]
    completedInYear: { slug: string; title: Localized; owner: Owner; completedOn: string }[]
  }
  objectives: {
    city: { start: number | null; end: number | null }
    kpis: { total: number; automatic: number; manual: number; byStatus: KpiCounts }
    items: {
      key: string
      code: string | null
      title: Localized
      start: number | null
      end: number | null
      kpis: { total: number; byStatus: KpiCounts }
    }[]
  }
  pilots: {
    items: {
      slug: string
      title: Localized
      owner: Owner
      decision: 'scale' | 'iterate' | 'abandon'
      reasons: Localized | null
      lessons: Localized | null
      decidedAt: string
    }[]
  }
  challenge: {
    theme: Localized
    submissions: number
    participants: number
    published: boolean
    ranking: {
      rank: number
      title: Localized
      organisation: Owner
      score: number | null
      votes: number
      pilot: string | null
    }[]
  } | null
  plan: { text: Localized; updatedAt: string } | null
}

const kindOrder: Kind[] = ['core', 'flexible', 'pilot']

/** The yearly report, as a page that prints well, with the PDF the server makes in the reader's language. */
export function ReportPage() {
  const { year = '' } = useParams()
  const { t, language } = usePortfolioWords()
  const load = useCallback(
    (signal: AbortSignal) => getJson<Report>(`/api/portfolio/reports/${encodeURIComponent(year)}`, signal),
    [year],
  )
  const [resource, reload] = useResource(load)
  return (
    <SectionPage
      section="portfolio report"
      title={t('report.title', { year })}
      back={{ to: '/projects', label: t('project.back') }}
    >
      <p className="report__download">
        <a href={`/api/portfolio/reports/${encodeURIComponent(year)}.pdf?lang=${language}`} download>
          {t('report.download')}
        </a>
      </p>
      {resource.status === 'loading' && <Working>{t('report.loading')}</Working>}
      {resource.status === 'error' && (
        <ProblemAlert error={resource.error} lead={t('report.problem')} onRetry={() => void reload()} />
      )}
      {resource.status === 'ready' && <ReportView report={resource.data} />}
    </SectionPage>
  )
}

function ReportView({ report }: { report: Report }) {
  const { t, word, day, moment, percent } = usePortfolioWords()
  const score = (value: number | null) => (value === null ? t('report.noScore') : percent(value * 100))
  const projects = [...report.projects.items].sort(
    (a, b) =>
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (b.completion ?? -1) - (a.completion ?? -1),
  )
  return (
    <>
      <p className="lead">
        {t('report.lead', { from: day(report.period.from), to: day(report.period.to) })}{' '}
        <span className="muted">{t('report.generated', { date: moment(report.generatedAt) })}</span>
      </p>

      <section aria-labelledby="report-projects">
        <h2 id="report-projects">{t('report.projects')}</h2>
        <p>{t('report.projectsSummary', { total: report.projects.total, atRisk: report.projects.atRisk })}</p>
        <ScrollRegion label={t('report.projects')}>
          <table className="milestones report-table">
            <caption className="visually-hidden">{t('report.projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.project')}</th>
                <th scope="col">{t('filters.kind')}</th>
                <th scope="col">{t('filters.status')}</th>
                <th scope="col">{t('completion.label')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.slug}>
                  <th scope="row">
                    <Link to={`/projects/${encodeURIComponent(project.slug)}`}>
                      <LocalText value={project.title} />
                    </Link>
                    {project.atRisk && <span className="tag tag--risk">{t('risk.label')}</span>}
                  </th>
                  <td>{word('kinds', project.kind)}</td>
                  <td>{word('statuses', project.status)}</td>
                  <td className="report-table__completion">
                    <CompletionBar completion={project.completion} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {report.projects.completedInYear.length > 0 && (
          <>
            <h3>{t('report.completedInYear')}</h3>
            <ul>
              {report.projects.completedInYear.map((project) => (
                <li key={project.slug}>
                  <LocalText value={project.title} /> ({day(project.completedOn)})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="report-kpis">
        <h2 id="report-kpis">{t('report.kpis')}</h2>
        <p>
          {t('report.cityScore', {
            start: score(report.objectives.city.start),
            end: score(report.objectives.city.end),
          })}{' '}
          {t('report.kpiCounts', {
            total: report.objectives.kpis.total,
            automatic: report.objectives.kpis.automatic,
            manual: report.objectives.kpis.manual,
          })}
        </p>
        <ScrollRegion label={t('report.kpis')}>
          <table className="milestones">
            <caption className="visually-hidden">{t('report.kpis')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.objectives')}</th>
                <th scope="col">{t('report.scoreStart')}</th>
                <th scope="col">{t('report.scoreEnd')}</th>
                <th scope="col">{t('report.kpisMet')}</th>
              </tr>
            </thead>
            <tbody>
              {report.objectives.items.map((objective) => (
                <tr key={objective.key}>
                  <th scope="row">
                    {objective.code && <span className="objective-code">{objective.code}</span>}
                    <LocalText value={objective.title} />
                  </th>
                  <td className="number">{score(objective.start)}</td>
                  <td className="number">{score(objective.end)}</td>
                  <td className="number">
                    {t('report.metOf', { met: objective.kpis.byStatus.met, total: objective.kpis.total })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="hint">{t('report.scoreHint')}</p>
      </section>

      <section aria-labelledby="report-pilots">
        <h2 id="report-pilots">{t('report.pilots')}</h2>
        {report.pilots.items.length === 0 ? (
          <p className="notice">{t('report.noPilots')}</p>
        ) : (
          <ul className="report-pilots">
            {report.pilots.items.map((pilot) => (
              <li key={pilot.slug} className="report-pilot">
                <h3>
                  <Link to={`/projects/${encodeURIComponent(pilot.slug)}`}>
                    <LocalText value={pilot.title} />
                  </Link>
                </h3>
                <p>
                  <strong>{word('pilotStages', pilot.decision)}</strong> ({day(pilot.decidedAt)})
                </p>
                {pilot.reasons && (
                  <p>
                    {t('pilot.reasons')}: <LocalText value={pilot.reasons} />
                  </p>
                )}
                {pilot.lessons && (
                  <p>
                    {t('pilot.lessons')}: <LocalText value={pilot.lessons} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="report-challenge">
        <h2 id="report-challenge">{t('report.challenge')}</h2>
        {!report.challenge ? (
          <p className="notice">{t('report.noChallenge')}</p>
        ) : (
          <>
            <p>
              <LocalText value={report.challenge.theme} />:{' '}
              {t('report.challengeSummary', {
                submissions: report.challenge.submissions,
                participants: report.challenge.participants,
              })}{' '}
              <Link to={`/projects/challenge/${report.year}`}>{t('report.challengeLink')}</Link>
            </p>
            {report.challenge.ranking.length > 0 ? (
              <ol>
                {report.challenge.ranking.map((entry) => (
                  <li key={entry.rank}>
                    <LocalText value={entry.title} />
                    {entry.rank === 1 && (
                      <span className="tag tag--winner">{t('challenge.results.winner')}</span>
                    )}
                    {entry.pilot && (
                      <>
                        {' '}
                        <Link to={`/projects/${encodeURIComponent(entry.pilot)}`}>
                          {t('challenge.results.pilot')}
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('report.notPublished')}</p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="report-plan">
        <h2 id="report-plan">{t('report.plan', { year: report.year + 1 })}</h2>
        {report.plan ? (
          <p className="report-plan">
            <LocalText value={report.plan.text} />
          </p>
        ) : (
          <p className="notice">{t('report.noPlan')}</p>
        )}
      </section>
    </>
  )
}
