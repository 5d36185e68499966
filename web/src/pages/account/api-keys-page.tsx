import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getJson } from '../../api.ts'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import type { ApiKey } from './account-api.ts'
import { useFormatDate } from './format.ts'
import { FormProblem } from './problem.tsx'
import { SectionLoading } from './section-loading.tsx'

const loadKeys = (signal: AbortSignal) => getJson<{ items: ApiKey[] }>('/api/account/api-keys', signal)
const expiries = ['30', '90', '365', ''] as const

export function ApiKeysPage() {
  const { t } = useTranslation('account')
  const { send } = useSession()
  const formatDate = useFormatDate()
  const [keys, reload] = useResource(loadKeys, 'always')
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState('')
  const [expiry, setExpiry] = useState<(typeof expiries)[number]>('90')
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null)
  const [status, setStatus] = useState('')
  const creating = useAction()
  const revoking = useAction()
  const expiryId = useId()
  useDocumentTitle(t('apiKeys.title'))

  const create = (event: FormEvent) => {
    event.preventDefault()
    setStatus('')
    setCreated(null)
    void creating.run(async () => {
      const { key } = await send<{ id: string; key: string }>('/api/account/api-keys', 'POST', {
        name: name.trim(),
        scopes: scopes.split(/[\s,]+/).filter(Boolean),
        ...(expiry ? { expiresInDays: Number(expiry) } : {}),
      })
      setCreated({ name: name.trim(), key })
      setName('')
      setScopes('')
      reload()
    })
  }

  const revoke = (key: ApiKey) => {
    setStatus('')
    void revoking.run(async () => {
      await send(`/api/api-keys/${key.id}`, 'DELETE')
      setStatus(t('apiKeys.revoked', { name: key.name }))
      reload()
    })
  }

  return (
    <>
      <h1>{t('apiKeys.title')}</h1>
      <p className="lead">{t('apiKeys.intro')}</p>

      {created && <NewKey name={created.name} secret={created.key} onDone={() => setCreated(null)} />}

      <SectionLoading resource={keys} onRetry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('apiKeys.none')}</p>
          ) : (
            <ul className="cards">
              {data.items.map((key) => (
                <li key={key.id} className="card">
                  <p className="card__title">
                    {key.name}{' '}
                    {key.revokedAt && (
                      <strong className="badge badge--warning">{t('apiKeys.isRevoked')}</strong>
                    )}
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>{t('apiKeys.prefix')}</dt>
                      <dd>
                        <code>{key.prefix}…</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('apiKeys.scopes')}</dt>
                      <dd>
                        {key.scopes.map((scope) => (
                          <code key={scope} className="scope">
                            {scope}
                          </code>
                        ))}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('apiKeys.created')}</dt>
                      <dd>{formatDate(key.createdAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('apiKeys.expires')}</dt>
                      <dd>{key.expiresAt ? formatDate(key.expiresAt) : t('apiKeys.never')}</dd>
                    </div>
                    <div>
                      <dt>{t('apiKeys.lastUsed')}</dt>
                      <dd>{key.lastUsedAt ? formatDate(key.lastUsedAt) : t('apiKeys.neverUsed')}</dd>
                    </div>
                    {key.revokedAt && (
                      <div>
                        <dt>{t('apiKeys.revokedAt')}</dt>
                        <dd>{formatDate(key.revokedAt)}</dd>
                      </div>
                    )}
                  </dl>
                  {!key.revokedAt && (
                    <button
                      type="button"
                      className="button--secondary"
                      disabled={revoking.busy}
                      onClick={() => revoke(key)}
                      aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                    >
                      {t('apiKeys.revoke')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </SectionLoading>
      <FormProblem error={revoking.error} />
      <p role="status">{status}</p>

      <h2 id="new-key-heading">{t('apiKeys.createHeading')}</h2>
      <form className="form" onSubmit={create} aria-labelledby="new-key-heading">
        <FormField
          label={t('apiKeys.name')}
          hint={t('apiKeys.nameHint')}
          name="key-name"
          required
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <FormField
          label={t('apiKeys.scopes')}
          hint={t('apiKeys.scopesHint')}
          name="key-scopes"
          required
          spellCheck={false}
          autoCapitalize="none"
          value={scopes}
          onChange={(event) => setScopes(event.target.value)}
        />
        <div className="form-field">
          <label htmlFor={expiryId}>{t('apiKeys.expiry')}</label>
          <select
            id={expiryId}
            value={expiry}
            onChange={(event) => setExpiry(event.target.value as (typeof expiries)[number])}
          >
            {expiries.map((days) => (
              <option key={days} value={days}>
                {days ? t('apiKeys.expiryDays', { count: Number(days) }) : t('apiKeys.expiryNever')}
              </option>
            ))}
          </select>
        </div>
        <FormProblem error={creating.error} />
        <SubmitButton busy={creating.busy} label={t('apiKeys.create')} />
      </form>
    </>
  )
}

/** The new key, shown this once, with a way to copy it. */
function NewKey({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation('account')
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const fieldId = useId()
  const box = useRef<HTMLElement>(null)
  // The key appears above the form that made it: take the reader there.
  useEffect(() => box.current?.focus(), [])

  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    )

  return (
    <section className="new-key" aria-labelledby={`${fieldId}-heading`} ref={box} tabIndex={-1}>
      <h2 id={`${fieldId}-heading`}>{t('apiKeys.newHeading', { name })}</h2>
      <p className="new-key__warning">
        <strong>{t('apiKeys.onceWarning')}</strong>
      </p>
      <label htmlFor={fieldId}>{t('apiKeys.theKey')}</label>
      <div className="new-key__row">
        <input
          id={fieldId}
          className="new-key__value"
          readOnly
          value={secret}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" onClick={copy}>
          {t('apiKeys.copy')}
        </button>
      </div>
      <p role="status">
        {copied === 'yes' ? t('apiKeys.copied') : copied === 'no' ? t('apiKeys.copyFailed') : ''}
      </p>
      <p>{t('apiKeys.howToUse')}</p>
      <button type="button" className="button--secondary" onClick={onDone}>
        {t('apiKeys.stored')}
      </button>
    </section>
  )
}
