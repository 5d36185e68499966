import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { slugify } from '../../../platform/text/slug.ts'
import { organisationDirectory } from '../../identity/index.ts'
import type { Project, ProjectCreate, ProjectPatch } from '../schemas.ts'
import { insertUpdate, selectLatestAssessments, selectMilestones } from '../store/project-parts.ts'
import {
  insertProject,
  type ProjectFields,
  type ProjectRow,
  selectProject,
  selectProjects,
  slugTaken,
  updateProject,
} from '../store/projects.ts'
import { CREATE_PROJECTS, may, notAllowed, projectNotFound, UPDATE_PROJECTS } from './access.ts'
import { toProject } from './project-output.ts'

export interface RequestFacts {
  requestId: string
}

export const personOf = (actor: Actor): string | null =>
  actor.kind === 'person' ? actor.personId : actor.kind === 'api_key' ? actor.personId : null

const today = () => new Date().toISOString().slice(0, 10)

/** Rows as people read them: milestones, completion and assessment verdicts read in two queries for all. */
export async function projectsOf(context: ModuleContext, rows: readonly ProjectRow[]): Promise<Project[]> {
  const ids = rows.map((row) => row.id)
  const [milestones, assessments, organisations] = await Promise.all([
    selectMilestones(context.db, ids),
    selectLatestAssessments(context.db, ids),
    organisationDirectory(context),
  ])
  const day = today()
  return rows.map((row) =>
    toProject(
      row,
      milestones.filter((milestone) => milestone.project_id === row.id),
      assessments.filter((assessment) => assessment.project_id === row.id),
      organisations,
      day,
    ),
  )
}

export interface ProjectFilter {
  kind?: Project['kind'] | undefined
  status?: Project['status'] | undefined
  objective?: string | undefined
  owner?: string | undefined
  atRisk?: boolean | undefined
}

/** The portfolio is public: every project, filtered. */
export async function listProjects(context: ModuleContext, filter: ProjectFilter = {}): Promise<Project[]> {
  const rows = (await selectProjects(context.db)).filter(
    (row) =>
      (!filter.kind || row.kind === filter.kind) &&
      (!filter.status || row.status === filter.status) &&
      (!filter.objective || row.objective_keys.includes(filter.objective)),
  )
  return (await projectsOf(context, rows)).filter(
    (project) =>
      (!filter.owner || project.owner?.slug === filter.owner) &&
      (filter.atRisk === undefined || project.atRisk === filter.atRisk),
  )
}

export async function getProjectRow(context: ModuleContext, slug: string): Promise<ProjectRow> {
  const row = await selectProject(context.db, slug)
  if (!row) throw projectNotFound(slug)
  return row
}

export async function getProject(context: ModuleContext, slug: string): Promise<Project> {
  const [project] = await projectsOf(context, [await getProjectRow(context, slug)])
  return project!
}

/** The row, if the caller may change this organisation's projects with `action`. */
export async function projectToChange(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  action = UPDATE_PROJECTS,
): Promise<ProjectRow> {
  const row = await getProjectRow(context, slug)
  if (!(await may(context, actor, action, row.owner_organisation_id)))
    throw notAllowed(`change the project "${slug}"`)
  return row
}

