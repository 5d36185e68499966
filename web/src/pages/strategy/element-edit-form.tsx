import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../../api.ts'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { LocalizedFields, localizedOf } from './localized-fields.tsx'
import type { Element } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

/**
 * Changes an element's title and summary, with why; sent with the version it was made on, so a
 * change someone saved meanwhile is not overwritten (the server answers 409 and the reader reloads).
 */
export function ElementEditForm({
  element,
  onSaved,
  onReload,
}: {
  element: Element
  onSaved: (version: number) => Promise<void>
  onReload: () => void
}) {
  const { t } = useStrategyWords()
  const id = useId()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [open, setOpen] = useState(false)
  const conflict = error instanceof ApiError && error.status === 409

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fields = new FormData(event.currentTarget)
    const note = String(fields.get('note') ?? '').trim()
    await run(async () => {
      const changed = await send<Element>(
        `/api/strategy/elements/${encodeURIComponent(element.key)}`,
        'PATCH',
        {
          version: element.version,
          title: localizedOf(fields, 'title'),
          summary: localizedOf(fields, 'summary'),
          ...(note ? { note } : {}),
        },
      )
      await onSaved(changed.version)
    })
  }

  return (
    <section className="panel element-edit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('edit.title')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('edit.open')}
        </button>
      ) : (
        <form className="strategy-form" onSubmit={(event) => void submit(event)}>
          <p className="hint">{t('edit.lead', { version: element.version })}</p>
          <LocalizedFields name="title" legend={t('form.title')} value={element.title} />
          <LocalizedFields name="summary" legend={t('form.summary')} value={element.summary} multiline />
          <LabelledField label={t('form.note')} hint={t('form.noteHint')}>
            {(control) => <textarea {...control} name="note" rows={2} maxLength={500} />}
          </LabelledField>
          {conflict ? (
            <div className="problem" role="alert">
              <p>{t('edit.conflict')}</p>
              <p className="problem__reference">{error.message}</p>
              <button type="button" onClick={onReload}>
                {t('edit.reload')}
              </button>
            </div>
          ) : (
            <ProblemAlert error={error} lead={t('edit.failed')} />
          )}
          <div className="actions">
            <SubmitButton busy={busy} label={t('edit.save')} />
            <button type="button" className="button--secondary" onClick={() => setOpen(false)}>
              {t('edit.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
