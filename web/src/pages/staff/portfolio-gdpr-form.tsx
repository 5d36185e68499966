import { type FormEvent, useState } from 'react'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useAction } from '../../use-action.ts'
import { type GdprContent, LAWFUL_BASES } from './portfolio-api.ts'
import { AssessmentVerdict } from './portfolio-assessment-verdict.tsx'
import type { AssessmentFormProps } from './portfolio-assessments.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** The GDPR check: personal data processed, its categories, the lawful basis, whether a DPIA is needed and done. */
export function GdprForm({ latest, save }: AssessmentFormProps) {
  const { t, word } = useBoardWords()
  const { busy, error, run } = useAction()
  const previous = latest?.content as GdprContent | undefined
  const [personalData, setPersonalData] = useState(previous?.personalData ?? false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const basis = String(fields.get('lawfulBasis') ?? '')
    const notes = String(fields.get('gdprNotes') ?? '').trim()
    const content: GdprContent = {
      personalData,
      categories: personalData
        ? String(fields.get('categories') ?? '')
            .split(/[,\n]/)
            .map((category) => category.trim())
            .filter(Boolean)
        : [],
      lawfulBasis: personalData && basis ? (basis as GdprContent['lawfulBasis']) : null,
      dpiaNeeded: personalData && fields.get('dpiaNeeded') === 'on',
      dpiaDone: personalData && fields.get('dpiaDone') === 'on',
      ...(notes ? { notes } : {}),
    }
    void run(() => save(content))
  }

  return (
    <form className="form board-form assessment-form" onSubmit={submit} aria-labelledby="gdpr-title">
      <h3 id="gdpr-title">{t('assessment.kinds.gdpr')}</h3>
      <p className="hint">{t('gdpr.lead')}</p>
      <AssessmentVerdict latest={latest} />
      <div className="choice">
        <input
          type="checkbox"
          id="gdpr-personal"
          name="personalData"
          checked={personalData}
          onChange={(event) => setPersonalData(event.target.checked)}
        />
        <label htmlFor="gdpr-personal">{t('gdpr.personalData')}</label>
      </div>
      {personalData && (
        <>
          <LabelledField label={t('gdpr.categories')} hint={t('gdpr.categoriesHint')}>
            {(control) => (
              <input
                {...control}
                name="categories"
                maxLength={3000}
                defaultValue={previous?.categories.join(', ') ?? ''}
              />
            )}
          </LabelledField>
          <LabelledField label={t('gdpr.lawfulBasis')} hint={t('gdpr.lawfulBasisHint')}>
            {(control) => (
              <select {...control} name="lawfulBasis" defaultValue={previous?.lawfulBasis ?? ''}>
                <option value="">{t('gdpr.noBasis')}</option>
                {LAWFUL_BASES.map((basis) => (
                  <option key={basis} value={basis}>
                    {word('gdpr.bases', basis)}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <div className="choice">
            <input
              type="checkbox"
              id="gdpr-dpia-needed"
              name="dpiaNeeded"
              defaultChecked={previous?.dpiaNeeded}
            />
            <label htmlFor="gdpr-dpia-needed">{t('gdpr.dpiaNeeded')}</label>
          </div>
          <div className="choice">
            <input type="checkbox" id="gdpr-dpia-done" name="dpiaDone" defaultChecked={previous?.dpiaDone} />
            <label htmlFor="gdpr-dpia-done">{t('gdpr.dpiaDone')}</label>
          </div>
        </>
      )}
      <LabelledField label={t('assessment.notes')}>
        {(control) => (
          <textarea
            {...control}
            name="gdprNotes"
            rows={2}
            maxLength={2000}
            defaultValue={previous?.notes ?? ''}
          />
        )}
      </LabelledField>
      <ProblemAlert error={error} />
      <div className="actions">
        <SubmitButton busy={busy} label={t('gdpr.submit')} />
      </div>
    </form>
  )
}
