import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { MEMBERSHIP_ROLE_NAMES } from '../../../../src/modules/identity/roles.ts'
import { DateTime } from '../../components/date-time.tsx'
import { Done } from '../../components/done.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { useOrganisationName } from './organisations.ts'
import { Pending, ProblemAlert, SecretOnce, StaffPage } from './parts.tsx'
import { PeopleSearch } from './people-search.tsx'
import { mayManageOrganisation, type StaffAccess } from './staff-access.ts'
import {
  type ApiKey,
  getMembers,
  getOrganisation,
  getOrganisationKeys,
  type Member,
  type MembershipRole,
  type Organisation,
  type PersonSummary,
} from './staff-api.ts'
import { Level, MembershipRoleName, OrganisationKindName } from './words.tsx'

export function OrganisationPage({ access }: { access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const { slug = '' } = useParams()
  const load = useCallback((signal?: AbortSignal) => getOrganisation(slug, signal), [slug])
  const [organisation] = useResource(load)
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
          <Members organisation={data} access={access} />
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

function Members({ organisation, access }: { organisation: Organisation; access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const id = useId()
  const load = useCallback(
    (signal?: AbortSignal) => getMembers(organisation.slug, signal),
    [organisation.slug],
  )
  const [members, reload] = useResource(load, 'reload')
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
      <p className="audited">{t('members.audited')}</p>
      <Pending resource={members} />
      {members.status === 'ready' && (
        <MemberTable
          organisation={organisation}
          members={members.data.items}
          access={access}
          onChanged={reload}
        />
      )}

      <h3>{t('members.addHeading')}</h3>
      <AddByEmail organisation={organisation} onAdded={reload} />
      {access.readPeople && (
        <>
          <h3>{t('members.findHeading')}</h3>
          <p>{t('members.findIntro')}</p>
          <PeopleSearch
            headingLevel={4}
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
          {chosen && members.status === 'ready' && (
            <Membership
              key={chosen.id}
              organisation={organisation}
              summary={chosen}
              current={members.data.items.find((member) => member.personId === chosen.id)?.role}
              onChanged={reload}
            />
          )}
        </>
      )}
    </section>
  )
}

const membersPath = (organisation: Organisation, personId?: string) =>
  `/api/organisations/${encodeURIComponent(organisation.slug)}/members${
    personId ? `/${encodeURIComponent(personId)}` : ''
  }`

/** The members, each with their role to change and a way to remove them (after a confirmation). */
function MemberTable({
  organisation,
  members,
  access,
  onChanged,
}: {
  organisation: Organisation
  members: Member[]
  access: StaffAccess
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation('staff')
  const { state, refresh } = useSession()
  const selfId = state.status === 'signed-in' ? state.account.id : undefined
  const [done, setDone] = useState<string | null>(null)
  // A removed member's row goes, and with it the button that had the focus: the focus moves to the message.
  const doneBox = useRef<HTMLParagraphElement>(null)
  const focusDone = useRef(false)
  useEffect(() => {
    if (done && focusDone.current) doneBox.current?.focus()
    focusDone.current = false
  }, [done])

  const changed = async (member: Member, message: string, removed: boolean) => {
    await onChanged()
    focusDone.current = removed
    setDone(message)
    // Your own role decides what this page lets you do: read the session again.
    if (member.personId === selfId) await refresh()
  }

  return (
    <>
      {members.length === 0 && <p>{t('members.none')}</p>}
      {members.length > 0 && (
        <table className="data-table members-table">
          <caption className="visually-hidden">{t('members.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.since')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('members.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.personId}
                organisation={organisation}
                member={member}
                self={member.personId === selfId}
                // An owner who is not an administrator loses this page with their own ownership.
                locksOut={member.personId === selfId && !access.manageAllOrganisations}
                onChanged={(message, removed) => changed(member, message, removed)}
                onStart={() => setDone(null)}
              />
            ))}
          </tbody>
        </table>
      )}
      {done && (
        <p className="done" role="status" ref={doneBox} tabIndex={-1}>
          {done}
        </p>
      )}
    </>
  )
}

function MemberRow({
  organisation,
  member,
  self,
  locksOut,
  onChanged,
  onStart,
}: {
  organisation: Organisation
  member: Member
  self: boolean
  locksOut: boolean
  onChanged: (message: string, removed: boolean) => Promise<void>
  onStart: () => void
}) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const [role, setRole] = useState<MembershipRole>(member.role)
  const [confirming, setConfirming] = useState<'remove' | 'demote' | null>(null)
  const action = useAction()
  const question = useRef<HTMLParagraphElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  const roleSelect = useRef<HTMLSelectElement>(null)
  const path = membersPath(organisation, member.personId)
  const roleName = (name: MembershipRole) => t(`membershipRoles.${name}`)

  useEffect(() => {
    if (confirming) question.current?.focus()
  }, [confirming])
  // The list was read again (a change here or by the search below): show the role it holds now.
  useEffect(() => setRole(member.role), [member.role])

  const save = async () => {
    setConfirming(null)
    onStart()
    if (await action.run(async () => void (await send(path, 'PUT', { role }))))
      await onChanged(t('members.saved', { name: member.displayName, role: roleName(role) }), false)
  }
  const remove = async () => {
    onStart()
    if (await action.run(async () => void (await send(path, 'DELETE'))))
      await onChanged(t('members.removed', { name: member.displayName }), true)
    else setConfirming(null)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (locksOut && member.role === 'owner' && role !== 'owner') setConfirming('demote')
    else void save()
  }
  const cancel = () => {
    const was = confirming
    setConfirming(null)
    setRole(member.role)
    if (was === 'remove') removeButton.current?.focus()
    else roleSelect.current?.focus()
  }
  // The question, the progress and any problem take a row of their own under the member, full width.
  const more = confirming !== null || action.busy || action.error !== null

  return (
    <>
      <tr className={more ? 'members-table__member members-table__member--more' : 'members-table__member'}>
        <td data-label={t('members.name')}>
          {member.displayName}
          {self && <span className="muted"> ({t('members.you')})</span>}
        </td>
        <td data-label={t('members.email')}>{member.email}</td>
        <td data-label={t('members.role')}>
          <form className="member-role" onSubmit={submit}>
            <label htmlFor={`${id}-role`} className="visually-hidden">
              {`${t('members.role')}: ${member.displayName}`}
            </label>
            <select
              id={`${id}-role`}
              ref={roleSelect}
              value={role}
              disabled={action.busy}
              onChange={(event) => setRole(event.target.value as MembershipRole)}
            >
              {MEMBERSHIP_ROLE_NAMES.map((name) => (
                <option key={name} value={name}>
                  {roleName(name)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button--secondary"
              disabled={action.busy || role === member.role}
              aria-label={`${t('members.change')}: ${member.displayName}`}
            >
              {t('members.change')}
            </button>
          </form>
        </td>
        <td data-label={t('members.since')}>
          <DateTime value={member.since} dateOnly />
        </td>
        <td>
          <button
            type="button"
            ref={removeButton}
            className="button--secondary"
            disabled={action.busy || confirming !== null}
            aria-label={`${t('members.remove')}: ${member.displayName}`}
            onClick={() => setConfirming('remove')}
          >
            {t('members.remove')}
          </button>
        </td>
      </tr>
      {more && (
        <tr className="members-table__more">
          <td colSpan={5}>
            {confirming && (
              <div className="confirm">
                <p ref={question} tabIndex={-1}>
                  {confirming === 'remove'
                    ? t('members.confirmRemove', { name: member.displayName })
                    : t('members.confirmDemote', { role: roleName(role) })}
                  {locksOut && <> {t('members.lockOut')}</>}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button--danger"
                    disabled={action.busy}
                    onClick={confirming === 'remove' ? remove : save}
                  >
                    {confirming === 'remove' ? t('members.confirmYes') : t('members.confirmChange')}
                  </button>
                  <button type="button" className="button--secondary" disabled={action.busy} onClick={cancel}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
            {action.busy && <Working>{t('common.saving')}</Working>}
            <ProblemAlert error={action.error} />
          </td>
        </tr>
      )}
    </>
  )
}

/** Owners add people by their exact address; the person must have signed up already. */
function AddByEmail({ organisation, onAdded }: { organisation: Organisation; onAdded: () => Promise<void> }) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<MembershipRole>('member')
  const [done, setDone] = useState<string | null>(null)
  const action = useAction()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    const address = email.trim()
    if (
      await action.run(
        async () => void (await send(membersPath(organisation), 'POST', { email: address, role })),
      )
    ) {
      setEmail('')
      await onAdded()
      setDone(t('members.added', { email: address, role: t(`membershipRoles.${role}`) }))
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <p className="form__intro" id={`${id}-intro`}>
        {t('members.addIntro')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('members.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          value={email}
          required
          maxLength={320}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-intro ${id}-email-hint`}
          onChange={(event) => setEmail(event.target.value)}
        />
        <p className="hint" id={`${id}-email-hint`}>
          {t('members.emailHint')}
        </p>
      </div>
      <RoleAndAdd id={id} role={role} onRole={setRole} busy={action.busy} />
      {action.busy && <Working>{t('common.saving')}</Working>}
      <ProblemAlert error={action.error} explain={{ PERSON_NOT_FOUND: t('members.noAccount') }} />
      {done && <Done>{done}</Done>}
    </form>
  )
}

/** Someone found by the search: added here, or already listed above. */
function Membership({
  organisation,
  summary,
  current,
  onChanged,
}: {
  organisation: Organisation
  summary: PersonSummary
  current: MembershipRole | undefined
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const [role, setRole] = useState<MembershipRole>('member')
  // The message stays only while the list still holds the role it reports.
  const [done, setDone] = useState<{ text: string; role: MembershipRole } | null>(null)
  const action = useAction()

  const add = async (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    if (
      await action.run(async () => void (await send(membersPath(organisation, summary.id), 'PUT', { role })))
    ) {
      await onChanged()
      setDone({
        text: t('members.saved', { name: summary.displayName, role: t(`membershipRoles.${role}`) }),
        role,
      })
    }
  }

  return (
    <section className="chosen" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{summary.displayName}</h4>
      <p>
        {summary.email} · <Level level={summary.assuranceLevel} />
      </p>
      {current ? (
        <p>
          {t('members.currentRole')} <MembershipRoleName role={current} />. {t('members.changeInList')}
        </p>
      ) : (
        <>
          <p>{t('members.notMember')}</p>
          <form className="form form--inline" onSubmit={add}>
            <RoleAndAdd id={id} role={role} onRole={setRole} busy={action.busy} />
          </form>
        </>
      )}
      {action.busy && <Working>{t('common.saving')}</Working>}
      <ProblemAlert error={action.error} />
      {done && done.role === current && <Done>{done.text}</Done>}
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
  const [keys, reload] = useResource(load, 'reload')
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

/** The role to give and the button that adds the member, shared by both ways of adding one. */
function RoleAndAdd({
  id,
  role,
  onRole,
  busy,
}: {
  id: string
  role: MembershipRole
  onRole: (role: MembershipRole) => void
  busy: boolean
}) {
  const { t } = useTranslation('staff')
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('members.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => onRole(event.target.value as MembershipRole)}
        >
          {MEMBERSHIP_ROLE_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`membershipRoles.${name}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('members.add')}
        </button>
      </div>
    </>
  )
}
