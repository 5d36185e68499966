import { useCallback } from 'react'
import { useParams } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { EXPORTS, getElements, getKpiHistory, type StrategyElement } from './dashboard-api.ts'
import { EmbedSnippet } from './embed-snippet.tsx'
import { LatestValue } from './kpi-card.tsx'
import { KpiFacts } from './kpi-facts.tsx'
import { SourceBadge, StatusBadge } from './kpi-parts.tsx'
import { LocalizedText } from './localized-text.tsx'
import { MeasurementsTable } from './measurements-table.tsx'
import { SeriesChart } from './series-chart.tsx'
import { useDashboardWords } from './words.ts'

/** Titles name the objectives and core projects; without them the keys still say which. */
const elementsOf = (kind: string, signal: AbortSignal) =>
  getElements(kind, signal).catch((error: unknown) => {
    if (signal.aborted) throw error
    return [] as StrategyElement[]
  })

/** One KPI: what it measures, its facts, every value recorded, open data and a widget for other sites. */
export function KpiPage() {
  const { slug = '' } = useParams()
  const { t, kpiName } = useDashboardWords()
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [history, objectives, transversal, coreProjects] = await Promise.all([
        getKpiHistory(slug, signal),
        elementsOf('objective', signal),
        elementsOf('transversal_objective', signal),
        elementsOf('core_project', signal),
      ])
      return { ...history, elements: [...transversal, ...objectives, ...coreProjects] }
    },
    [slug],
  )
  const [resource, reload] = useResource(load)
  const back = { to: '/dashboard', label: t('kpiPage.back') }

  if (resource.status !== 'ready')
    return (
      <SectionPage section="dashboard" title={t('title')} back={back}>
        {resource.status === 'loading' ? (
          <Working>{t('kpiPage.loading')}</Working>
        ) : (
          <ProblemAlert error={resource.error} lead={t('kpiPage.problem')} onRetry={() => void reload()} />
        )}
      </SectionPage>
    )

  const { kpi, measurements, elements } = resource.data
  const name = kpiName(kpi)
  const current = measurements.filter((measurement) => !measurement.superseded)
  return (
    <SectionPage section="dashboard" title={name} back={back} lead={<LocalizedText text={kpi.description} />}>
      <p className="kpi-card__badges">
        <SourceBadge kpi={kpi} />
        <StatusBadge status={kpi.status} />
      </p>
      <LatestValue kpi={kpi} />
      <KpiFacts kpi={kpi} elements={elements} />

      <h2>{t('kpiPage.chartHeading')}</h2>
      {current.length >= 2 ? (
        <SeriesChart
          name={name}
          unit={kpi.unit}
          frequency={kpi.frequency}
          target={kpi.target?.value ?? null}
          points={current}
        />
      ) : (
        <p className="notice">{t('kpiPage.fewMeasurements')}</p>
      )}

      <h2 id="measurements-heading">{t('kpiPage.measurementsHeading')}</h2>
      {measurements.length === 0 ? (
        <p className="notice">
          {kpi.source === 'manual' ? t('kpi.awaitingManual') : t('kpiPage.noMeasurements')}
        </p>
      ) : (
        <MeasurementsTable kpi={kpi} measurements={measurements} />
      )}

      <h2>{t('kpiPage.openData')}</h2>
      <p>{t('kpiPage.openDataText')}</p>
      <ul className="exports">
        {EXPORTS.map((item) => (
          <li key={item.href}>
            <a href={item.href} download={item.file}>
              {item.file}
            </a>
          </li>
        ))}
      </ul>

      <EmbedSnippet
        heading={t('embed.kpiHeading')}
        path={`/embed/kpi/${encodeURIComponent(kpi.slug)}`}
        title={name}
      />
    </SectionPage>
  )
}
