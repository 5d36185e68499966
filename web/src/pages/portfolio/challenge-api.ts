import { getJson } from '../../api.ts'
import type { Localized } from './portfolio-api.ts'

export type Phase = 'upcoming' | 'submissions' | 'evaluation' | 'voting' | 'awaiting_results' | 'results'

/** A year's call (src/modules/portfolio/challenge/challenge-schemas.ts). */
export type Call = {
  year: number
  theme: Localized
  description: Localized
  objectives: string[]
  criteria: { key: string; title: Localized; weight: number }[]
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

export type TeamMember = { name: string; role: string }

export type PublicSubmission = {
  id: string
  title: Localized
  summary: Localized
  objectives: string[]
  team: TeamMember[]
  organisation: { slug: string; name: Localized } | null
}

export type Submission = PublicSubmission & {
  budgetAsked: number
  pilotPlan: Localized
  eligibility: 'pending' | 'eligible' | 'ineligible'
  eligibilityReason: string | null
  project: string | null
  submittedAt: string
  updatedAt: string
}

export type SubmissionInput = {
  title: Localized
  summary: Localized
  objectives: string[]
  team: TeamMember[]
  budgetAsked: number
  pilotPlan: Localized
}

export type Results = {
  year: number
  published: boolean
  publishedAt: string | null
  ranking: {
    rank: number
    submission: PublicSubmission
    juryScore: number | null
    jurors: number
    votes: number
    project: string | null
  }[]
}

export type MyVote = { submission: string | null; votedAt: string | null }

const base = '/api/portfolio/challenges'

export const getCalls = (signal: AbortSignal) =>
  getJson<{ items: Call[] }>(base, signal).then((answer) => answer.items)

export const getCall = (year: number, signal: AbortSignal) => getJson<Call>(`${base}/${year}`, signal)

export const getPublicSubmissions = (year: number, signal: AbortSignal) =>
  getJson<{ items: PublicSubmission[] }>(`${base}/${year}/submissions`, signal).then((answer) => answer.items)

export const getMySubmissions = (year: number, signal: AbortSignal) =>
  getJson<{ items: Submission[] }>(`${base}/${year}/submissions/mine`, signal).then((answer) => answer.items)

export const getResults = (year: number, signal: AbortSignal) =>
  getJson<Results>(`${base}/${year}/results`, signal)

export const getMyVote = (year: number, signal: AbortSignal) =>
  getJson<MyVote>(`${base}/${year}/votes/mine`, signal)

export const submissionsPath = (year: number) => `${base}/${year}/submissions`
export const votesPath = (year: number) => `${base}/${year}/votes`
