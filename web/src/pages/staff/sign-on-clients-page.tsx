import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_SCOPES } from '../../../../src/modules/identity/oidc/scopes.ts'
import { ConfirmQuestion } from '../../components/confirm-question.tsx'
import { DateTime } from '../../components/date-time.tsx'
import { Done } from '../../components/done.tsx'
import { Fact } from '../../components/fact.tsx'
import { LabelledField } from '../../components/labelled-field.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { Pending, ProblemAlert, SecretOnce, StaffPage } from './parts.tsx'
import { getSignOnClients, type SignOnClient } from './staff-api.ts'

const SCOPES = Object.keys(API_SCOPES)
const lines = (text: string) =>
  text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean)

/** The city apps (OpenID Connect relying parties) allowed to use the platform's sign-on. */
export function SignOnClientsPage() {
  const { t } = useTranslation('staff')
  const [clients, reload] = useResource(getSignOnClients, 'reload')
  const [created, setCreated] = useState<{
    clientId: string
    clientSecret: string | null
    name: string
  } | null>(null)
  const [removed, setRemoved] = useState<string | null>(null)

  return (
    <StaffPage
      title={t('clients.title')}
      lead={t('clients.lead')}
      back={{ to: '/staff', label: t('common.backToIndex') }}
    >
      <section aria-labelledby="clients-list">
        <h2 id="clients-list">{t('clients.listHeading')}</h2>
        <Pending resource={clients} />
        {removed && <Done>{t('clients.removed', { name: removed })}</Done>}
        {clients.status === 'ready' &&
          (clients.data.items.length === 0 ? (
            <p>{t('clients.none')}</p>
          ) : (
            <ul className="client-list">
              {clients.data.items.map((client) => (
                <ClientEntry
                  key={client.clientId}
                  client={client}
                  onRemoved={async () => {
                    setCreated(null)
                    setRemoved(client.name)
                    await reload()
                  }}
                />
              ))}
            </ul>
          ))}
      </section>
      <RegisterForm
        onRegistered={async (answer) => {
          setRemoved(null)
          setCreated(answer)
          await reload()
        }}
      />
      {created && (
        <section aria-labelledby="clients-created" className="panel">
          <h2 id="clients-created">{t('clients.createdHeading', { name: created.name })}</h2>
          <dl className="facts">
            <Fact term={t('clients.clientId')}>
              <code>{created.clientId}</code>
            </Fact>
          </dl>
          {created.clientSecret ? (
            <SecretOnce
              label={t('clients.secret')}
              value={created.clientSecret}
              warning={t('clients.secretWarning')}
            />
          ) : (
            <p className="notice">{t('clients.publicNoSecret')}</p>
          )}
        </section>
      )}
    </StaffPage>
  )
}

function ClientEntry({ client, onRemoved }: { client: SignOnClient; onRemoved: () => Promise<void> }) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const action = useAction()

  const remove = async () => {
    if (
      await action.run(
        async () => void (await send(`/api/oidc/clients/${encodeURIComponent(client.clientId)}`, 'DELETE')),
      )
    )
      await onRemoved()
  }

  return (
    <li className="client" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{client.name}</h3>
      <dl className="facts facts--compact">
        <Fact term={t('clients.clientId')}>
          <code>{client.clientId}</code>
        </Fact>
        <Fact term={t('clients.kind')}>
          {client.public ? t('clients.public') : t('clients.confidential')}
        </Fact>
        <Fact term={t('clients.redirectUris')}>
          <CodeLines items={client.redirectUris} />
        </Fact>
        <Fact term={t('clients.scopes')}>
          {client.scopes.length === 0 ? t('clients.signInOnly') : <CodeLines items={client.scopes} />}
        </Fact>
        <Fact term={t('clients.registered')}>
          <DateTime value={client.createdAt} dateOnly />
        </Fact>
      </dl>
      {confirming ? (
        <ConfirmQuestion
          question={t('clients.confirmRemove', { name: client.name })}
          confirm={t('clients.confirmYes')}
          cancel={t('common.cancel')}
          busy={action.busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="button--secondary" onClick={() => setConfirming(true)}>
          {t('clients.remove', { name: client.name })}
        </button>
      )}
      {action.busy && <Working>{t('clients.removing')}</Working>}
      <ProblemAlert error={action.error} />
    </li>
  )
}

