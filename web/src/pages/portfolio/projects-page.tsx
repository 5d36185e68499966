import { useCallback, useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import {
  filterOf,
  filterQuery,
  getObjectives,
  getProjects,
  KINDS,
  type Project,
  type ProjectFilter,
  type StrategyElement,
} from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { ProjectCard } from './project-card.tsx'
import { ProjectCounts } from './project-counts.tsx'
import { ProjectFilters } from './project-filters.tsx'
import { ProjectsMap } from './projects-map.tsx'

/** Running work first, then what is decided, then ideas, then what has ended. */
const statusOrder: Project['status'][] = [
  'in_progress',
  'approved',
  'proposed',
  'idea',
  'completed',
  'stopped',
]

const loadPortfolio = async (signal: AbortSignal) => {
  const [projects, objectives] = await Promise.all([getProjects(signal), getObjectives(signal)])
  return { projects, objectives }
}

const matches = (project: Project, filter: ProjectFilter) =>
  (!filter.objective || project.objectives.includes(filter.objective)) &&
  (!filter.kind || project.kind === filter.kind) &&
  (!filter.status || project.status === filter.status)

/**
 * The public portfolio: core projects, the flexible portfolio and the pilots, filtered by objective,
 * kind and status. The whole list is read once; the filters only choose from it.
 */
export function ProjectsPage() {
  const { t } = usePortfolioWords()
  const [query, setQuery] = useSearchParams()
  const filter = filterOf(query)
  const [resource, reload] = useResource(loadPortfolio)
  const change = (next: ProjectFilter) => setQuery(filterQuery(next), { replace: true })

  return (
    <SectionPage section="portfolio" title={t('list.title')} lead={t('list.lead')}>
      <p className="portfolio-links">
        <Link to="/projects/challenge">{t('list.challengeLink')}</Link>
        <Link to={`/projects/report/${new Date().getFullYear()}`}>{t('list.reportLink')}</Link>
      </p>
      {resource.status === 'loading' && <Working>{t('list.loading')}</Working>}
      {resource.status === 'error' && (
        <ProblemAlert error={resource.error} lead={t('list.problem')} onRetry={() => void reload()} />
      )}
      {resource.status === 'ready' && (
        <Portfolio
          projects={resource.data.projects}
          objectives={resource.data.objectives}
          filter={filter}
          onChange={change}
        />
      )}
    </SectionPage>
  )
}

function Portfolio({
  projects,
  objectives,
  filter,
  onChange,
}: {
  projects: Project[]
  objectives: Map<string, StrategyElement>
  filter: ProjectFilter
  onChange: (filter: ProjectFilter) => void
}) {
  const { t, word, text, formats } = usePortfolioWords()
  const byTitle = useCallback(
    (a: Project, b: Project) => formats.collator.compare(text(a.title), text(b.title)),
    [formats, text],
  )
  const shown = useMemo(
    () =>
      projects
        .filter((project) => matches(project, filter))
        .sort((a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || byTitle(a, b)),
    [projects, filter, byTitle],
  )
  const used = new Set(projects.flatMap((project) => project.objectives))
  const objectiveChoices = [...objectives.values()].filter((objective) => used.has(objective.key))

  return (
    <>
      <ProjectFilters filter={filter} objectives={objectiveChoices} onChange={onChange} />
      <ProjectCounts projects={projects} filter={filter} />
      <ProjectsMap projects={shown} />
      <p className="project-total" role="status">
        {t('list.shown', { count: shown.length, total: projects.length })}
      </p>
      {shown.length === 0 && <p className="notice">{t('list.none')}</p>}
      {KINDS.map((kind) => {
        const group = shown.filter((project) => project.kind === kind)
        if (group.length === 0) return null
        return (
          <section key={kind} className="project-group" aria-labelledby={`group-${kind}`}>
            <h2 id={`group-${kind}`}>
              {word('kindGroups', kind)} <span className="project-group__count">({group.length})</span>
            </h2>
            <p className="hint">{word('kindLeads', kind)}</p>
            <ul className="project-list">
              {group.map((project) => (
                <ProjectCard key={project.slug} project={project} objectives={objectives} />
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}
