import { useCallback } from 'react'
import { useSession } from '../../session.tsx'
import { useResource } from '../../use-resource.ts'
import {
  type Assessment,
  type AssessmentKind,
  getAssessments,
  getSettings,
  type Project,
  projectApi,
  type Settings,
} from './portfolio-api.ts'
import { GdprForm } from './portfolio-gdpr-form.tsx'
import { ImpactForm } from './portfolio-impact-form.tsx'
import { Pending } from './portfolio-parts.tsx'
import { SecurityForm } from './portfolio-security-form.tsx'
import { useBoardWords } from './portfolio-words.ts'

export type AssessmentFormProps = {
  settings: Settings
  latest: Assessment | undefined
  /** Records the assessment; the server answers with its verdict and findings. */
  save: (content: unknown) => Promise<void>
}

/** The three assessments every project carries, each against the office's standards (GET /api/portfolio/settings). */
export function Assessments({ project, onChanged }: { project: Project; onChanged: () => Promise<void> }) {
  const { t, word } = useBoardWords()
  const { send } = useSession()
  const [settings] = useResource(getSettings)
  const load = useCallback((signal: AbortSignal) => getAssessments(project.slug, signal), [project.slug])
  const [assessments, reload] = useResource(load, 'reload')

  const saver = (kind: AssessmentKind) => async (content: unknown) => {
    await send(`${projectApi(project.slug)}/assessments/${kind}`, 'PUT', content)
    await Promise.all([reload(), onChanged()])
  }

  return (
    <section className="panel" aria-labelledby="assessments">
      <h2 id="assessments">{t('assessment.title')}</h2>
      {settings.status === 'ready' && (
        <p className="hint">
          {t('assessment.required', {
            kinds:
              settings.data.requiredForApproval[project.kind]
                .map((kind) => word('assessment.kinds', kind))
                .join(', ') || t('assessment.requiredNone'),
          })}
        </p>
      )}
      <Pending resource={settings} />
      <Pending resource={assessments} onRetry={() => void reload()} />
      {settings.status === 'ready' && assessments.status === 'ready' && (
        <>
          <ImpactForm
            settings={settings.data}
            latest={assessments.data.items.find((item) => item.kind === 'impact')}
            save={saver('impact')}
          />
          <SecurityForm
            settings={settings.data}
            latest={assessments.data.items.find((item) => item.kind === 'security')}
            save={saver('security')}
          />
          <GdprForm
            settings={settings.data}
            latest={assessments.data.items.find((item) => item.kind === 'gdpr')}
            save={saver('gdpr')}
          />
        </>
      )}
    </section>
  )
}
