import { type FormEvent, useId, useState } from 'react'
import { Link } from 'react-router'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { LocalText } from './local-text.tsx'
import { LocalizedFields, localizedOf } from './localized-fields.tsx'
import { type Element, elementPath } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

/** The stable name of a direction from its code: 5i → direction-5i. */
export const directionKey = (code: string) =>
  `direction-${code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`

/** Adds an action direction to a group during implementation (the Innovation Office). */
export function AddDirectionForm({ groups, onAdded }: { groups: Element[]; onAdded: () => void }) {
  const { t, text } = useStrategyWords()
  const id = useId()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [added, setAdded] = useState<Element | null>(null)
  const [code, setCode] = useState('')

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = new FormData(form)
    const note = String(fields.get('note') ?? '').trim()
    setAdded(null)
    await run(async () => {
      const created = await send<Element>('/api/strategy/elements', 'POST', {
        key: directionKey(code),
        kind: 'direction',
        parent: String(fields.get('parent')),
        code: code.trim(),
        title: localizedOf(fields, 'title'),
        summary: localizedOf(fields, 'summary'),
        ...(note ? { note } : {}),
      })
      setAdded(created)
      form.reset()
      setCode('')
      onAdded()
    })
  }

  return (
    <section className="panel add-direction" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('add.title')}</h2>
      <p className="hint">{t('add.lead')}</p>
      <form className="strategy-form" onSubmit={(event) => void submit(event)}>
        <LabelledField label={t('add.parent')}>
          {(control) => (
            <select {...control} name="parent" required>
              {groups.map((group) => (
                <option key={group.key} value={group.key}>
                  {group.code} · {text(group.title)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField
          label={t('add.code')}
          hint={code.trim() ? t('add.keyHint', { key: directionKey(code) }) : t('add.codeHint')}
        >
          {(control) => (
            <input
              {...control}
              name="code"
              required
              maxLength={12}
              pattern="[0-9A-Za-z]+"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </LabelledField>
        <LocalizedFields name="title" legend={t('form.title')} />
        <LocalizedFields name="summary" legend={t('form.summary')} multiline />
        <LabelledField label={t('form.note')} hint={t('form.noteHint')}>
          {(control) => <textarea {...control} name="note" rows={2} maxLength={500} />}
        </LabelledField>
        <ProblemAlert error={error} lead={t('add.failed')} />
        {added && (
          <Done>
            {t('add.done')}{' '}
            <Link to={elementPath(added.key)}>
              <LocalText value={added.title} />
            </Link>
          </Done>
        )}
        <div className="actions">
          <SubmitButton busy={busy} label={t('add.submit')} />
        </div>
      </form>
    </section>
  )
}
