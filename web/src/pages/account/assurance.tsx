import { useTranslation } from 'react-i18next'
import type { Level } from './account-api.ts'

/** A level of assurance in plain words: what it means and how to reach the next one. */
export function AssuranceExplained({ level }: { level: Level }) {
  const { t } = useTranslation('account')
  return (
    <div className="assurance">
      <p>
        <strong className={`badge badge--${level}`}>{t(`assurance.levels.${level}`)}</strong>{' '}
        {t(`assurance.meaning.${level}`)}
      </p>
      <p>{t(`assurance.howToRaise.${level}`)}</p>
    </div>
  )
}
