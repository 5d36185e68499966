import { ScrollRegion } from '../live/parts.tsx'
import { LocalText } from './local-text.tsx'
import type { Milestone } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** The milestones with their weights and progress, and how they make the project's completion. */
export function MilestonesTable({
  milestones,
  completion,
}: {
  milestones: Milestone[]
  completion: number | null
}) {
  const { t, day, number, percent } = usePortfolioWords()
  if (milestones.length === 0) return <p className="notice">{t('milestones.none')}</p>
  const total = milestones.reduce((sum, milestone) => sum + milestone.weight, 0)
  return (
    <>
      <ScrollRegion label={t('milestones.caption')}>
        <table className="milestones">
          <caption className="visually-hidden">{t('milestones.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('milestones.title')}</th>
              <th scope="col">{t('milestones.weight')}</th>
              <th scope="col">{t('milestones.due')}</th>
              <th scope="col">{t('milestones.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((milestone) => (
              <tr key={milestone.id}>
                <th scope="row">
                  <LocalText value={milestone.title} />
                </th>
                <td className="number">{number(milestone.weight)}</td>
                <td>{milestone.dueDate ? day(milestone.dueDate) : t('milestones.noDue')}</td>
                <td className="number">{percent(milestone.progress)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('milestones.total')}</th>
              <td className="number">{number(total)}</td>
              <td />
              <td className="number">{completion === null ? '—' : percent(Math.round(completion))}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <p className="hint">{t('milestones.rollUp')}</p>
    </>
  )
}
