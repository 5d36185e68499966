import { Link } from 'react-router'
import { useResource } from '../../use-resource.ts'
import { StaffPage } from './parts.tsx'
import { mayUpdate, type PortfolioAccess } from './portfolio-access.ts'
import {
  challengePath,
  getCalls,
  getProjects,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type Project,
  projectPath,
} from './portfolio-api.ts'
import { NewProjectForm } from './portfolio-new-project-form.tsx'
import { Completion, Local, Pending, Verdicts } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** /staff/portfolio — the portfolio at a glance: counts, projects at risk first, then every project to manage. */
export function PortfolioOverviewPage({ access }: { access: PortfolioAccess }) {
  const { t } = useBoardWords()
  const [projects, reload] = useResource(getProjects, 'reload')
  return (
    <StaffPage
      title={t('overview.title')}
      lead={t('overview.lead')}
      back={{ to: '/staff', label: t('common.back') }}
    >
      <Pending resource={projects} onRetry={() => void reload()} />
      {projects.status === 'ready' && (
        <Overview projects={projects.data.items.filter((project) => mayUpdate(access, project))} />
      )}
      {access.manageChallenge && <Challenges />}
      {(access.office || access.creatable.length > 0) && <NewProjectForm access={access} />}
    </StaffPage>
  )
}

function Overview({ projects }: { projects: Project[] }) {
  const { t, text } = useBoardWords()
  const atRisk = projects.filter((project) => project.atRisk)
  const sorted = [...projects].sort(
    (a, b) => Number(b.atRisk) - Number(a.atRisk) || text(a.title).localeCompare(text(b.title)),
  )
  return (
    <>
      <Counts projects={projects} />
      <section className="panel" aria-labelledby="at-risk">
        <h2 id="at-risk">
          {t('overview.atRiskTitle')} ({atRisk.length})
        </h2>
        {atRisk.length === 0 ? (
          <p>{t('overview.atRiskNone')}</p>
        ) : (
          <>
            <p className="hint">{t('overview.atRiskHint')}</p>
            <ul className="attention-list">
              {atRisk.map((project) => (
                <li key={project.slug}>
                  <Link to={projectPath(project.slug)}>
                    <Local value={project.title} />
                  </Link>{' '}
                  <span className="muted">
                    {project.period.end && new Date(project.period.end) < new Date()
                      ? t('overview.pastEnd')
                      : t('overview.behind')}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <h2 id="all-projects">{t('overview.allTitle', { count: projects.length })}</h2>
      {projects.length === 0 ? (
        <p className="notice">{t('overview.none')}</p>
      ) : (
        <ProjectTable projects={sorted} />
      )}
    </>
  )
}

function Counts({ projects }: { projects: Project[] }) {
  const { t, word } = useBoardWords()
  const count = (kind: string, status?: string) =>
    projects.filter((project) => project.kind === kind && (!status || project.status === status)).length
  return (
    <>
      <h2 id="counts">{t('overview.countsTitle')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs keyboard access */}
      <section className="table-scroll" aria-labelledby="counts" tabIndex={0}>
        <table className="count-table" aria-labelledby="counts">
          <thead>
            <tr>
              <th scope="col">{t('overview.kind')}</th>
              {PROJECT_STATUSES.map((status) => (
                <th scope="col" key={status}>
                  {word('statuses', status)}
                </th>
              ))}
              <th scope="col">{t('overview.total')}</th>
            </tr>
          </thead>
          <tbody>
            {PROJECT_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{word('kinds', kind)}</th>
                {PROJECT_STATUSES.map((status) => (
                  <td key={status}>{count(kind, status)}</td>
                ))}
                <td>{count(kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}

function ProjectTable({ projects }: { projects: Project[] }) {
  const { t, word } = useBoardWords()
  const label = {
    kind: t('overview.columns.kind'),
    status: t('overview.columns.status'),
    owner: t('overview.columns.owner'),
    completion: t('overview.columns.completion'),
    assessments: t('overview.columns.assessments'),
  }
  return (
    <table className="data-table project-table" aria-labelledby="all-projects">
      <thead>
        <tr>
          <th scope="col">{t('overview.columns.title')}</th>
          <th scope="col">{label.kind}</th>
          <th scope="col">{label.status}</th>
          <th scope="col">{label.owner}</th>
          <th scope="col">{label.completion}</th>
          <th scope="col">{label.assessments}</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.slug}>
            <th scope="row">
              <Link to={projectPath(project.slug)}>
                <Local value={project.title} />
              </Link>
              {project.atRisk && <span className="at-risk"> {t('overview.atRiskBadge')}</span>}
            </th>
            <td data-label={label.kind}>{word('kinds', project.kind)}</td>
            <td data-label={label.status}>
              {word('statuses', project.status)}
              {project.pilot && <span className="muted"> · {word('stages', project.pilot.stage)}</span>}
            </td>
            <td data-label={label.owner}>
              {project.owner ? <Local value={project.owner.name} /> : <span className="muted">—</span>}
            </td>
            <td data-label={label.completion}>
              <Completion value={project.completion} />
            </td>
            <td data-label={label.assessments}>
              <Verdicts project={project} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The yearly challenges, each with its jury work page. */
function Challenges() {
  const { t, word, text } = useBoardWords()
  const [calls] = useResource(getCalls)
  return (
    <section className="panel" aria-labelledby="challenges">
      <h2 id="challenges">{t('overview.challengesTitle')}</h2>
      <Pending resource={calls} />
      {calls.status === 'ready' &&
        (calls.data.items.length === 0 ? (
          <p>{t('overview.challengesNone')}</p>
        ) : (
          <ul className="attention-list">
            {calls.data.items.map((call) => (
              <li key={call.year}>
                <Link to={challengePath(call.year)}>
                  {t('overview.challenge', { year: call.year, theme: text(call.theme) })}
                </Link>{' '}
                <span className="muted">({word('phases', call.phase)})</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
