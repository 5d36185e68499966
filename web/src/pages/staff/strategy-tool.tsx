import { Link } from 'react-router'
import { useStrategyAccess } from '../strategy/strategy-access.ts'
import { useStrategyWords } from '../strategy/strategy-words.ts'

/** The back office's entry to the management dashboard, for those who answer for KPIs. */
export function StrategyTool() {
  const { t } = useStrategyWords()
  if (!useStrategyAccess().measureKpis) return null
  return (
    <li>
      <h2>
        <Link to="/staff/strategy">{t('staffTool.name')}</Link>
      </h2>
      <p>{t('staffTool.text')}</p>
    </li>
  )
}
