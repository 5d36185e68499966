import { type FormEvent, useCallback, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { MEMBERSHIP_ROLE_NAMES } from '../../../../src/modules/identity/roles.ts'
import { useSession } from '../../session.tsx'
import { useOrganisationName } from './organisations.ts'
import {
  DateTime,
  Done,
  Pending,
  ProblemAlert,
  SecretOnce,
  StaffPage,
  useAction,
  useLoaded,
  Working,
} from './parts.tsx'
import { PeopleSearch } from './people-search.tsx'
import { mayManageOrganisation, type StaffAccess } from './staff-access.ts'
import {
  type ApiKey,
  getOrganisation,
  getOrganisationKeys,
  getPerson,
  type Organisation,
  type Person,
  type PersonSummary,
} from './staff-api.ts'
import { Level, MembershipRoleName, OrganisationKindName } from './words.tsx'

export function OrganisationPage({ access }: { access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const { slug = '' } = useParams()
  const load = useCallback((signal?: AbortSignal) => getOrganisation(slug, signal), [slug])
  const [organisation] = useLoaded(load)
  const nameOf = useOrganisationName()
  const back = { to: '/staff/organisations', label: t('organisation.back') }

  if (organisation.status !== 'ready') {
    return (
      <StaffPage title={t('organisation.title')} back={back}>
        <Pending resource={organisation} />
      </StaffPage>
    )
  }
  const data = organisation.data
  const manages = mayManageOrganisation(access, data.slug)
  return (
    <StaffPage title={nameOf(data)} back={back}>
      <dl className="facts">
        <div>
          <dt>{t('organisations.kind')}</dt>
          <dd>
            <OrganisationKindName kind={data.kind} />
          </dd>
        </div>
        <div>
          <dt>{t('organisation.slug')}</dt>
          <dd>
            <code>{data.slug}</code>
          </dd>
        </div>
        {data.website && (
          <div>
            <dt>{t('organisation.website')}</dt>
            <dd>
              <a href={data.website}>{data.website}</a>
            </dd>
          </div>
        )}
      </dl>
      {manages ? (
        <>
          <Members organisation={data} canFindPeople={access.readPeople} />
          <ApiKeys organisation={data} />
        </>
      ) : (
        <div className="problem" role="alert">
          <p>{t('organisation.notYours')}</p>
        </div>
      )}
    </StaffPage>
  )
}

function Members({ organisation, canFindPeople }: { organisation: Organisation; canFindPeople: boolean }) {
  const { t } = useTranslation('staff')
  const id = useId()
  const [chosen, setChosen] = useState<PersonSummary | null>(null)
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t('members.heading')}</h2>
      <p>{t('members.intro')}</p>
      <ul className="hint-list">
        {MEMBERSHIP_ROLE_NAMES.map((role) => (
          <li key={role}>
            <strong>
              <MembershipRoleName role={role} />
            </strong>
            : {t(`membershipRoleDescriptions.${role}`)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('members.noList')}</p>
      {canFindPeople ? (
        <>
          <PeopleSearch
            headingLevel={3}
            renderResult={(person) => (
              <div className="person-card">
                <span className="person-card__name">{person.displayName}</span>
                <span className="person-card__email">{person.email}</span>
                <button
                  type="button"
                  className="button--secondary"
                  aria-pressed={chosen?.id === person.id}
                  onClick={() => setChosen(person)}
                >
                  {t('members.choose', { name: person.displayName })}
                </button>
              </div>
            )}
          />
          {chosen && <Membership key={chosen.id} organisation={organisation} summary={chosen} />}
        </>
      ) : (
        <p className="notice">{t('members.cannotFind')}</p>
      )}
    </section>
  )
}

/** One person's role in the organisation: read from their account, changed here. */
function Membership({ organisation, summary }: { organisation: Organisation; summary: PersonSummary }) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const load = useCallback((signal?: AbortSignal) => getPerson(summary.id, signal), [summary.id])
  const [person, reload] = useLoaded<Person>(load)
  const current =
    person.status === 'ready'
      ? person.data.memberships.find((membership) => membership.organisation === organisation.slug)?.role
      : undefined
  const [role, setRole] = useState<string>('member')
  const [done, setDone] = useState<string | null>(null)
  const action = useAction()
  const path = `/api/organisations/${encodeURIComponent(organisation.slug)}/members/${encodeURIComponent(summary.id)}`

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    if (await action.run(async () => void (await send(path, 'PUT', { role })))) {
      await reload()
      setDone(
        t('members.saved', {
          name: summary.displayName,
          role: t(`membershipRoles.${role}` as 'membershipRoles.member'),
        }),
      )
    }
  }
  const remove = async () => {
    setDone(null)
    if (await action.run(async () => void (await send(path, 'DELETE')))) {
      await reload()
      setDone(t('members.removed', { name: summary.displayName }))
    }
  }

  return (
    <section className="chosen" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{summary.displayName}</h3>
      <p>
        {summary.email} · <Level level={summary.assuranceLevel} />
      </p>
      <Pending resource={person} />
      {person.status === 'ready' && (
        <>
          <p>
            {current ? (
              <>
                {t('members.currentRole')} <MembershipRoleName role={current} />
              </>
            ) : (
              t('members.notMember')
            )}
          </p>
          <form className="form form--inline" onSubmit={save}>
            <div className="field">
              <label htmlFor={`${id}-role`}>{t('members.role')}</label>
              <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value)}>
                {MEMBERSHIP_ROLE_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {t(`membershipRoles.${name}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button type="submit" disabled={action.busy}>
                {current ? t('members.change') : t('members.add')}
              </button>
              {current && (
                <button type="button" className="button--danger" disabled={action.busy} onClick={remove}>
                  {t('members.remove')}
                </button>
              )}
            </div>
          </form>
        </>
      )}
      {action.busy && <Working>{t('common.saving')}</Working>}
      <ProblemAlert error={action.error} />
      {done && <Done>{done}</Done>}
    </section>
  )
}

function ApiKeys({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const load = useCallback(
    (signal?: AbortSignal) => getOrganisationKeys(organisation.slug, signal),
    [organisation.slug],
  )
  const [keys, reload] = useLoaded(load)
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState('')
  const [days, setDays] = useState('')
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null)
  const [revoked, setRevoked] = useState<string | null>(null)
  const create = useAction()
  const revoke = useAction()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setCreated(null)
    setRevoked(null)
    const list = scopes.split(/[\s,]+/).filter(Boolean)
    await create.run(async () => {
      const answer = await send<{ id: string; key: string }>(
        `/api/organisations/${encodeURIComponent(organisation.slug)}/api-keys`,
        'POST',
        { name: name.trim(), scopes: list, ...(days ? { expiresInDays: Number(days) } : {}) },
      )
      setCreated({ name: name.trim(), key: answer.key })
      setName('')
      setScopes('')
      setDays('')
      await reload()
    })
  }

  const revokeKey = async (key: ApiKey) => {
    setCreated(null)
    setRevoked(null)
    if (
      await revoke.run(async () => void (await send(`/api/api-keys/${encodeURIComponent(key.id)}`, 'DELETE')))
    ) {
      setRevoked(key.name)
      await reload()
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t('keys.heading')}</h2>
      <p>{t('keys.intro')}</p>
      <Pending resource={keys} />
      {keys.status === 'ready' &&
        (keys.data.items.length === 0 ? (
          <p>{t('keys.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('keys.name')}</th>
                <th scope="col">{t('keys.prefix')}</th>
                <th scope="col">{t('keys.scopes')}</th>
                <th scope="col">{t('keys.created')}</th>
                <th scope="col">{t('keys.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('keys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id}>
                  <td data-label={t('keys.name')}>{key.name}</td>
                  <td data-label={t('keys.prefix')}>
                    <code>{key.prefix}…</code>
                  </td>
                  <td data-label={t('keys.scopes')}>
                    <code>{key.scopes.join(' ')}</code>
                  </td>
                  <td data-label={t('keys.created')}>
                    <DateTime value={key.createdAt} dateOnly />
                  </td>
                  <td data-label={t('keys.state')}>
                    {key.revokedAt ? (
                      <>
                        {t('keys.revokedOn')} <DateTime value={key.revokedAt} dateOnly />
                      </>
                    ) : key.expiresAt ? (
                      <>
                        {t('keys.expiresOn')} <DateTime value={key.expiresAt} dateOnly />
                      </>
                    ) : (
                      t('keys.active')
                    )}
                    {key.lastUsedAt && (
                      <>
                        <br />
                        {t('keys.lastUsed')} <DateTime value={key.lastUsedAt} />
                      </>
                    )}
                  </td>
                  <td data-label={t('keys.actions')}>
                    {!key.revokedAt && (
                      <button
                        type="button"
                        className="button--danger"
                        disabled={revoke.busy}
                        onClick={() => revokeKey(key)}
                      >
                        {t('keys.revoke', { name: key.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {revoke.busy && <Working>{t('keys.revoking')}</Working>}
      <ProblemAlert error={revoke.error} />
      {revoked && <Done>{t('keys.revokedDone', { name: revoked })}</Done>}

      <h3>{t('keys.createHeading')}</h3>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('keys.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            required
            maxLength={120}
            aria-describedby={`${id}-name-hint`}
            onChange={(event) => setName(event.target.value)}
          />
          <p className="hint" id={`${id}-name-hint`}>
            {t('keys.nameHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-scopes`}>{t('keys.scopes')}</label>
          <input
            id={`${id}-scopes`}
            value={scopes}
            required
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-scopes-hint`}
            onChange={(event) => setScopes(event.target.value)}
          />
          <p className="hint" id={`${id}-scopes-hint`}>
            {t('keys.scopesHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('keys.expiresInDays')}</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={3650}
            inputMode="numeric"
            value={days}
            aria-describedby={`${id}-days-hint`}
            onChange={(event) => setDays(event.target.value)}
          />
          <p className="hint" id={`${id}-days-hint`}>
            {t('keys.expiresHint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" disabled={create.busy}>
            {t('keys.create')}
          </button>
        </div>
        {create.busy && <Working>{t('keys.creating')}</Working>}
        <ProblemAlert error={create.error} />
      </form>
      {created && (
        <SecretOnce
          label={t('keys.newKey', { name: created.name })}
          value={created.key}
          warning={t('keys.warning')}
        />
      )}
    </section>
  )
}
