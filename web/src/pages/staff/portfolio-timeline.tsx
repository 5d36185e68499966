import { type FormEvent, useState } from 'react'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { LocalizedFields, localizedOf } from '../strategy/localized-fields.tsx'
import { type ProjectDetail, projectApi } from './portfolio-api.ts'
import { Local } from './portfolio-parts.tsx'
import { useBoardWords } from './portfolio-words.ts'

/** The project's timeline of updates and its documents, with a progress note or a link to add. */
export function Timeline({ detail, onChanged }: { detail: ProjectDetail; onChanged: () => Promise<void> }) {
  const { t, word, moment } = useBoardWords()
  const updates = [...detail.updates].sort((a, b) => b.at.localeCompare(a.at))
  return (
    <section className="panel" aria-labelledby="timeline">
      <h2 id="timeline">{t('timeline.title')}</h2>
      {updates.length === 0 ? (
        <p>{t('timeline.none')}</p>
      ) : (
        <ol className="timeline">
          {updates.map((update) => (
            <li key={`${update.at}-${update.kind}-${update.text.ro}`}>
              <span className="muted">
                {moment(update.at)} · {word('updates', update.kind)}
              </span>
              <p>
                <Local value={update.text} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <NoteForm slug={detail.project.slug} onChanged={onChanged} />
      <h3 id="documents">{t('documents.title')}</h3>
      {detail.documents.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul>
          {detail.documents.map((document) => (
            <li key={document.id}>
              <a href={document.url} rel="noreferrer">
                <Local value={document.title} />
              </a>
            </li>
          ))}
        </ul>
      )}
      <DocumentForm slug={detail.project.slug} onChanged={onChanged} />
    </section>
  )
}

function NoteForm({ slug, onChanged }: { slug: string; onChanged: () => Promise<void> }) {
  const { t } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [added, setAdded] = useState(false)
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = new FormData(form)
    setAdded(false)
    void run(async () => {
      await send(`${projectApi(slug)}/notes`, 'POST', { text: localizedOf(fields, 'note') })
      form.reset()
      setAdded(true)
      await onChanged()
    })
  }
  return (
    <form className="form board-form" onSubmit={add} aria-labelledby="add-note">
      <h3 id="add-note">{t('timeline.add')}</h3>
      <LocalizedFields name="note" legend={t('timeline.note')} multiline maxLength={4000} />
      <ProblemAlert error={error} />
      {added && <Done>{t('timeline.added')}</Done>}
      <div className="actions">
        <SubmitButton busy={busy} label={t('timeline.submit')} />
      </div>
    </form>
  )
}

function DocumentForm({ slug, onChanged }: { slug: string; onChanged: () => Promise<void> }) {
  const { t } = useBoardWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [added, setAdded] = useState(false)
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = new FormData(form)
    setAdded(false)
    void run(async () => {
      await send(`${projectApi(slug)}/documents`, 'POST', {
        title: localizedOf(fields, 'documentTitle'),
        url: String(fields.get('url') ?? '').trim(),
      })
      form.reset()
      setAdded(true)
      await onChanged()
    })
  }
  return (
    <form className="form board-form" onSubmit={add} aria-labelledby="add-document">
      <h4 id="add-document">{t('documents.add')}</h4>
      <LocalizedFields name="documentTitle" legend={t('documents.name')} maxLength={300} />
      <LabelledField label={t('documents.url')} hint={t('documents.urlHint')}>
        {(control) => <input {...control} name="url" type="url" required maxLength={1000} />}
      </LabelledField>
      <ProblemAlert error={error} />
      {added && <Done>{t('documents.added')}</Done>}
      <div className="actions">
        <SubmitButton busy={busy} label={t('documents.submit')} />
      </div>
    </form>
  )
}
