import { type FormEvent, useCallback, useId, useState } from 'react'
import { Link } from 'react-router'
import { REUSE_KINDS } from '../../../../src/modules/catalog/vocabularies.ts'
import { Done } from '../../components/done.tsx'
import { SubmitButton } from '../../components/form-field.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { type Dataset, getReuses, type ReuseCreate } from './catalog-api.ts'
import { Pending, ProblemAlert } from './parts.tsx'
import { useDataWords } from './words.ts'

/** The apps, studies and visualisations built on a dataset, and a form to tell of one. */
export function Reuses({ dataset }: { dataset: Dataset }) {
  const { t } = useDataWords()
  const id = useId()
  const { state } = useSession()
  const load = useCallback((signal: AbortSignal) => getReuses(dataset.name, signal), [dataset.name])
  const [reuses, reload] = useResource(load, 'reload')

  return (
    <section aria-labelledby={`${id}-heading`} className="reuses">
      <h2 id={`${id}-heading`}>{t('reuses.heading')}</h2>
      <Pending resource={reuses} onRetry={() => void reload()} />
      {reuses.status === 'ready' &&
        (reuses.data.items.length === 0 ? (
          <p className="notice">{t('reuses.none')}</p>
        ) : (
          <ul className="reuse-list">
            {reuses.data.items.map((reuse) => (
              <li key={reuse.id} className="reuse">
                <h3>
                  <a href={reuse.url}>{reuse.title}</a>
                </h3>
                <p className="reuse__meta">
                  <span className="badge">{t(`reuses.kinds.${reuse.kind}`)}</span> {reuse.author}
                </p>
                {reuse.description && <p>{reuse.description}</p>}
              </li>
            ))}
          </ul>
        ))}
      {state.status === 'signed-in' ? (
        <ReuseForm dataset={dataset} onAdded={reload} />
      ) : (
        state.status === 'anonymous' && (
          <p>
            <Link to={`/account/sign-in?return=${encodeURIComponent(`/data/${dataset.name}`)}`}>
              {t('reuses.signIn')}
            </Link>
          </p>
        )
      )}
    </section>
  )
}

function ReuseForm({ dataset, onAdded }: { dataset: Dataset; onAdded: () => Promise<void> }) {
  const { t } = useDataWords()
  const { send } = useSession()
  const { busy, error, run } = useAction()
  const [added, setAdded] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = new FormData(form)
    const value = (name: string) => String(fields.get(name) ?? '').trim()
    const body: ReuseCreate = {
      kind: value('kind') as ReuseCreate['kind'],
      title: value('title'),
      url: value('url'),
      author: value('author'),
      datasets: [dataset.name],
      ...(value('description') ? { description: value('description') } : {}),
    }
    setAdded(null)
    const ok = await run(async () => {
      await send('/api/catalog/reuses', 'POST', body)
      await onAdded()
    })
    if (ok) {
      setAdded(body.title)
      form.reset()
    }
  }

  return (
    <details className="reuse-form">
      <summary>{t('reuses.add')}</summary>
      <form onSubmit={(event) => void submit(event)}>
        <LabelledField label={t('reuses.form.kind')}>
          {(control) => (
            <select {...control} name="kind" defaultValue="app">
              {REUSE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`reuses.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={t('reuses.form.title')}>
          {(control) => <input {...control} name="title" required minLength={2} maxLength={200} />}
        </LabelledField>
        <LabelledField label={t('reuses.form.url')} hint={t('reuses.form.urlHint')}>
          {(control) => <input {...control} name="url" type="url" required pattern="https?://.+" />}
        </LabelledField>
        <LabelledField label={t('reuses.form.author')} hint={t('reuses.form.authorHint')}>
          {(control) => <input {...control} name="author" required maxLength={200} />}
        </LabelledField>
        <LabelledField label={t('reuses.form.description')}>
          {(control) => <textarea {...control} name="description" rows={3} maxLength={2000} />}
        </LabelledField>
        <ProblemAlert error={error} lead={t('reuses.failed')} />
        <div className="actions">
          <SubmitButton busy={busy} label={t('reuses.form.submit')} />
        </div>
        {added && <Done>{t('reuses.added', { title: added })}</Done>}
      </form>
    </details>
  )
}
