import { Link } from 'react-router'
import { usePortfolioAccess } from './portfolio-access.ts'
import { useBoardWords } from './portfolio-words.ts'

/** The back office's entry to the portfolio, for the office and the organisations that own projects. */
export function PortfolioTool() {
  const { t } = useBoardWords()
  if (!usePortfolioAccess().any) return null
  return (
    <li>
      <h2>
        <Link to="/staff/portfolio">{t('tool.title')}</Link>
      </h2>
      <p>{t('tool.text')}</p>
    </li>
  )
}
