import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { getJson } from '../../api.ts'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import { FormProblem } from './problem.tsx'
import { SectionLoading } from './section-loading.tsx'

const loadDeletion = (signal: AbortSignal) => getJson<{ kept: string[] }>('/api/account/deletion', signal)

export function DeleteAccountPage() {
  const { t } = useTranslation('account')
  const { send, refresh } = useSession()
  const navigate = useNavigate()
  const [deletion, reload] = useResource(loadDeletion, 'always')
  const [password, setPassword] = useState('')
  const [understood, setUnderstood] = useState(false)
  const { run, busy, error } = useAction()
  useDocumentTitle(t('delete.title'))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await send('/api/account', 'DELETE', { password })
      // Leave the signed-in pages first, then forget the session the server has ended.
      await navigate('/')
      await refresh()
    })
  }

  return (
    <>
      <h1>{t('delete.title')}</h1>
      <p className="lead">{t('delete.intro')}</p>
      <h2>{t('delete.removedHeading')}</h2>
      <p>{t('delete.removed')}</p>
      <h2>{t('delete.keptHeading')}</h2>
      <SectionLoading resource={deletion} onRetry={reload}>
        {(data) => (
          <ul>
            {data.kept.map((item) => (
              <li key={item} lang="en">
                {item}
              </li>
            ))}
          </ul>
        )}
      </SectionLoading>
      <p>{t('delete.exportFirst')}</p>

      <h2 id="confirm-heading">{t('delete.confirmHeading')}</h2>
      <form className="form form--danger" onSubmit={submit} aria-labelledby="confirm-heading">
        <div className="form-check">
          <input
            id="delete-understood"
            type="checkbox"
            required
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          <label htmlFor="delete-understood">{t('delete.understood')}</label>
        </div>
        <FormField
          label={t('fields.password')}
          hint={t('delete.passwordHint')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <FormProblem error={error} />
        <SubmitButton busy={busy} label={t('delete.submit')} className="button--danger" />
      </form>
    </>
  )
}
