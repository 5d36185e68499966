import { type FormEvent, useCallback, useId, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { getJson } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useResource } from '../../use-resource.ts'
import {
  attributesOf,
  getSubscriptions,
  getTypes,
  NGSI_BASE,
  type NgsiEntity,
  SUBSCRIPTIONS,
  type Subscription,
  subscriptionPath,
} from './ngsi.ts'
import { DateTime, Done, LivePage, ProblemAlert, ScrollRegion, useAction, Working } from './parts.tsx'
import { useLiveWords } from './words.ts'

/** Types offered when the broker has none yet, so a developer can subscribe before the first sensor reports. */
const KNOWN_TYPES = [
  'AirQualityObserved',
  'WeatherObserved',
  'TrafficFlowObserved',
  'OffStreetParking',
  'ParkingSpot',
]

const ACCEPTS = ['application/json', 'application/ld+json'] as const

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)

/** The API in two sentences and one command, for someone about to write a client. */
function ForDevelopers() {
  const { t } = useLiveWords()
  const id = useId()
  const origin = window.location.origin
  const example = `curl -H 'Accept: application/geo+json' \\\n  '${origin}${NGSI_BASE}/entities?type=AirQualityObserved&options=keyValues&limit=10'`
  return (
    <aside className="developers" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('developers.heading')}</h2>
      <p>
        {t('developers.base')} <code>{`${origin}${NGSI_BASE}`}</code>
      </p>
      <p>{t('developers.standard')}</p>
      <p>
        <a href="/api/docs">{t('developers.docs')}</a>
      </p>
      <p id={`${id}-example`}>{t('developers.example')}</p>
      <ScrollRegion labelledBy={`${id}-example`} className="code-scroll">
        <pre>
          <code>{example}</code>
        </pre>
      </ScrollRegion>
    </aside>
  )
}

/** /live/subscriptions — a developer's NGSI-LD subscriptions: notifications to their endpoint on changes. */
export function SubscriptionsPage() {
  const { t } = useLiveWords()
  const { state } = useSession()

  return (
    <LivePage
      title={t('subscriptions.title')}
      lead={t('subscriptions.lead')}
      back={{ to: '/live', label: t('entity.back') }}
    >
      <ForDevelopers />
      {state.status === 'loading' && <Working>{t('common.loading')}</Working>}
      {state.status === 'anonymous' && (
        <div className="notice">
          <p>{t('subscriptions.signInNeeded')}</p>
          <p>
            <Link
              className="button-link"
              to={`/account/sign-in?return=${encodeURIComponent('/live/subscriptions')}`}
            >
              {t('subscriptions.signIn')}
            </Link>
          </p>
        </div>
      )}
      {state.status === 'signed-in' && <Subscriptions />}
    </LivePage>
  )
}

function Subscriptions() {
  const { t } = useLiveWords()
  const id = useId()
  const [subscriptions, reload] = useResource(getSubscriptions, 'reload')
  const [done, setDone] = useState<string | null>(null)

  return (
    <>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('subscriptions.listHeading')}</h2>
        {subscriptions.status === 'loading' && <Working>{t('common.loading')}</Working>}
        {subscriptions.status === 'error' && (
          <ProblemAlert
            error={subscriptions.error}
            lead={t('subscriptions.loadFailed')}
            onRetry={() => void reload()}
          />
        )}
        {done && <Done>{done}</Done>}
        {subscriptions.status === 'ready' &&
          (subscriptions.data.length === 0 ? (
            <p className="notice">{t('subscriptions.none')}</p>
          ) : (
            <ul className="subscriptions">
              {subscriptions.data.map((subscription) => (
                <SubscriptionEntry
                  key={subscription.id}
                  subscription={subscription}
                  onChanged={async (message) => {
                    setDone(message)
                    await reload()
                  }}
                />
              ))}
            </ul>
          ))}
      </section>
      <CreateForm
        onCreated={async () => {
          setDone(t('subscriptions.created'))
          await reload()
        }}
      />
    </>
  )
}

