import { type FormEvent, useCallback, useId, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { getJson } from '../../api.ts'
import { ConfirmQuestion } from '../../components/confirm-question.tsx'
import { DateTime } from '../../components/date-time.tsx'
import { Done } from '../../components/done.tsx'
import { Fact } from '../../components/fact.tsx'
import { type FieldControl, LabelledField } from '../../components/labelled-field.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
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
import { LivePage, ProblemAlert, ScrollRegion } from './parts.tsx'
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
  const paused = status === 'paused'
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
          <Fact term={t('subscriptions.id')}>
            <code>{subscription.id}</code>
          </Fact>
        )}
        <Fact term={t('subscriptions.entities')}>
          {types.length > 0 ? types.map(typeName).join(', ') : '–'}
        </Fact>
        <Fact term={t('subscriptions.watched')}>
          {subscription.watchedAttributes?.length ? (
            <CodeList names={subscription.watchedAttributes} />
          ) : (
            t('subscriptions.allAttributes')
          )}
        </Fact>
        {subscription.q && (
          <Fact term={t('subscriptions.q')}>
            <code>{subscription.q}</code>
          </Fact>
        )}
        <Fact term={t('subscriptions.endpoint')}>
          <code>{notification.endpoint.uri}</code>
          {notification.endpoint.accept && <> ({notification.endpoint.accept})</>}
        </Fact>
        <Fact term={t('subscriptions.timesSent')}>
          {number(notification.timesSent ?? 0)}
          {notification.status === 'failed' && (
            <span className="badge badge--failed">{t('subscriptions.failing')}</span>
          )}
        </Fact>
        <DeliveryTime term={t('subscriptions.lastSuccess')} at={notification.lastSuccess} />
        <DeliveryTime term={t('subscriptions.lastFailure')} at={notification.lastFailure} />
        {subscription.expiresAt && (
          <Fact term={t('subscriptions.expiresAt')}>
            <DateTime value={subscription.expiresAt} />
          </Fact>
        )}
      </dl>
      {confirming ? (
        <ConfirmQuestion
          question={t('subscriptions.confirmDelete', { name: title })}
          confirm={t('subscriptions.confirmYes')}
          cancel={t('common.cancel')}
          busy={action.busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="actions">
          {status !== 'expired' && (
            <NamedButton
              label={paused ? t('subscriptions.resume') : t('subscriptions.pause')}
              name={title}
              secondary={!paused}
              disabled={action.busy}
              onClick={() => void setActive(paused)}
            />
          )}
          <NamedButton
            label={t('subscriptions.delete')}
            name={title}
            secondary
            disabled={action.busy}
            onClick={() => setConfirming(true)}
          />
        </div>
      )}
      {action.busy && <Working>{t('common.saving')}</Working>}
      <ProblemAlert error={action.error} />
    </li>
  )
}

/** Names as code, separated by commas: attribute names as the broker has them. */
function CodeList({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name, index) => (
        <span key={name}>
          {index > 0 && ', '}
          <code>{name}</code>
        </span>
      ))}
    </>
  )
}

/** When a notification last went out, or failed to; "never" before the first. */
function DeliveryTime({ term, at }: { term: string; at: string | undefined }) {
  const { t } = useLiveWords()
  return <Fact term={term}>{at ? <DateTime value={at} /> : t('subscriptions.never')}</Fact>
}

/**
 * A button of one subscription: its visible label says what it does, and screen readers also hear
 * which subscription, as every entry has the same buttons.
 */
function NamedButton({
  label,
  name,
  secondary = false,
  disabled,
  onClick,
}: {
  label: string
  name: string
  secondary?: boolean
  disabled: boolean
  onClick: () => void
}) {
  return (
    <button
      type="button"
      className={secondary ? 'button--secondary' : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
      <span className="visually-hidden"> {name}</span>
    </button>
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
        <LabelledField label={t('subscriptions.form.type')}>
          {(control) => (
            <select {...control} value={chosen} onChange={(event) => setType(event.target.value)}>
              {offered.map((option) => (
                <option key={option} value={option}>
                  {typeName(option) === option ? option : `${typeName(option)} (${option})`}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={t('subscriptions.form.description')}>
          {(control) => (
            <input
              {...control}
              value={description}
              maxLength={200}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField
          label={t('subscriptions.form.watched')}
          hint={
            <>
              {t('subscriptions.form.watchedHint')}
              {names.status === 'ready' && names.data.length > 0 && (
                <>
                  {' '}
                  {t('subscriptions.form.known')} <CodeList names={names.data} />
                </>
              )}
            </>
          }
        >
          {(control) => <CodeInput {...control} value={watched} onChange={setWatched} />}
        </LabelledField>
        <LabelledField
          label={t('subscriptions.form.q')}
          hint={
            <>
              {t('subscriptions.form.qHint')} <code>no2&gt;40</code>, <code>pm10&gt;=50;no2&gt;40</code>,{' '}
              <code>availableSpotNumber&lt;10</code>
            </>
          }
        >
          {(control) => <CodeInput {...control} value={q} onChange={setQ} />}
        </LabelledField>
        <LabelledField label={t('subscriptions.form.endpoint')} hint={t('subscriptions.form.endpointHint')}>
          {(control) => (
            <input
              {...control}
              type="url"
              required
              value={uri}
              spellCheck={false}
              autoComplete="url"
              placeholder="https://"
              onChange={(event) => setUri(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField label={t('subscriptions.form.accept')}>
          {(control) => (
            <select
              {...control}
              value={accept}
              onChange={(event) => setAccept(event.target.value as (typeof ACCEPTS)[number])}
            >
              {ACCEPTS.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
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

/** A text input for names and expressions the broker reads as they are: no spelling checks, no suggestions. */
function CodeInput({
  value,
  onChange,
  ...control
}: FieldControl & { value: string; onChange: (value: string) => void }) {
  return (
    <input
      {...control}
      value={value}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
