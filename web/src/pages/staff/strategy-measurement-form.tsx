import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { LocalText } from '../strategy/local-text.tsx'
import type { Kpi, Measurement } from '../strategy/strategy-api.ts'
import { useStrategyWords } from '../strategy/strategy-words.ts'
import { useValueText } from './strategy-kpi-parts.tsx'

/** Today in the reader's calendar, as YYYY-MM-DD. */
function today(): string {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * A value entered by hand, with the evidence it comes from. The evidence is not marked `required`
 * for the browser: the server is the one that refuses a value without it, and its reason is shown.
 */
export function MeasurementForm({ kpi, onRecorded }: { kpi: Kpi; onRecorded: () => Promise<void> }) {
  const { t, text, day } = useStrategyWords()
  const valueText = useValueText()
  const id = useId()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [recorded, setRecorded] = useState<{ value: number; period: string } | null>(null)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = new FormData(form)
    const value = Number(fields.get('value'))
    const period = String(fields.get('period') ?? '')
    const evidence = String(fields.get('evidence') ?? '').trim()
    const note = String(fields.get('note') ?? '').trim()
    setRecorded(null)
    await run(async () => {
      const answer = await send<{ measurements: Measurement[] }>(
        `/api/strategy/kpis/${encodeURIComponent(kpi.slug)}/measurements`,
        'POST',
        { value, evidence, ...(period ? { period } : {}), ...(note ? { note } : {}) },
      )
      setRecorded({ value, period: answer.measurements[0]?.period ?? period })
      form.reset()
      await onRecorded()
    })
  }

  return (
    <form
      className="measurement-form"
      aria-label={t('measure.title', { name: text(kpi.name) })}
      aria-describedby={`${id}-lead`}
      onSubmit={(event) => void submit(event)}
    >
      <p className="hint" id={`${id}-lead`}>
        {t('measure.lead', { frequency: t(`frequencies.${kpi.frequency}` as 'frequencies.monthly') })}
        {kpi.sourceNote && (
          <>
            {' '}
            <LocalText value={kpi.sourceNote} />
          </>
        )}
      </p>
      <div className="measurement-form__row">
        <LabelledField label={t('measure.value', { unit: kpi.unit })}>
          {(control) => <input {...control} ref={first} name="value" type="number" step="any" required />}
        </LabelledField>
        <LabelledField label={t('measure.period')} hint={t('measure.periodHint')}>
          {(control) => <input {...control} name="period" type="date" max={today()} defaultValue={today()} />}
        </LabelledField>
      </div>
      <LabelledField label={t('measure.evidence')} hint={t('measure.evidenceHint')}>
        {(control) => <input {...control} name="evidence" maxLength={1000} />}
      </LabelledField>
      <LabelledField label={t('measure.note')}>
        {(control) => <textarea {...control} name="note" rows={2} maxLength={1000} />}
      </LabelledField>
      <ProblemAlert error={error} lead={t('measure.refused')} />
      {recorded && (
        <Done>
          {t('measure.done', { value: valueText(recorded.value, kpi.unit), day: day(recorded.period) })}
        </Done>
      )}
      <div className="actions">
        <SubmitButton busy={busy} label={t('measure.submit')} />
      </div>
    </form>
  )
}
