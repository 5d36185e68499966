/** The strategy's three kinds of projects. */
export const PROJECT_KINDS = ['core', 'flexible', 'pilot'] as const
export type ProjectKind = (typeof PROJECT_KINDS)[number]

export const PROJECT_STATUSES = [
  'idea',
  'proposed',
  'approved',
  'in_progress',
  'completed',
  'stopped',
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

/** Where a project may go next; completed and stopped are final. */
export const NEXT_STATUSES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  idea: ['proposed', 'stopped'],
  proposed: ['approved', 'idea', 'stopped'],
  approved: ['in_progress', 'stopped'],
  in_progress: ['completed', 'stopped'],
  completed: [],
  stopped: [],
}

/** A pilot is tested (proof of concept), evaluated, then scaled, iterated or abandoned. */
export const PILOT_STAGES = ['proof_of_concept', 'evaluated', 'scale', 'iterate', 'abandon'] as const
export type PilotStage = (typeof PILOT_STAGES)[number]
export const PILOT_DECISIONS = ['scale', 'iterate', 'abandon'] as const
export type PilotDecision = (typeof PILOT_DECISIONS)[number]

/** Where a pilot may go from each stage: evaluate the proof of concept, then scale, iterate or abandon. */
export const NEXT_STAGES: Record<PilotStage, readonly PilotStage[]> = {
  proof_of_concept: ['evaluated'],
  evaluated: ['scale', 'iterate', 'abandon'],
  iterate: ['proof_of_concept'],
  scale: [],
  abandon: [],
}

/** Cluj Innovation and Experiment Fund (FIEC), EU, national, local budget, private. */
export const FUNDING_SOURCES = ['fiec', 'eu', 'national', 'local_budget', 'private'] as const

export const ASSESSMENT_KINDS = ['impact', 'security', 'gdpr'] as const
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number]

/** GDPR art. 6(1) lawful bases. */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const
