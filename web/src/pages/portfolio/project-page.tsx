import { useCallback } from 'react'
import { Link, useParams } from 'react-router'
import { Fact } from '../../components/fact.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { SectionPage } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { AssessmentBadges } from './assessment-badges.tsx'
import { CompletionBar } from './completion-bar.tsx'
import { LocalText } from './local-text.tsx'
import { MilestonesTable } from './milestones-table.tsx'
import { PilotDecision } from './pilot-decision.tsx'
import {
  getElements,
  getObjectives,
  getProject,
  type ProjectDetail,
  type StrategyElement,
} from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'
import { PeriodText, ProjectBadges } from './project-badges.tsx'
import { ProjectDocuments, ProjectTimeline } from './project-timeline.tsx'

type Loaded = ProjectDetail & { elements: Map<string, StrategyElement> }

/** One project: what it is for, who does it, its money, its place in the strategy, progress and timeline. */
export function ProjectPage() {
  const { slug = '' } = useParams()
  const { t, text } = usePortfolioWords()
  const load = useCallback(
    async (signal: AbortSignal): Promise<Loaded> => {
      const [detail, objectives, directions] = await Promise.all([
        getProject(slug, signal),
        getObjectives(signal),
        getElements('direction', signal),
      ])
      return { ...detail, elements: new Map([...objectives, ...directions]) }
    },
    [slug],
  )
  const [resource, reload] = useResource(load)
  const title = resource.status === 'ready' ? text(resource.data.project.title) : t('project.loadingTitle')
  const back = { to: '/projects', label: t('project.back') }

  return (
    <SectionPage section="portfolio" title={title} back={back}>
      {resource.status === 'loading' && <Working>{t('project.loading')}</Working>}
      {resource.status === 'error' && (
        <ProblemAlert error={resource.error} lead={t('project.problem')} onRetry={() => void reload()} />
      )}
      {resource.status === 'ready' && <ProjectView {...resource.data} />}
    </SectionPage>
  )
}

function ProjectView({ project, updates, documents, elements }: Loaded) {
  const { t, word, euros } = usePortfolioWords()
  return (
    <>
      <ProjectBadges project={project} />
      <section className="project-need" aria-labelledby="need-heading">
        <h2 id="need-heading" className="visually-hidden">
          {t('fields.need')}
        </h2>
        <p className="lead">
          <LocalText value={project.need} />
        </p>
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('project.progress')}</h2>
        <CompletionBar completion={project.completion} />
        {project.atRisk && <p className="risk-note">{t('risk.hint')}</p>}
        <MilestonesTable milestones={project.milestones} completion={project.completion} />
      </section>

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('project.facts')}</h2>
        <dl className="facts facts--compact">
          <Fact term={t('fields.owner')}>
            {project.owner ? <LocalText value={project.owner.name} /> : t('fields.noOwner')}
          </Fact>
          {project.actors.length > 0 && <Fact term={t('fields.actors')}>{project.actors.join(', ')}</Fact>}
          <Fact term={t('fields.partners')}>
            {project.partners.length > 0 ? project.partners.join(', ') : t('fields.noPartners')}
          </Fact>
          <Fact term={t('fields.period')}>
            <PeriodText period={project.period} />
            {project.period.text &&
              !/^\d{4}\s*[-–]\s*\d{4}$/.test(project.period.text) &&
              (project.period.start || project.period.end) && (
                <span className="muted"> ({t('fields.periodAsWritten', { text: project.period.text })})</span>
              )}
          </Fact>
          <Fact term={t('fields.funding')}>
            {project.funding.length > 0
              ? project.funding.map((source) => word('funding', source)).join(', ')
              : t('fields.noFunding')}
            {project.fundingNote && <span className="muted"> ({project.fundingNote})</span>}
          </Fact>
          <Fact term={t('fields.budget')}>
            {project.budget === null ? t('fields.noBudget') : euros(project.budget)}
          </Fact>
          {project.origin && <Fact term={t('fields.origin')}>{word('origins', project.origin)}</Fact>}
          {project.link && (
            <Fact term={t('fields.link')}>
              <a href={project.link} rel="noopener noreferrer">
                {project.link}
              </a>
            </Fact>
          )}
        </dl>
      </section>

      <section aria-labelledby="strategy-heading">
        <h2 id="strategy-heading">{t('project.strategy')}</h2>
        <StrategyLinks heading={t('fields.objectives')} keys={project.objectives} elements={elements} />
        <StrategyLinks heading={t('fields.directions')} keys={project.directions} elements={elements} />
      </section>

      {project.pilot && <PilotDecision pilot={project.pilot} />}

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t('assessments.heading')}</h2>
        <p className="hint">{t('assessments.lead')}</p>
        <AssessmentBadges assessments={project.assessments} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline.heading')}</h2>
        <ProjectTimeline updates={updates} />
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('documents.heading')}</h2>
        <ProjectDocuments documents={documents} />
      </section>

      {project.notes && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('fields.notes')}</h2>
          <p>
            <LocalText value={project.notes} />
          </p>
        </section>
      )}
    </>
  )
}

function StrategyLinks({
  heading,
  keys,
  elements,
}: {
  heading: string
  keys: string[]
  elements: Map<string, StrategyElement>
}) {
  const { t } = usePortfolioWords()
  return (
    <>
      <h3>{heading}</h3>
      {keys.length === 0 ? (
        <p className="muted">{t('fields.noneLinked')}</p>
      ) : (
        <ul className="strategy-links">
          {keys.map((key) => {
            const element = elements.get(key)
            return (
              <li key={key}>
                <Link to={`/strategy/element/${encodeURIComponent(key)}`}>
                  {element?.code && <span className="objective-code">{element.code}</span>}
                  {element ? <LocalText value={element.title} /> : key}
                </Link>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
