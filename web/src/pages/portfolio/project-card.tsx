import { Link } from 'react-router'
import { CompletionBar } from './completion-bar.tsx'
import { LocalText } from './local-text.tsx'
import type { Project, StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { PeriodText, ProjectBadges } from './project-badges.tsx'

/** One project in the portfolio: its title (a link to its page), kind, status, owner, period and completion. */
export function ProjectCard({
  project,
  objectives,
}: {
  project: Project
  objectives: Map<string, StrategyElement>
}) {
  const { t } = usePortfolioWords()
  return (
    <li
      className={`project-card project-card--${project.kind}${project.atRisk ? ' project-card--risk' : ''}`}
    >
      <h3 className="project-card__title">
        <Link to={`/projects/${encodeURIComponent(project.slug)}`}>
          <LocalText value={project.title} />
        </Link>
      </h3>
      <ProjectBadges project={project} />
      <dl className="project-card__facts">
        <div>
          <dt>{t('fields.owner')}</dt>
          <dd>{project.owner ? <LocalText value={project.owner.name} /> : t('fields.noOwner')}</dd>
        </div>
        <div>
          <dt>{t('fields.period')}</dt>
          <dd>
            <PeriodText period={project.period} />
          </dd>
        </div>
        {project.objectives.length > 0 && (
          <div>
            <dt>{t('fields.objectives')}</dt>
            <dd>
              <ul className="inline-list">
                {project.objectives.map((key) => {
                  const objective = objectives.get(key)
                  return (
                    <li key={key}>
                      {objective ? (
                        <>
                          {objective.code && <span className="objective-code">{objective.code}</span>}
                          <LocalText value={objective.title} />
                        </>
                      ) : (
                        key
                      )}
                    </li>
                  )
                })}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <CompletionBar completion={project.completion} />
    </li>
  )
}
