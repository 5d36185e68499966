import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getJson } from '../../api.ts'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import type { Ceremony, Passkey } from './account-api.ts'
import { useFormatDate } from './format.ts'
import { FormProblem } from './problem.tsx'
import { SectionLoading } from './section-loading.tsx'
import { createPasskey, passkeysSupported } from './webauthn.ts'

const loadPasskeys = (signal: AbortSignal) => getJson<{ items: Passkey[] }>('/api/account/passkeys', signal)

export function PasskeysPage() {
  const { t } = useTranslation('account')
  const { send } = useSession()
  const formatDate = useFormatDate()
  const [passkeys, reload] = useResource(loadPasskeys, 'always')
  const [name, setName] = useState('')
  const [status, setStatus] = useState('')
  const adding = useAction()
  const removing = useAction()
  useDocumentTitle(t('passkeys.title'))

  const add = (event: FormEvent) => {
    event.preventDefault()
    setStatus('')
    void adding.run(async () => {
      const ceremony = await send<Ceremony>('/api/account/passkeys/options', 'POST')
      const response = await createPasskey(ceremony.options)
      await send('/api/account/passkeys', 'POST', {
        challengeId: ceremony.challengeId,
        name: name.trim(),
        response,
      })
      setStatus(t('passkeys.added', { name: name.trim() }))
      setName('')
      reload()
    })
  }

  const remove = (passkey: Passkey) => {
    setStatus('')
    void removing.run(async () => {
      await send(`/api/account/passkeys/${encodeURIComponent(passkey.id)}`, 'DELETE')
      setStatus(t('passkeys.removed', { name: passkey.name }))
      reload()
    })
  }

  return (
    <>
      <h1>{t('passkeys.title')}</h1>
      <p className="lead">{t('passkeys.intro')}</p>
      <SectionLoading resource={passkeys} onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('passkeys.none')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((passkey) => (
                <li key={passkey.id} className="card">
                  <p className="card__title">{passkey.name}</p>
                  <dl className="facts">
                    <div>
                      <dt>{t('passkeys.created')}</dt>
                      <dd>{formatDate(passkey.createdAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('passkeys.lastUsed')}</dt>
                      <dd>{passkey.lastUsedAt ? formatDate(passkey.lastUsedAt) : t('passkeys.neverUsed')}</dd>
                    </div>
                  </dl>
                  <button
                    type="button"
                    className="button--secondary"
                    disabled={removing.busy}
                    onClick={() => remove(passkey)}
                    aria-label={t('passkeys.removeNamed', { name: passkey.name })}
                  >
                    {t('passkeys.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </SectionLoading>
      <FormProblem error={removing.error} />
      <p role="status">{status}</p>

      <h2 id="add-passkey-heading">{t('passkeys.addHeading')}</h2>
      {passkeysSupported() ? (
        <form className="form" onSubmit={add} aria-labelledby="add-passkey-heading">
          <FormField
            label={t('passkeys.name')}
            hint={t('passkeys.nameHint')}
            name="passkey-name"
            required
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <FormProblem error={adding.error} />
          <SubmitButton busy={adding.busy} label={t('passkeys.add')} />
        </form>
      ) : (
        <p>{t('passkeys.unsupported')}</p>
      )}
    </>
  )
}
