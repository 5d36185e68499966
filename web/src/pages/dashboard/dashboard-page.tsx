import { useCallback, useId, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { CopyButton } from './copy-button.tsx'
import {
  type Dashboard,
  type DashboardFilter,
  dashboardQuery,
  getDashboard,
  type Kpi,
  type ObjectiveScore,
  type SeriesPoint,
} from './dashboard-api.ts'
import { DashboardFilters } from './dashboard-filters.tsx'
import { EmbedSnippet } from './embed-snippet.tsx'
import { KpiCard } from './kpi-card.tsx'
import { ScoreChange, ScoreMeter } from './kpi-parts.tsx'
import { useDashboardWords } from './words.ts'

const NO_POINTS: SeriesPoint[] = []

function filterOf(query: URLSearchParams): DashboardFilter {
  return {
    objective: query.get('objective') || undefined,
    from: query.get('from') || undefined,
    to: query.get('to') || undefined,
  }
}

/**
 * The public city dashboard: the city's score, each objective's, and their KPIs. The period is read
 * from the server; the objective is picked from the same answer, so changing it costs no request.
 */
export function DashboardPage() {
  const { t, localized } = useDashboardWords()
  const [query, setQuery] = useSearchParams()
  const filter = filterOf(query)
  const { objective, from, to } = filter
  const period = dashboardQuery({ from, to })

  const load = useCallback(
    async (signal: AbortSignal) => ({ period, dashboard: await getDashboard({ from, to }, signal) }),
    [period, from, to],
  )
  const [resource, reload] = useResource(load, 'always')

  const change = (next: DashboardFilter) => setQuery(dashboardQuery(next), { replace: true })

  return (
    <SectionPage section="dashboard" title={t('title')} lead={t('lead')}>
      {resource.status === 'loading' && <Working>{t('loading')}</Working>}
      {resource.status === 'error' && (
        <ProblemAlert error={resource.error} lead={t('problem')} onRetry={() => void reload()} />
      )}
      {resource.status === 'ready' && (
        <>
          <DashboardFilters
            filter={filter}
            objectives={resource.data.dashboard.objectives}
            onChange={change}
          />
          <div className="dashboard-share">
            <CopyButton
              text={window.location.href}
              label={t('share.copy')}
              copied={t('share.copied')}
              manual={t('share.manual')}
              field={t('share.address')}
            />
          </div>
          {resource.data.period !== period && <Working>{t('filters.updating')}</Working>}
          <DashboardView dashboard={resource.data.dashboard} objective={objective} />
          <EmbedSnippet
            heading={t('embed.viewHeading')}
            height={objective ? 480 : 420}
            path={objective ? `/embed/objective/${encodeURIComponent(objective)}` : '/embed/city'}
            title={
              objective
                ? localized(
                    resource.data.dashboard.objectives.find((item) => item.key === objective)?.title ?? {
                      ro: objective,
                    },
                  )
                : t('widget.cityTitle')
            }
          />
        </>
      )}
    </SectionPage>
  )
}

function DashboardView({ dashboard, objective }: { dashboard: Dashboard; objective: string | undefined }) {
  const { t } = useDashboardWords()
  const kpis = useMemo(() => new Map(dashboard.kpis.map((kpi) => [kpi.slug, kpi])), [dashboard])
  const series = useMemo(() => new Map(dashboard.series.map((item) => [item.slug, item.points])), [dashboard])
  const shown = dashboard.objectives.filter(
    (item) =>
      (objective ? item.key === objective : true) && (item.kpis.length > 0 || item.key !== 'transversal'),
  )
  // KPIs that serve no objective (only a core project) still belong on the dashboard.
  const linked = new Set(dashboard.objectives.flatMap((item) => item.kpis))
  const others = objective ? [] : dashboard.kpis.filter((kpi) => !linked.has(kpi.slug))

  return (
    <>
      {!objective && (
        <section className="city-score" aria-labelledby="city-score-heading">
          <h2 id="city-score-heading">{t('city.heading')}</h2>
          <ScoreMeter score={dashboard.city.score} size="large" />
          <ScoreChange
            score={dashboard.city.score}
            previous={dashboard.city.previousScore}
            from={dashboard.period.from}
          />
          <p className="hint">{t('scoreHelp')}</p>
          <ObjectiveSummary objectives={shown} />
        </section>
      )}
      {shown.map((item) => (
        <ObjectiveSection
          key={item.key}
          objective={item}
          kpis={item.kpis.flatMap((slug) => kpis.get(slug) ?? [])}
          series={series}
          from={dashboard.period.from}
        />
      ))}
      {objective && shown.length === 0 && <p className="notice">{t('objective.none')}</p>}
      {others.length > 0 && (
        <section className="objective" aria-labelledby="other-kpis">
          <h2 id="other-kpis">{t('objective.others')}</h2>
          <KpiList kpis={others} series={series} />
        </section>
      )}
    </>
  )
}

/** The objectives' scores at a glance, each linking to its part of the page. */
function ObjectiveSummary({ objectives }: { objectives: ObjectiveScore[] }) {
  const { t, localized } = useDashboardWords()
  return (
    <>
      <h3>{t('city.objectivesHeading')}</h3>
      <ul className="objective-summary">
        {objectives.map((item) => (
          <li key={item.key}>
            <a href={`#${item.key}`} className="objective-summary__title">
              {item.code ? `${item.code}. ` : ''}
              {localized(item.title)}
            </a>
            <ScoreMeter score={item.score} />
          </li>
        ))}
      </ul>
    </>
  )
}

function ObjectiveSection({
  objective,
  kpis,
  series,
  from,
}: {
  objective: ObjectiveScore
  kpis: Kpi[]
  series: Map<string, SeriesPoint[]>
  from: string | null
}) {
  const { t, localized } = useDashboardWords()
  const id = useId()
  const title = localized(objective.title)
  return (
    <section className="objective" id={objective.key} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {objective.code && objective.key !== 'transversal'
          ? t('objective.heading', { code: objective.code, title })
          : t('objective.headingNoCode', { title })}
      </h2>
      <div className="objective__score">
        <p className="objective__score-label">{t('objective.scoreLabel')}</p>
        <ScoreMeter score={objective.score} />
        <ScoreChange score={objective.score} previous={objective.previousScore} from={from} />
      </div>
      {kpis.length === 0 ? (
        <p className="notice">{t('objective.none')}</p>
      ) : (
        <KpiList kpis={kpis} series={series} />
      )}
    </section>
  )
}

function KpiList({ kpis, series }: { kpis: Kpi[]; series: Map<string, SeriesPoint[]> }) {
  return (
    <ul className="kpi-list">
      {kpis.map((kpi) => (
        <KpiCard key={kpi.slug} kpi={kpi} points={series.get(kpi.slug) ?? NO_POINTS} />
      ))}
    </ul>
  )
}
