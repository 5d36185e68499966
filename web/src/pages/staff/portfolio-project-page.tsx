import { useCallback } from 'react'
import { Link, useParams } from 'react-router'
import { useResource } from '../../use-resource.ts'
import { StaffPage } from './parts.tsx'
import { mayUpdate, type PortfolioAccess } from './portfolio-access.ts'
import { getProject, type ProjectDetail, publicProjectPath } from './portfolio-api.ts'
import { Assessments } from './portfolio-assessments.tsx'
import { DescriptionForm } from './portfolio-description-form.tsx'
import { Lifecycle } from './portfolio-lifecycle.tsx'
import { Milestones } from './portfolio-milestones.tsx'
import { Completion, Local, Pending, Verdicts } from './portfolio-parts.tsx'
import { PilotDecision } from './portfolio-pilot-decision.tsx'
import { Timeline } from './portfolio-timeline.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** /staff/portfolio/projects/:slug — one project as the office and its owners manage it. */
export function PortfolioProjectPage({ access }: { access: PortfolioAccess }) {
  const { t, text } = useBoardWords()
  const { slug = '' } = useParams()
  const load = useCallback((signal: AbortSignal) => getProject(slug, signal), [slug])
  const [detail, reload] = useResource(load, 'reload')
  const title = detail.status === 'ready' ? text(detail.data.project.title) : t('project.loadingTitle')
  return (
    <StaffPage title={title} back={{ to: '/staff/portfolio', label: t('project.back') }}>
      <Pending resource={detail} onRetry={() => void reload()} />
      {detail.status === 'ready' &&
        (mayUpdate(access, detail.data.project) ? (
          <ProjectManagement detail={detail.data} access={access} onChanged={reload} />
        ) : (
          <>
            <p className="notice">{t('project.notYours')}</p>
            <p>
              <Link to={publicProjectPath(slug)}>{t('project.publicPage')}</Link>
            </p>
          </>
        ))}
    </StaffPage>
  )
}

function ProjectManagement({
  detail,
  access,
  onChanged,
}: {
  detail: ProjectDetail
  access: PortfolioAccess
  onChanged: () => Promise<void>
}) {
  const { t, word } = useBoardWords()
  const { project } = detail
  return (
    <>
      <dl className="facts project-facts">
        <div>
          <dt>{t('fields.kind')}</dt>
          <dd>{word('kinds', project.kind)}</dd>
        </div>
        <div>
          <dt>{t('fields.status')}</dt>
          <dd>
            {word('statuses', project.status)}
            {project.pilot && ` · ${word('stages', project.pilot.stage)}`}
          </dd>
        </div>
        <div>
          <dt>{t('fields.owner')}</dt>
          <dd>{project.owner ? <Local value={project.owner.name} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('fields.completion')}</dt>
          <dd>
            <Completion value={project.completion} />
            {project.atRisk && <span className="at-risk"> {t('overview.atRiskBadge')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('fields.assessments')}</dt>
          <dd>
            <Verdicts project={project} />
          </dd>
        </div>
      </dl>
      <p>
        <Link to={publicProjectPath(project.slug)}>{t('project.publicPage')}</Link>
      </p>
      <nav aria-label={t('project.sections')} className="project-sections">
        <ul>
          <li>
            <a href="#lifecycle">{t('lifecycle.title')}</a>
          </li>
          <li>
            <a href="#milestones">{t('milestones.title')}</a>
          </li>
          <li>
            <a href="#assessments">{t('assessment.title')}</a>
          </li>
          <li>
            <a href="#timeline">{t('timeline.title')}</a>
          </li>
          <li>
            <a href="#description">{t('description.title')}</a>
          </li>
        </ul>
      </nav>
      <Lifecycle project={project} access={access} onChanged={onChanged} />
      {project.pilot && <PilotDecision project={project} access={access} onChanged={onChanged} />}
      <Milestones project={project} onChanged={onChanged} />
      <Assessments project={project} onChanged={onChanged} />
      <Timeline detail={detail} onChanged={onChanged} />
      <DescriptionForm project={project} access={access} onChanged={onChanged} />
    </>
  )
}
