import type { Project } from '../../../../src/modules/portfolio/schemas.ts'
import type {
  AssessmentKind,
  FUNDING_SOURCES,
  LAWFUL_BASES,
  ProjectKind,
} from '../../../../src/modules/portfolio/vocabularies.ts'
import { getJson } from '../../api.ts'
import type { Localized } from '../strategy/strategy-api.ts'

// The server's vocabularies and schemas are the one source of these (src/modules/portfolio).
export type { Milestone, Project } from '../../../../src/modules/portfolio/schemas.ts'
export type {
  AssessmentKind,
  PilotStage,
  ProjectKind,
  ProjectStatus,
} from '../../../../src/modules/portfolio/vocabularies.ts'
export {
  ASSESSMENT_KINDS,
  FUNDING_SOURCES,
  LAWFUL_BASES,
  NEXT_STAGES,
  NEXT_STATUSES,
  PROJECT_KINDS,
  PROJECT_STATUSES,
} from '../../../../src/modules/portfolio/vocabularies.ts'
export type { Localized }
export type FundingSource = (typeof FUNDING_SOURCES)[number]
export type LawfulBasis = (typeof LAWFUL_BASES)[number]

export type Update = {
  kind: 'note' | 'status' | 'milestone' | 'decision' | 'assessment' | 'document'
  text: Localized
  at: string
}

export type ProjectDocument = { id: string; title: Localized; url: string }

export type ProjectDetail = { project: Project; updates: Update[]; documents: ProjectDocument[] }

export type Assessment = {
  kind: AssessmentKind
  content: unknown
  passes: boolean
  findings: string[]
  assessedAt: string
}

export type ImpactContent = { scores: Record<string, number>; notes?: string }
export type Risk = {
  title: string
  likelihood: number
  impact: number
  mitigation: string
  residualLikelihood: number
  residualImpact: number
}
export type SecurityContent = { risks: Risk[] }
export type GdprContent = {
  personalData: boolean
  categories: string[]
  lawfulBasis: LawfulBasis | null
  dpiaNeeded: boolean
  dpiaDone: boolean
  notes?: string
}

export type Settings = {
  impactCriteria: { key: string; group: 'green' | 'equity'; title: Localized; minimum: number }[]
  requiredForApproval: Record<ProjectKind, AssessmentKind[]>
  highRisk: number
}

export type Phase = 'upcoming' | 'submissions' | 'evaluation' | 'voting' | 'awaiting_results' | 'results'

export type Criterion = { key: string; title: Localized; weight: number }

export type Call = {
  year: number
  theme: Localized
  description: Localized
  objectives: string[]
  criteria: Criterion[]
  dates: {
    submissionsOpen: string
    submissionsClose: string
    evaluationClose: string
    votingOpen: string | null
    votingClose: string | null
    resultsAt: string
  }
  publicVote: boolean
  phase: Phase
  resultsPublishedAt: string | null
}

export type Submission = {
  id: string
  title: Localized
  summary: Localized
  objectives: string[]
  team: { name: string; role: string }[]
  organisation: { slug: string; name: Localized } | null
  budgetAsked: number
  pilotPlan: Localized
  eligibility: 'pending' | 'eligible' | 'ineligible'
  eligibilityReason: string | null
  project: string | null
  submittedAt: string
  updatedAt: string
}

export type Juror = { id: string; displayName: string; email: string; scored: number; conflicts: number }

export type Score = { criterion: string; score: number; comment: string | null }

export type JuryWork = {
  submissions: { submission: Submission; conflict: string | null; scores: Score[] }[]
}

export type Results = {
  year: number
  published: boolean
  publishedAt: string | null
  ranking: {
    rank: number
    submission: Pick<Submission, 'id' | 'title' | 'summary' | 'objectives' | 'team' | 'organisation'>
    juryScore: number | null
    jurors: number
    votes: number
    project: string | null
  }[]
}

const key = (value: string) => encodeURIComponent(value)
export const projectApi = (slug: string) => `/api/portfolio/projects/${key(slug)}`
export const challengeApi = (year: number) => `/api/portfolio/challenges/${year}`

/** The board's page of a project, and the public one the other pages link to. */
export const projectPath = (slug: string) => `/staff/portfolio/projects/${key(slug)}`
export const publicProjectPath = (slug: string) => `/projects/${key(slug)}`
export const challengePath = (year: number) => `/staff/portfolio/challenge/${year}`

export const getProjects = (signal: AbortSignal) =>
  getJson<{ items: Project[] }>('/api/portfolio/projects', signal)
export const getProject = (slug: string, signal: AbortSignal) =>
  getJson<ProjectDetail>(projectApi(slug), signal)
export const getAssessments = (slug: string, signal: AbortSignal) =>
  getJson<{ items: Assessment[] }>(`${projectApi(slug)}/assessments`, signal)
export const getSettings = (signal: AbortSignal) => getJson<Settings>('/api/portfolio/settings', signal)
export const getCalls = (signal: AbortSignal) =>
  getJson<{ items: Call[] }>('/api/portfolio/challenges', signal)
export const getCall = (year: number, signal: AbortSignal) => getJson<Call>(challengeApi(year), signal)
export const getAllSubmissions = (year: number, signal: AbortSignal) =>
  getJson<{ items: Submission[] }>(`${challengeApi(year)}/submissions/all`, signal)
export const getJurors = (year: number, signal: AbortSignal) =>
  getJson<{ items: Juror[] }>(`${challengeApi(year)}/jurors`, signal)
export const getJuryWork = (year: number, signal: AbortSignal) =>
  getJson<JuryWork>(`${challengeApi(year)}/jury/mine`, signal)
export const getResults = (year: number, signal: AbortSignal) =>
  getJson<Results>(`${challengeApi(year)}/results`, signal)
