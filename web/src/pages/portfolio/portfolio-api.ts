import type { Project } from '../../../../src/modules/portfolio/schemas.ts'
import {
  PROJECT_KINDS as KINDS,
  type ProjectKind as Kind,
  PROJECT_STATUSES as STATUSES,
  type ProjectStatus as Status,
} from '../../../../src/modules/portfolio/vocabularies.ts'
import { getJson } from '../../api.ts'

export type Localized = { ro: string; en?: string; hu?: string }

// The server's vocabularies and schemas are the one source of these (src/modules/portfolio).
export type { Milestone, Project } from '../../../../src/modules/portfolio/schemas.ts'
export type {
  PilotStage,
  ProjectKind as Kind,
  ProjectStatus as Status,
} from '../../../../src/modules/portfolio/vocabularies.ts'
export {
  PROJECT_KINDS as KINDS,
  PROJECT_STATUSES as STATUSES,
} from '../../../../src/modules/portfolio/vocabularies.ts'
export type FundingSource = Project['funding'][number]

export type Update = {
  kind: 'note' | 'status' | 'milestone' | 'decision' | 'assessment' | 'document'
  text: Localized
  at: string
}

export type ProjectDocument = { id: string; title: Localized; url: string }

export type ProjectDetail = { project: Project; updates: Update[]; documents: ProjectDocument[] }

export type StrategyElement = { key: string; code: string | null; title: Localized }

/** What the portfolio shows: an objective, a kind and a status, as the address's query keeps them. */
export type ProjectFilter = { objective?: string; kind?: Kind; status?: Status }

const isKind = (value: string | null): value is Kind => KINDS.some((kind) => kind === value)
const isStatus = (value: string | null): value is Status => STATUSES.some((status) => status === value)

export function filterOf(query: URLSearchParams): ProjectFilter {
  const kind = query.get('kind')
  const status = query.get('status')
  return {
    objective: query.get('objective') || undefined,
    kind: isKind(kind) ? kind : undefined,
    status: isStatus(status) ? status : undefined,
  }
}

export function filterQuery(filter: ProjectFilter): string {
  const query = new URLSearchParams()
  if (filter.objective) query.set('objective', filter.objective)
  if (filter.kind) query.set('kind', filter.kind)
  if (filter.status) query.set('status', filter.status)
  const text = query.toString()
  return text ? `?${text}` : ''
}

export const getProjects = (signal: AbortSignal) =>
  getJson<{ items: Project[] }>('/api/portfolio/projects', signal).then((answer) => answer.items)

export const getProject = (slug: string, signal: AbortSignal) =>
  getJson<ProjectDetail>(`/api/portfolio/projects/${encodeURIComponent(slug)}`, signal)

/** The strategy's elements of a kind (objective, direction), by key. */
export const getElements = (kind: 'objective' | 'transversal_objective' | 'direction', signal: AbortSignal) =>
  getJson<{ elements: StrategyElement[] }>(`/api/strategy?kind=${kind}`, signal).then(
    (answer) => new Map(answer.elements.map((element) => [element.key, element])),
  )

/** The strategy's objectives, the transversal one included, by key. */
export const getObjectives = async (signal: AbortSignal) => {
  const [objectives, transversal] = await Promise.all([
    getElements('objective', signal),
    getElements('transversal_objective', signal),
  ])
  return new Map([...objectives, ...transversal])
}
