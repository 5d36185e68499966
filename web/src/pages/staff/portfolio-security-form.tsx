import { type FormEvent, useState } from 'react'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useAction } from '../../use-action.ts'
import type { Risk, SecurityContent } from './portfolio-api.ts'
import { AssessmentVerdict } from './portfolio-assessment-verdict.tsx'
import type { AssessmentFormProps } from './portfolio-assessments.tsx'
import { useBoardWords } from './portfolio-words.ts'

const LEVELS = [1, 2, 3, 4, 5]
/** A risk in the form, with a number that keeps its fields in place when another is removed. */
type Row = Risk & { row: number }
let rows = 0
const numbered = (risk: Risk): Row => ({ ...risk, row: ++rows })
const blank = (): Row =>
  numbered({
    title: '',
    likelihood: 3,
    impact: 3,
    mitigation: '',
    residualLikelihood: 2,
    residualImpact: 2,
  })

/** The security risk matrix: per risk, likelihood × impact, its mitigation and the residual risk left. */
export function SecurityForm({ settings, latest, save }: AssessmentFormProps) {
  const { t } = useBoardWords()
  const { busy, error, run } = useAction()
  const previous = latest?.content as SecurityContent | undefined
  const [risks, setRisks] = useState<Row[]>(() =>
    previous?.risks.length ? previous.risks.map((risk) => numbered(risk)) : [blank()],
  )
  const change = (index: number, part: Partial<Risk>) =>
    setRisks((current) => current.map((risk, at) => (at === index ? { ...risk, ...part } : risk)))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void run(() =>
      save({ risks: risks.map(({ row: _, ...risk }) => ({ ...risk, title: risk.title.trim() })) }),
    )
  }

  return (
    <form
      className="form board-form assessment-form assessment-form--wide"
      onSubmit={submit}
      aria-labelledby="security-title"
    >
      <h3 id="security-title">{t('assessment.kinds.security')}</h3>
      <p className="hint">{t('security.lead', { high: settings.highRisk })}</p>
      <AssessmentVerdict latest={latest} />
      {risks.length === 0 && <p>{t('security.none')}</p>}
      <ol className="risk-list">
        {risks.map((risk, index) => (
          <li key={risk.row}>
            <fieldset>
              <legend>{risk.title.trim() || t('security.risk', { number: index + 1 })}</legend>
              <LabelledField label={t('security.title')}>
                {(control) => (
                  <input
                    {...control}
                    required
                    maxLength={200}
                    value={risk.title}
                    onChange={(event) => change(index, { title: event.target.value })}
                  />
                )}
              </LabelledField>
              <div className="risk-levels">
                <Level
                  label={t('security.likelihood')}
                  value={risk.likelihood}
                  set={(v) => change(index, { likelihood: v })}
                />
                <Level
                  label={t('security.impact')}
                  value={risk.impact}
                  set={(v) => change(index, { impact: v })}
                />
                <Product
                  likelihood={risk.likelihood}
                  impact={risk.impact}
                  high={settings.highRisk}
                  label={t('security.product')}
                />
              </div>
              <LabelledField label={t('security.mitigation')}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    maxLength={1000}
                    value={risk.mitigation}
                    onChange={(event) => change(index, { mitigation: event.target.value })}
                  />
                )}
              </LabelledField>
              <div className="risk-levels">
                <Level
                  label={t('security.residualLikelihood')}
                  value={risk.residualLikelihood}
                  set={(v) => change(index, { residualLikelihood: v })}
                />
                <Level
                  label={t('security.residualImpact')}
                  value={risk.residualImpact}
                  set={(v) => change(index, { residualImpact: v })}
                />
                <Product
                  likelihood={risk.residualLikelihood}
                  impact={risk.residualImpact}
                  high={settings.highRisk}
                  label={t('security.residual')}
                />
              </div>
              <button
                type="button"
                className="button--secondary"
                onClick={() => setRisks((current) => current.filter((_, at) => at !== index))}
              >
                {t('security.remove')}
                <span className="visually-hidden">
                  : {risk.title || t('security.risk', { number: index + 1 })}
                </span>
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button--secondary"
          onClick={() => setRisks((current) => [...current, blank()])}
        >
          {t('security.add')}
        </button>
      </div>
      <ProblemAlert error={error} />
      <div className="actions">
        <SubmitButton busy={busy} label={t('security.submit')} />
      </div>
    </form>
  )
}

function Level({ label, value, set }: { label: string; value: number; set: (value: number) => void }) {
  return (
    <LabelledField label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => set(Number(event.target.value))}>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  )
}

/** Likelihood × impact, flagged when at or above the office's threshold for a high risk. */
function Product({
  likelihood,
  impact,
  high,
  label,
}: {
  likelihood: number
  impact: number
  high: number
  label: string
}) {
  const { t } = useBoardWords()
  const product = likelihood * impact
  const isHigh = product >= high
  return (
    <p className={`risk-product${isHigh ? ' risk-product--high' : ''}`}>
      <span className="risk-product__label">{label}</span>
      <span>
        {likelihood} × {impact} = <strong>{product}</strong>
        {isHigh && <strong> · {t('security.high')}</strong>}
      </span>
    </p>
  )
}