/** Addresses or names as code, one a line. */
function CodeLines({ items }: { items: string[] }) {
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  )
}

function RegisterForm({
  onRegistered,
}: {
  onRegistered: (answer: { clientId: string; clientSecret: string | null; name: string }) => Promise<void>
}) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const [name, setName] = useState('')
  const [clientId, setClientId] = useState('')
  const [isPublic, setPublic] = useState(false)
  const [redirectUris, setRedirectUris] = useState('')
  const [logoutUris, setLogoutUris] = useState('')
  const [scopes, setScopes] = useState<string[]>([])
  const action = useAction()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await action.run(async () => {
      const answer = await send<{ clientId: string; clientSecret: string | null }>(
        '/api/oidc/clients',
        'POST',
        {
          name: name.trim(),
          ...(clientId.trim() ? { clientId: clientId.trim() } : {}),
          redirectUris: lines(redirectUris),
          ...(lines(logoutUris).length ? { postLogoutRedirectUris: lines(logoutUris) } : {}),
          scopes,
          public: isPublic,
        },
      )
      const registered = name.trim()
      setName('')
      setClientId('')
      setRedirectUris('')
      setLogoutUris('')
      setScopes([])
      setPublic(false)
      await onRegistered({ ...answer, name: registered })
    })
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t('clients.registerHeading')}</h2>
      <form className="form" onSubmit={submit}>
        <LabelledField label={t('clients.name')} hint={t('clients.nameHint')}>
          {(control) => (
            <input
              {...control}
              value={name}
              required
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField label={t('clients.clientIdOptional')} hint={t('clients.clientIdHint')}>
          {(control) => (
            <input
              {...control}
              value={clientId}
              pattern="[a-z0-9][a-z0-9\-]{2,62}"
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setClientId(event.target.value)}
            />
          )}
        </LabelledField>
        <fieldset>
          <legend>{t('clients.kind')}</legend>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-confidential`}
              name={`${id}-kind`}
              checked={!isPublic}
              onChange={() => setPublic(false)}
            />
            <label htmlFor={`${id}-confidential`}>
              {t('clients.confidential')} <span className="muted">– {t('clients.confidentialHint')}</span>
            </label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-public`}
              name={`${id}-kind`}
              checked={isPublic}
              onChange={() => setPublic(true)}
            />
            <label htmlFor={`${id}-public`}>
              {t('clients.public')} <span className="muted">– {t('clients.publicHint')}</span>
            </label>
          </div>
        </fieldset>
        <LabelledField label={t('clients.redirectUris')} hint={t('clients.redirectHint')}>
          {(control) => (
            <textarea
              {...control}
              value={redirectUris}
              required
              rows={3}
              spellCheck={false}
              onChange={(event) => setRedirectUris(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField label={t('clients.logoutUris')} hint={t('clients.logoutHint')}>
          {(control) => (
            <textarea
              {...control}
              value={logoutUris}
              rows={2}
              spellCheck={false}
              onChange={(event) => setLogoutUris(event.target.value)}
            />
          )}
        </LabelledField>
        <fieldset>
          <legend>{t('clients.scopes')}</legend>
          <p className="hint">{t('clients.scopesHint')}</p>
          {SCOPES.map((scope, index) => (
            <div className="choice" key={scope}>
              <input
                type="checkbox"
                id={`${id}-scope-${index}`}
                checked={scopes.includes(scope)}
                onChange={(event) =>
                  setScopes((chosen) =>
                    event.target.checked ? [...chosen, scope] : chosen.filter((item) => item !== scope),
                  )
                }
              />
              <label htmlFor={`${id}-scope-${index}`}>
                <code>{scope}</code>{' '}
                <span className="muted">
                  –{' '}
                  {t(
                    `scopeDescriptions.${scope.replace(/[^a-z]/gi, '_')}` as 'scopeDescriptions.cetate_catalog_dataset_read',
                    { defaultValue: API_SCOPES[scope] },
                  )}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {t('clients.register')}
          </button>
        </div>
        {action.busy && <Working>{t('clients.registering')}</Working>}
        <ProblemAlert error={action.error} />
      </form>
    </section>
  )
}
