import type { FormEvent } from 'react'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useAction } from '../../use-action.ts'
import type { ImpactContent } from './portfolio-api.ts'
import { AssessmentVerdict } from './portfolio-assessment-verdict.tsx'
import type { AssessmentFormProps } from './portfolio-assessments.tsx'
import { useBoardWords } from './portfolio-words.ts'

const SCALE = [0, 1, 2, 3, 4, 5] as const

/** The mini impact analysis: each green and equity criterion scored 0–5 against the office's minimum. */
export function ImpactForm({ settings, latest, save }: AssessmentFormProps) {
  const { t, text, word } = useBoardWords()
  const { busy, error, run } = useAction()
  const previous = latest?.content as ImpactContent | undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const notes = String(fields.get('impactNotes') ?? '').trim()
    const scores = Object.fromEntries(
      settings.impactCriteria.map((criterion) => [
        criterion.key,
        Number(fields.get(`score-${criterion.key}`)),
      ]),
    )
    void run(() => save({ scores, ...(notes ? { notes } : {}) }))
  }

  return (
    <form className="form board-form assessment-form" onSubmit={submit} aria-labelledby="impact-title">
      <h3 id="impact-title">{t('assessment.kinds.impact')}</h3>
      <p className="hint">{t('impact.lead')}</p>
      <AssessmentVerdict latest={latest} />
      <div className="criteria">
        {settings.impactCriteria.map((criterion) => (
          <LabelledField
            key={criterion.key}
            label={text(criterion.title)}
            hint={t('impact.minimum', {
              group: word('impact.groups', criterion.group),
              minimum: criterion.minimum,
            })}
          >
            {(control) => (
              <select
                {...control}
                name={`score-${criterion.key}`}
                defaultValue={previous?.scores[criterion.key] ?? criterion.minimum}
              >
                {SCALE.map((score) => (
                  <option key={score} value={score}>
                    {t(`impact.scale.${score}`)}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
        ))}
      </div>
      <LabelledField label={t('assessment.notes')}>
        {(control) => (
          <textarea
            {...control}
            name="impactNotes"
            rows={2}
            maxLength={2000}
            defaultValue={previous?.notes ?? ''}
          />
        )}
      </LabelledField>
      <ProblemAlert error={error} />
      <div className="actions">
        <SubmitButton busy={busy} label={t('impact.submit')} />
      </div>
    </form>
  )
}
