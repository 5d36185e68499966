import { Link } from 'react-router'
import { Fact } from '../../components/fact.tsx'
import type { Kpi, StrategyElement } from './dashboard-api.ts'
import { TargetText } from './kpi-card.tsx'
import { ScoreMeter, SourceBadge, TrendText } from './kpi-parts.tsx'
import { LocalizedText } from './localized-text.tsx'
import { useDashboardWords } from './words.ts'

/** What a KPI is: who answers for it, how often and which way it is measured, what it serves and why. */
export function KpiFacts({ kpi, elements }: { kpi: Kpi; elements: StrategyElement[] }) {
  const { t, localized, valueWithUnit, day } = useDashboardWords()
  const titled = new Map(elements.map((element) => [element.key, element]))
  const titleOf = (key: string) => {
    const element = titled.get(key)
    if (!element) return key
    const title = localized(element.title)
    return element.code ? `${element.code}. ${title}` : title
  }
  return (
    <section aria-labelledby="kpi-facts-heading">
      <h2 id="kpi-facts-heading">{t('kpiPage.facts')}</h2>
      <dl className="facts facts--compact">
        <Fact term={t('kpi.target')}>
          <TargetText kpi={kpi} />
        </Fact>
        <Fact term={t('kpi.score')}>
          <ScoreMeter score={kpi.score} />
        </Fact>
        <Fact term={t('kpi.trend')}>
          <TrendText trend={kpi.trend} />
        </Fact>
        <Fact term={t('kpiPage.baseline')}>
          {kpi.baseline
            ? t('kpiPage.valueOn', {
                value: valueWithUnit(kpi.baseline.value, kpi.unit),
                date: day(kpi.baseline.date),
              })
            : t('kpiPage.noBaseline')}
        </Fact>
        <Fact term={t('kpiPage.direction')}>{t(`direction.${kpi.direction}`)}</Fact>
        <Fact term={t('kpiPage.frequency')}>{t(`frequency.${kpi.frequency}`)}</Fact>
        <Fact term={t('kpiPage.owner')}>{localized(kpi.owner.name)}</Fact>
        <Fact term={t('kpiPage.isoTheme')}>{kpi.isoTheme ?? t('kpiPage.noTheme')}</Fact>
        <Fact term={t('kpiPage.objectives')}>
          {kpi.objectives.length === 0 ? (
            t('kpiPage.none')
          ) : (
            <ul className="plain-list">
              {kpi.objectives.map((key) => (
                <li key={key}>
                  <Link to={`/dashboard?objective=${encodeURIComponent(key)}`}>{titleOf(key)}</Link>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('kpiPage.coreProjects')}>
          {kpi.coreProjects.length === 0 ? (
            t('kpiPage.none')
          ) : (
            <ul className="plain-list">
              {kpi.coreProjects.map((key) => (
                <li key={key}>{titleOf(key)}</li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact term={t('kpiPage.source')}>
          <SourceBadge kpi={kpi} long />
        </Fact>
        {kpi.sourceNote && (
          <Fact term={t('kpiPage.why')}>
            <LocalizedText text={kpi.sourceNote} />
          </Fact>
        )}
      </dl>
    </section>
  )
}