function SubscriptionEntry({
  subscription,
  onChanged,
}: {
  subscription: Subscription
  onChanged: (message: string) => Promise<void>
}) {
  const { t, typeName, number } = useLiveWords()
  const { send } = useSession()
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const action = useAction()
  const { notification } = subscription
  const status = subscription.status ?? (subscription.isActive === false ? 'paused' : 'active')
  const title = subscription.subscriptionName ?? subscription.description ?? subscription.id
  const types = [...new Set((subscription.entities ?? []).map((selector) => selector.type))]

  const setActive = async (isActive: boolean) => {
    if (
      await action.run(
        async () => void (await send(subscriptionPath(subscription.id), 'PATCH', { isActive })),
      )
    )
      await onChanged(
        isActive ? t('subscriptions.resumed', { name: title }) : t('subscriptions.paused', { name: title }),
      )
  }

  const remove = async () => {
    if (await action.run(async () => void (await send(subscriptionPath(subscription.id), 'DELETE'))))
      await onChanged(t('subscriptions.deleted', { name: title }))
  }

  return (
    <li className="subscription" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {title} <span className={`badge badge--${status}`}>{t(`subscriptions.status.${status}`)}</span>
      </h3>
      <dl className="facts facts--compact">
        {title !== subscription.id && (
          <div>
            <dt>{t('subscriptions.id')}</dt>
            <dd>
              <code>{subscription.id}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('subscriptions.entities')}</dt>
          <dd>{types.length > 0 ? types.map(typeName).join(', ') : '–'}</dd>
        </div>
        <div>
          <dt>{t('subscriptions.watched')}</dt>
          <dd>
            {subscription.watchedAttributes?.length
              ? subscription.watchedAttributes.map((name, index) => (
                  <span key={name}>
                    {index > 0 && ', '}
                    <code>{name}</code>
                  </span>
                ))
              : t('subscriptions.allAttributes')}
          </dd>
        </div>
        {subscription.q && (
          <div>
            <dt>{t('subscriptions.q')}</dt>
            <dd>
              <code>{subscription.q}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('subscriptions.endpoint')}</dt>
          <dd>
            <code>{notification.endpoint.uri}</code>
            {notification.endpoint.accept && <> ({notification.endpoint.accept})</>}
          </dd>
        </div>
        <div>
          <dt>{t('subscriptions.timesSent')}</dt>
          <dd>
            {number(notification.timesSent ?? 0)}
            {notification.status === 'failed' && (
              <span className="badge badge--failed">{t('subscriptions.failing')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('subscriptions.lastSuccess')}</dt>
          <dd>
            {notification.lastSuccess ? (
              <DateTime value={notification.lastSuccess} />
            ) : (
              t('subscriptions.never')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('subscriptions.lastFailure')}</dt>
          <dd>
            {notification.lastFailure ? (
              <DateTime value={notification.lastFailure} />
            ) : (
              t('subscriptions.never')
            )}
          </dd>
        </div>
        {subscription.expiresAt && (
          <div>
            <dt>{t('subscriptions.expiresAt')}</dt>
            <dd>
              <DateTime value={subscription.expiresAt} />
            </dd>
          </div>
        )}
      </dl>
      {confirming ? (
        <div className="confirm">
          <p>{t('subscriptions.confirmDelete', { name: title })}</p>
          <div className="actions">
            <button
              type="button"
              className="button--danger"
              disabled={action.busy}
              onClick={() => void remove()}
            >
              {t('subscriptions.confirmYes')}
            </button>
            <button
              type="button"
              className="button--secondary"
              disabled={action.busy}
              onClick={() => setConfirming(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {status !== 'expired' &&
            (status === 'paused' ? (
              <button type="button" disabled={action.busy} onClick={() => void setActive(true)}>
                {t('subscriptions.resume')}
                <span className="visually-hidden"> {title}</span>
              </button>
            ) : (
              <button
                type="button"
                className="button--secondary"
                disabled={action.busy}
                onClick={() => void setActive(false)}
              >
                {t('subscriptions.pause')}
                <span className="visually-hidden"> {title}</span>
              </button>
            ))}
          <button
            type="button"
            className="button--secondary"
            disabled={action.busy}
            onClick={() => setConfirming(true)}
          >
            {t('subscriptions.delete')}
            <span className="visually-hidden"> {title}</span>
          </button>
        </div>
      )}
      {action.busy && <Working>{t('common.saving')}</Working>}
      <ProblemAlert error={action.error} />
    </li>
  )
}

function CreateForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t, typeName } = useLiveWords()
  const { send } = useSession()
  const id = useId()
  const [types] = useResource(getTypes)
  const [type, setType] = useState('')
  const [description, setDescription] = useState('')
  const [watched, setWatched] = useState('')
  const [q, setQ] = useState('')
  const [uri, setUri] = useState('')
  const [accept, setAccept] = useState<(typeof ACCEPTS)[number]>('application/json')
  const action = useAction()

  const offered = useMemo(() => {
    const known = types.status === 'ready' && types.data.length > 0 ? types.data : KNOWN_TYPES
    return [...known].sort((a, b) => typeName(a).localeCompare(typeName(b)))
  }, [types, typeName])
  const chosen = type || offered[0] || ''

  // The attribute names of one entity of the chosen type: names are case-sensitive, so show the real ones.
  const loadNames = useCallback(
    async (signal: AbortSignal) => {
      if (!chosen) return []
      const [sample] = await getJson<NgsiEntity[]>(
        `${NGSI_BASE}/entities?type=${encodeURIComponent(chosen)}&limit=1`,
        signal,
      )
      return sample ? attributesOf(sample).map(([name]) => name) : []
    },
    [chosen],
  )
  const [names] = useResource(loadNames, 'always')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await action.run(async () => {
      const attributes = list(watched)
      await send(SUBSCRIPTIONS, 'POST', {
        type: 'Subscription',
        ...(description.trim() ? { description: description.trim() } : {}),
        entities: [{ type: chosen }],
        ...(attributes.length > 0 ? { watchedAttributes: attributes } : {}),
        ...(q.trim() ? { q: q.trim() } : {}),
        notification: { endpoint: { uri: uri.trim(), accept } },
      })
    })
    if (!ok) return
    setDescription('')
    setWatched('')
    setQ('')
    setUri('')
    await onCreated()
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('subscriptions.createHeading')}</h2>
      <form className="live-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('subscriptions.form.type')}</label>
          <select id={`${id}-type`} value={chosen} onChange={(event) => setType(event.target.value)}>
            {offered.map((option) => (
              <option key={option} value={option}>
                {typeName(option) === option ? option : `${typeName(option)} (${option})`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t('subscriptions.form.description')}</label>
          <input
            id={`${id}-description`}
            value={description}
            maxLength={200}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-watched`}>{t('subscriptions.form.watched')}</label>
          <input
            id={`${id}-watched`}
            value={watched}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-watched-hint`}
            onChange={(event) => setWatched(event.target.value)}
          />
          <p className="hint" id={`${id}-watched-hint`}>
            {t('subscriptions.form.watchedHint')}
            {names.status === 'ready' && names.data.length > 0 && (
              <>
                {' '}
                {t('subscriptions.form.known')}{' '}
                {names.data.map((name, index) => (
                  <span key={name}>
                    {index > 0 && ', '}
                    <code>{name}</code>
                  </span>
                ))}
              </>
            )}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('subscriptions.form.q')}</label>
          <input
            id={`${id}-q`}
            value={q}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-q-hint`}
            onChange={(event) => setQ(event.target.value)}
          />
          <p className="hint" id={`${id}-q-hint`}>
            {t('subscriptions.form.qHint')} <code>no2&gt;40</code>, <code>pm10&gt;=50;no2&gt;40</code>,{' '}
            <code>availableSpotNumber&lt;10</code>
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-uri`}>{t('subscriptions.form.endpoint')}</label>
          <input
            id={`${id}-uri`}
            type="url"
            required
            value={uri}
            spellCheck={false}
            autoComplete="url"
            placeholder="https://"
            aria-describedby={`${id}-uri-hint`}
            onChange={(event) => setUri(event.target.value)}
          />
          <p className="hint" id={`${id}-uri-hint`}>
            {t('subscriptions.form.endpointHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-accept`}>{t('subscriptions.form.accept')}</label>
          <select
            id={`${id}-accept`}
            value={accept}
            onChange={(event) => setAccept(event.target.value as (typeof ACCEPTS)[number])}
          >
            {ACCEPTS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {t('subscriptions.form.submit')}
          </button>
        </div>
        {action.busy && <Working>{t('common.saving')}</Working>}
        <ProblemAlert error={action.error} lead={t('subscriptions.createFailed')} />
      </form>
    </section>
  )
}
