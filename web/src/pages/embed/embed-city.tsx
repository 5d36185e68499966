import { useCallback } from 'react'
import { useResource } from '../../use-resource.ts'
import { getDashboard } from '../dashboard/dashboard-api.ts'
import { ScoreMeter } from '../dashboard/kpi-parts.tsx'
import { useDashboardWords } from '../dashboard/words.ts'
import { EmbedFrame, EmbedPending } from './embed-frame.tsx'

/** The city's score and each objective's, for another site. */
export function EmbedCity() {
  const { t, localized } = useDashboardWords()
  const load = useCallback((signal: AbortSignal) => getDashboard({}, signal), [])
  const [resource] = useResource(load)
  if (resource.status !== 'ready') return <EmbedPending resource={resource} link="/dashboard" />
  const { city, objectives } = resource.data
  return (
    <EmbedFrame title={t('widget.cityTitle')} link="/dashboard">
      <ScoreMeter score={city.score} size="large" />
      <h2 className="embed__subheading">{t('widget.objectivesList')}</h2>
      <ul className="embed__list embed__list--scores">
        {objectives
          .filter((objective) => objective.kpis.length > 0)
          .map((objective) => (
            <li key={objective.key}>
              <span className="embed__name">
                {objective.code ? `${objective.code}. ` : ''}
                {localized(objective.title)}
              </span>
              <ScoreMeter score={objective.score} />
            </li>
          ))}
      </ul>
    </EmbedFrame>
  )
}
