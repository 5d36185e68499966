import { type FormEvent, useId, useState } from 'react'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import {
  type Call,
  type Submission,
  type SubmissionInput,
  submissionsPath,
  type TeamMember,
} from './challenge-api.ts'
import { LocalText } from './local-text.tsx'
import type { Localized, StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

type TextField = 'title' | 'summary' | 'pilotPlan'

/** A text in Romanian (required) and, for a reader of another language, in theirs (optional). */
function LocalizedInput({
  label,
  value,
  multiline = false,
  onChange,
}: {
  label: string
  value: Localized
  multiline?: boolean
  onChange: (value: Localized) => void
}) {
  const { t, language } = usePortfolioWords()
  const languages = language === 'ro' ? (['ro'] as const) : (['ro', language] as const)
  return (
    <fieldset className="localized-input">
      <legend>{label}</legend>
      {languages.map((code) => (
        <LabelledField key={code} label={code === 'ro' ? t('submit.inRomanian') : t('submit.inYours')}>
          {(control) => {
            const props = {
              ...control,
              lang: code,
              required: code === 'ro',
              value: value[code] ?? '',
              onChange: (event: { target: { value: string } }) =>
                onChange({ ...value, [code]: event.target.value }),
            }
            return multiline ? (
              <textarea {...props} rows={4} maxLength={5000} />
            ) : (
              <input {...props} maxLength={200} />
            )
          }}
        </LabelledField>
      ))}
    </fieldset>
  )
}

const withoutBlanks = (text: Localized): Localized => {
  const result: Localized = { ro: text.ro.trim() }
  for (const code of ['en', 'hu'] as const) if (text[code]?.trim()) result[code] = text[code].trim()
  return result
}

/** A proposal to the challenge: written once, changed until the deadline. */
export function SubmissionForm({
  call,
  objectives,
  existing,
  saved,
  onSaved,
}: {
  call: Call
  objectives: Map<string, StrategyElement>
  existing: Submission | undefined
  /** The proposal was saved in this visit (shown after the form is drawn anew for the saved proposal). */
  saved: boolean
  onSaved: () => Promise<void>
}) {
  const { t, moment } = usePortfolioWords()
  const { send } = useSession()
  const id = useId()
  const { busy, error, run } = useAction()
  const [draft, setDraft] = useState<SubmissionInput>(() => ({
    title: existing?.title ?? { ro: '' },
    summary: existing?.summary ?? { ro: '' },
    pilotPlan: existing?.pilotPlan ?? { ro: '' },
    objectives: existing?.objectives ?? [],
    team: existing?.team ?? [{ name: '', role: '' }],
    budgetAsked: existing?.budgetAsked ?? 0,
  }))
  const setText = (field: TextField) => (value: Localized) => setDraft({ ...draft, [field]: value })
  const setMember = (index: number, member: TeamMember) =>
    setDraft({ ...draft, team: draft.team.map((other, at) => (at === index ? member : other)) })
  const toggle = (key: string, on: boolean) =>
    setDraft({
      ...draft,
      objectives: on ? [...draft.objectives, key] : draft.objectives.filter((other) => other !== key),
    })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const body: SubmissionInput = {
      ...draft,
      title: withoutBlanks(draft.title),
      summary: withoutBlanks(draft.summary),
      pilotPlan: withoutBlanks(draft.pilotPlan),
      team: draft.team
        .map((member) => ({ name: member.name.trim(), role: member.role.trim() }))
        .filter((member) => member.name && member.role),
    }
    const path = existing ? `${submissionsPath(call.year)}/${existing.id}` : submissionsPath(call.year)
    if (await run(() => send(path, existing ? 'PATCH' : 'POST', body))) await onSaved()
  }

  return (
    <form
      className="submission-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>{existing ? t('submit.editHeading') : t('submit.newHeading')}</h3>
      {existing && (
        <p className="muted">
          {t('submit.lastSaved', { date: moment(existing.updatedAt) })} <LocalText value={existing.title} />
        </p>
      )}
      <LocalizedInput label={t('submit.title')} value={draft.title} onChange={setText('title')} />
      <LocalizedInput
        label={t('submit.summary')}
        value={draft.summary}
        multiline
        onChange={setText('summary')}
      />
      <fieldset>
        <legend>{t('submit.objectives')}</legend>
        <p className="hint">{t('submit.objectivesHint')}</p>
        {call.objectives.map((key) => {
          const objective = objectives.get(key)
          return (
            <label key={key} className="form-check">
              <input
                type="checkbox"
                checked={draft.objectives.includes(key)}
                onChange={(event) => toggle(key, event.target.checked)}
              />{' '}
              {objective?.code ? `${objective.code}. ` : ''}
              {objective ? <LocalText value={objective.title} /> : key}
            </label>
          )
        })}
      </fieldset>
      <fieldset>
        <legend>{t('submit.team')}</legend>
        <p className="hint">{t('submit.teamHint')}</p>
        {draft.team.map((member, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a team row has no identity but its place
          <div className="team-row" key={index}>
            <LabelledField label={t('submit.memberName', { number: index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  value={member.name}
                  maxLength={120}
                  onChange={(event) => setMember(index, { ...member, name: event.target.value })}
                />
              )}
            </LabelledField>
            <LabelledField label={t('submit.memberRole', { number: index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  value={member.role}
                  maxLength={120}
                  onChange={(event) => setMember(index, { ...member, role: event.target.value })}
                />
              )}
            </LabelledField>
            <button
              type="button"
              className="button--secondary"
              onClick={() => setDraft({ ...draft, team: draft.team.filter((_, at) => at !== index) })}
            >
              {t('submit.removeMember', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button--secondary"
          onClick={() => setDraft({ ...draft, team: [...draft.team, { name: '', role: '' }] })}
        >
          {t('submit.addMember')}
        </button>
      </fieldset>
      <LabelledField label={t('submit.budget')} hint={t('submit.budgetHint')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step={100}
            required
            value={draft.budgetAsked}
            onChange={(event) => setDraft({ ...draft, budgetAsked: Number(event.target.value) })}
          />
        )}
      </LabelledField>
      <LocalizedInput
        label={t('submit.pilotPlan')}
        value={draft.pilotPlan}
        multiline
        onChange={setText('pilotPlan')}
      />
      <ProblemAlert error={error} />
      {saved && <Done>{t('submit.saved')}</Done>}
      <p>
        <SubmitButton busy={busy} label={existing ? t('submit.save') : t('submit.send')} />
      </p>
    </form>
  )
}