async function fieldsOf(
  context: ModuleContext,
  input: Omit<ProjectCreate, 'slug'>,
  slug: string,
): Promise<ProjectFields> {
  let ownerId: string | null = null
  if (input.owner) {
    const owner = (await organisationDirectory(context)).bySlug(input.owner)
    if (!owner)
      throw new Problem(
        400,
        'PORTFOLIO_OWNER_UNKNOWN',
        'No such organisation',
        `No organisation "${input.owner}"; GET /api/organisations lists them.`,
      )
    ownerId = owner.id
  }
  const period = input.period ?? { start: null, end: null, text: null }
  if (period.start && period.end && period.end < period.start)
    throw new Problem(
      400,
      'PORTFOLIO_PERIOD_REVERSED',
      'The project ends before it starts',
      `The end (${period.end}) must not come before the start (${period.start}).`,
    )
  return {
    slug,
    kind: input.kind,
    title: input.title,
    need: input.need,
    owner_organisation_id: ownerId,
    actors: input.actors ?? [],
    partners: input.partners ?? [],
    start_date: period.start,
    end_date: period.end,
    period_text: period.text,
    funding: [...new Set(input.funding ?? [])],
    funding_note: input.fundingNote ?? null,
    budget: input.budget ?? null,
    notes: input.notes ?? null,
    objective_keys: [...new Set(input.objectives ?? [])],
    direction_keys: [...new Set(input.directions ?? [])],
    origin: input.origin ?? null,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    link: input.link ?? null,
  }
}

export async function createProject(
  context: ModuleContext,
  actor: Actor,
  input: ProjectCreate,
  request: RequestFacts,
): Promise<Project> {
  const slug = input.slug ?? slugify(input.title.ro)
  const fields = await fieldsOf(context, input, slug)
  if (!(await may(context, actor, CREATE_PROJECTS, fields.owner_organisation_id)))
    throw notAllowed(
      input.owner ? `add projects for "${input.owner}"` : 'add projects without an owner organisation',
    )
  if (await slugTaken(context.db, slug))
    throw new Problem(
      409,
      'PORTFOLIO_SLUG_TAKEN',
      'That name is taken',
      `Another project is called "${slug}"; give a different "slug".`,
    )
  const id = await insertProject(context.db, {
    ...fields,
    status: 'idea',
    pilot_stage: input.kind === 'pilot' ? 'proof_of_concept' : null,
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'portfolio.project.create',
    target: { type: 'project', id: slug },
    outcome: 'success',
    details: { kind: input.kind, owner: input.owner ?? null },
    requestId: request.requestId,
  })
  await insertUpdate(
    context.db,
    id,
    'status',
    { ro: 'Proiect adăugat în portofoliu', en: 'Added to the portfolio', hu: 'Felvéve a portfólióba' },
    personOf(actor),
  )
  return getProject(context, slug)
}

export async function changeProject(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  patch: ProjectPatch,
  request: RequestFacts,
): Promise<Project> {
  const row = await projectToChange(context, actor, slug)
  const current = await getProject(context, slug)
  const { version, ...changes } = patch
  const fields = await fieldsOf(
    context,
    {
      kind: current.kind,
      title: current.title,
      need: current.need,
      owner: current.owner?.slug ?? null,
      actors: current.actors,
      partners: current.partners,
      period: current.period,
      funding: current.funding,
      fundingNote: current.fundingNote,
      budget: current.budget,
      notes: current.notes,
      objectives: current.objectives,
      directions: current.directions,
      origin: current.origin,
      location: current.location,
      link: current.link,
      ...changes,
    },
    slug,
  )
  if (fields.kind !== row.kind && (fields.kind === 'pilot') !== (row.kind === 'pilot'))
    throw new Problem(
      409,
      'PORTFOLIO_KIND_FIXED',
      'A pilot stays a pilot',
      'A pilot becomes a project through its decision (scale); add a new project instead of changing its kind.',
    )
  if (
    fields.owner_organisation_id !== row.owner_organisation_id &&
    !(await may(context, actor, CREATE_PROJECTS, fields.owner_organisation_id))
  )
    throw notAllowed('hand the project to that organisation')
  if (!(await updateProject(context.db, row.id, version, fields)))
    throw new Problem(
      409,
      'PORTFOLIO_VERSION_CONFLICT',
      'Someone changed it meanwhile',
      `Project "${slug}" is at version ${row.version}, not ${version}; reload it, then make your change again.`,
    )
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'portfolio.project.update',
    target: { type: 'project', id: slug },
    outcome: 'success',
    details: { fields: Object.keys(changes) },
    requestId: request.requestId,
  })
  return getProject(context, slug)
}
