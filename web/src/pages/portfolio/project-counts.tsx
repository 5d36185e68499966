import { Link } from 'react-router'
import { filterQuery, KINDS, type Project, type ProjectFilter, STATUSES } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/**
 * How many projects of each kind and in each status the chosen objective has; each count is a link
 * that shows those projects.
 */
export function ProjectCounts({ projects, filter }: { projects: Project[]; filter: ProjectFilter }) {
  const { t, word } = usePortfolioWords()
  const inObjective = projects.filter(
    (project) => !filter.objective || project.objectives.includes(filter.objective),
  )
  const count = (test: (project: Project) => boolean) => inObjective.filter(test).length
  return (
    <section className="project-counts" aria-labelledby="project-counts-heading">
      <h2 id="project-counts-heading">{t('counts.heading', { count: inObjective.length })}</h2>
      <div className="project-counts__groups">
        <CountList
          heading={t('counts.byKind')}
          entries={KINDS.map((kind) => ({
            key: kind,
            label: word('kinds', kind),
            count: count((project) => project.kind === kind),
            to: filterQuery({ objective: filter.objective, kind }),
            current: filter.kind === kind && !filter.status,
          }))}
        />
        <CountList
          heading={t('counts.byStatus')}
          entries={STATUSES.map((status) => ({
            key: status,
            label: word('statuses', status),
            count: count((project) => project.status === status),
            to: filterQuery({ objective: filter.objective, status }),
            current: filter.status === status && !filter.kind,
          })).filter((entry) => entry.count > 0)}
        />
      </div>
    </section>
  )
}

type Entry = { key: string; label: string; count: number; to: string; current: boolean }

function CountList({ heading, entries }: { heading: string; entries: Entry[] }) {
  return (
    <div className="count-list">
      <h3>{heading}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <Link to={{ search: entry.to }} replace aria-current={entry.current ? 'true' : undefined}>
              <span className="count-list__figure">{entry.count}</span> {entry.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
