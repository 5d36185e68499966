import { useCallback } from 'react'
import { useParams } from 'react-router'
import { useResource } from '../../use-resource.ts'
import { getKpiHistory } from '../dashboard/dashboard-api.ts'
import { LatestValue, TargetText } from '../dashboard/kpi-card.tsx'
import { ScoreMeter, SourceBadge, StatusBadge } from '../dashboard/kpi-parts.tsx'
import { useDashboardWords } from '../dashboard/words.ts'
import { EmbedFrame, EmbedPending } from './embed-frame.tsx'
import { Sparkline } from './sparkline.tsx'

/** One KPI for another site: its value, target, score and status, and a line of its values. */
export function EmbedKpi() {
  const { slug = '' } = useParams()
  const { t, kpiName } = useDashboardWords()
  const load = useCallback((signal: AbortSignal) => getKpiHistory(slug, signal), [slug])
  const [resource] = useResource(load)
  const link = `/dashboard/kpi/${encodeURIComponent(slug)}`
  if (resource.status !== 'ready') return <EmbedPending resource={resource} link={link} />
  const { kpi, measurements } = resource.data
  return (
    <EmbedFrame title={kpiName(kpi)} link={link}>
      <p className="kpi-card__badges">
        <SourceBadge kpi={kpi} />
        <StatusBadge status={kpi.status} />
      </p>
      <LatestValue kpi={kpi} />
      <Sparkline points={measurements.filter((measurement) => !measurement.superseded)} />
      <dl className="kpi-facts">
        <div>
          <dt>{t('kpi.target')}</dt>
          <dd>
            <TargetText kpi={kpi} />
          </dd>
        </div>
        <div>
          <dt>{t('kpi.score')}</dt>
          <dd>
            <ScoreMeter score={kpi.score} />
          </dd>
        </div>
      </dl>
    </EmbedFrame>
  )
}
