import { useCallback } from 'react'
import { useParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { useResource } from '../../use-resource.ts'
import { getDashboard } from '../dashboard/dashboard-api.ts'
import { ScoreMeter, StatusBadge } from '../dashboard/kpi-parts.tsx'
import { LocalizedText } from '../dashboard/localized-text.tsx'
import { useDashboardWords } from '../dashboard/words.ts'
import { EmbedFrame, EmbedPending } from './embed-frame.tsx'

/** One objective for another site: its score and the status of each of its KPIs. */
export function EmbedObjective() {
  const { key = '' } = useParams()
  const { t, localized } = useDashboardWords()
  const load = useCallback(
    async (signal: AbortSignal) => {
      const dashboard = await getDashboard({ objective: key }, signal)
      const objective = dashboard.objectives.find((item) => item.key === key)
      if (!objective) throw new ApiError(404, 'No such objective')
      return { dashboard, objective }
    },
    [key],
  )
  const [resource] = useResource(load)
  const link = `/dashboard?objective=${encodeURIComponent(key)}`
  if (resource.status !== 'ready') return <EmbedPending resource={resource} link={link} />
  const { dashboard, objective } = resource.data
  const title = localized(objective.title)
  const kpis = dashboard.kpis.filter((kpi) => objective.kpis.includes(kpi.slug))
  return (
    <EmbedFrame
      title={
        objective.code && key !== 'transversal'
          ? t('objective.heading', { code: objective.code, title })
          : title
      }
      link={link}
    >
      <ScoreMeter score={objective.score} size="large" />
      <h2 className="embed__subheading">{t('widget.kpisList')}</h2>
      <ul className="embed__list">
        {kpis.map((kpi) => (
          <li key={kpi.slug}>
            <span className="embed__name">
              <LocalizedText text={kpi.name} />
            </span>
            <StatusBadge status={kpi.status} />
          </li>
        ))}
      </ul>
    </EmbedFrame>
  )
}
