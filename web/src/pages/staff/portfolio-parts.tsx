import { ProblemAlert } from '../../components/problem-alert.tsx'
import { Working } from '../../components/working.tsx'
import type { Resource } from '../../use-resource.ts'
import type { AssessmentKind, Localized, Project } from './portfolio-api.ts'
import { ASSESSMENT_KINDS } from './portfolio-api.ts'
import { useBoardWords } from './portfolio-words.ts'

/** Loading, or the problem, of a resource; null once it is ready. */
export function Pending({ resource, onRetry }: { resource: Resource<unknown>; onRetry?: () => void }) {
  const { t } = useBoardWords()
  if (resource.status === 'loading') return <Working>{t('common.loading')}</Working>
  if (resource.status === 'error') return <ProblemAlert error={resource.error} onRetry={onRetry} />
  return null
}

/** A text the server keeps in several languages, in the reader's; Romanian, marked as such, if missing. */
export function Local({ value }: { value: Localized | null | undefined }) {
  const { language } = useBoardWords()
  const own = value?.[language]
  if (own) return own
  return language === 'ro' ? (value?.ro ?? '') : <span lang="ro">{value?.ro ?? ''}</span>
}

/** A verdict in words and colour: meets the standards, falls short, or not assessed yet. */
export function Verdict({ kind, passes }: { kind: AssessmentKind; passes: boolean | null }) {
  const { t } = useBoardWords()
  const state = passes === null ? 'none' : passes ? 'passes' : 'fails'
  return (
    <span className={`verdict verdict--${state}`}>
      {t(`assessment.kinds.${kind}`)}: {t(`assessment.verdict.${state}`)}
    </span>
  )
}

/** The three assessments' verdicts of a project, side by side. */
export function Verdicts({ project }: { project: Project }) {
  return (
    <ul className="verdicts">
      {ASSESSMENT_KINDS.map((kind) => (
        <li key={kind}>
          <Verdict kind={kind} passes={project.assessments[kind]} />
        </li>
      ))}
    </ul>
  )
}

/** A bar and the figure of a completion; the figure is what is read out. */
export function Completion({ value }: { value: number | null }) {
  const { t, percent } = useBoardWords()
  if (value === null) return <span className="muted">{t('project.noMilestones')}</span>
  return (
    <span className="completion">
      <span className="completion__bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      {percent(value)}
    </span>
  )
}
