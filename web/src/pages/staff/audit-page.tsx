import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { getJson } from '../../api.ts'
import { DateTime } from '../../components/date-time.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { ProblemAlert, StaffPage } from './parts.tsx'
import type { StaffAccess } from './staff-access.ts'
import { type AuditEntry, type AuditPage as Page, query } from './staff-api.ts'
import { OutcomeName } from './words.tsx'

const PAGE_SIZE = 50
const FILTERS = ['action', 'actorType', 'actorId', 'targetType', 'targetId', 'outcome', 'from', 'to'] as const
type Filters = Record<(typeof FILTERS)[number], string>
const ACTOR_TYPES = ['person', 'api_key', 'client', 'system', 'anonymous'] as const
const OUTCOMES = ['success', 'failure', 'denied'] as const

const readFilters = (params: URLSearchParams): Filters =>
  Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters

/** A local calendar day (yyyy-mm-dd) as the instant it starts, in the reader's time zone. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number)
  if (!year || !month || !date) return undefined
  return new Date(year, month - 1, date + plusDays).toISOString()
}

function auditPath(filters: Filters, before?: number) {
  return `/api/audit${query({
    action: filters.action.trim(),
    actorType: filters.actorType,
    actorId: filters.actorId.trim(),
    targetType: filters.targetType.trim(),
    targetId: filters.targetId.trim(),
    outcome: filters.outcome,
    from: filters.from ? startOfDay(filters.from) : undefined,
    // "To" includes the whole day chosen.
    to: filters.to ? startOfDay(filters.to, 1) : undefined,
    before,
    limit: PAGE_SIZE,
  })}`
}

/** The audit log, newest first, with filters kept in the address and "older entries" paging. */
export function AuditPage({ access }: { access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const id = useId()
  const [params, setParams] = useSearchParams()
  const applied = readFilters(params)
  const appliedKey = params.toString()
  const [draft, setDraft] = useState<Filters>(applied)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [next, setNext] = useState<number | null>(null)
  const [added, setAdded] = useState<number | null>(null)
  const loading = useAction()
  const older = useAction()
  const firstNew = useRef<HTMLTableRowElement>(null)
  const [focusSeq, setFocusSeq] = useState<number | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the address's query is the trigger
  useEffect(() => {
    const filters = readFilters(new URLSearchParams(appliedKey))
    setDraft(filters)
    setEntries(null)
    setAdded(null)
    void loading.run(async () => {
      const page = await getJson<Page>(auditPath(filters))
      setEntries(page.items)
      setNext(page.next)
    })
  }, [appliedKey])

  useEffect(() => {
    if (focusSeq !== null) firstNew.current?.focus()
  }, [focusSeq])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const chosen = Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== ''))
    setParams(chosen)
  }

  const loadOlder = async () => {
    if (next === null) return
    await older.run(async () => {
      const page = await getJson<Page>(auditPath(applied, next))
      setEntries((shown) => [...(shown ?? []), ...page.items])
      setNext(page.next)
      setAdded(page.items.length)
      setFocusSeq(page.items[0]?.seq ?? null)
    })
  }

  const field = (name: keyof Filters) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((filters) => ({ ...filters, [name]: event.target.value })),
  })

  return (
    <StaffPage
      title={t('audit.title')}
      lead={t('audit.lead')}
      back={{ to: '/staff', label: t('common.backToIndex') }}
    >
      <p className="notice">{t('audit.chain')}</p>
      <form className="form filters" onSubmit={submit} aria-labelledby={`${id}-filters`}>
        <h2 id={`${id}-filters`}>{t('audit.filters')}</h2>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
            <input {...field('action')} spellCheck={false} aria-describedby={`${id}-action-hint`} />
            <p className="hint" id={`${id}-action-hint`}>
              {t('audit.actionHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t('audit.outcome')}</label>
            <select {...field('outcome')}>
              <option value="">{t('audit.any')}</option>
              {OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`audit.outcomes.${outcome}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-actorType`}>{t('audit.actorType')}</label>
            <select {...field('actorType')}>
              <option value="">{t('audit.any')}</option>
              {ACTOR_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`audit.actorTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-actorId`}>{t('audit.actorId')}</label>
            <input {...field('actorId')} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-targetType`}>{t('audit.targetType')}</label>
            <input {...field('targetType')} spellCheck={false} aria-describedby={`${id}-target-hint`} />
            <p className="hint" id={`${id}-target-hint`}>
              {t('audit.targetTypeHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-targetId`}>{t('audit.targetId')}</label>
            <input {...field('targetId')} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
            <input type="date" {...field('from')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
            <input type="date" {...field('to')} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={loading.busy}>
            {t('audit.apply')}
          </button>
          <button type="button" className="button--secondary" onClick={() => setParams({})}>
            {t('audit.clear')}
          </button>
        </div>
      </form>

      <section aria-labelledby={`${id}-entries`}>
        <h2 id={`${id}-entries`}>{t('audit.entries')}</h2>
        {loading.busy && <Working>{t('common.loading')}</Working>}
        <ProblemAlert error={loading.error} />
        {entries && (
          <>
            <p role="status">
              {entries.length === 0 ? t('audit.none') : t('audit.shown', { count: entries.length })}
              {added !== null && ` ${t('audit.added', { count: added })}`}
            </p>
            {entries.length > 0 && (
              <table className="data-table audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.time')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.target')}</th>
                    <th scope="col">{t('audit.outcome')}</th>
                    <th scope="col">{t('audit.requestId')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr
                      key={entry.seq}
                      ref={entry.seq === focusSeq ? firstNew : undefined}
                      tabIndex={entry.seq === focusSeq ? -1 : undefined}
                    >
                      <td data-label={t('audit.time')}>
                        <DateTime value={entry.at} />
                      </td>
                      <td data-label={t('audit.actor')}>
                        <Party type={entry.actorType} id={entry.actorId} people={access.readPeople} />
                      </td>
                      <td data-label={t('audit.action')}>
                        <code>{entry.action}</code>
                        <Details details={entry.details} />
                      </td>
                      <td data-label={t('audit.target')}>
                        {entry.targetType ? (
                          <Party type={entry.targetType} id={entry.targetId} people={access.readPeople} />
                        ) : (
                          '–'
                        )}
                      </td>
                      <td data-label={t('audit.outcome')}>
                        <OutcomeName outcome={entry.outcome} />
                      </td>
                      <td data-label={t('audit.requestId')}>
                        {entry.requestId ? <code className="request-id">{entry.requestId}</code> : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {next !== null && (
              <div className="actions">
                <button type="button" onClick={loadOlder} disabled={older.busy}>
                  {t('audit.older')}
                </button>
              </div>
            )}
            {older.busy && <Working>{t('common.loading')}</Working>}
            <ProblemAlert error={older.error} />
            {next === null && entries.length > 0 && <p className="hint">{t('audit.end')}</p>}
          </>
        )}
      </section>
    </StaffPage>
  )
}

/** Who acted or was acted on: "you", a link to a person's page, or the type and id. */
function Party({ type, id, people }: { type: string; id: string | null; people: boolean }) {
  const { t } = useTranslation('staff')
  const { state } = useSession()
  const typeName = t(`audit.actorTypes.${type}` as 'audit.actorTypes.person', { defaultValue: type })
  if (!id) return <>{typeName}</>
  if (type === 'person' && state.status === 'signed-in' && state.account.id === id)
    return (
      <>
        {typeName} <span className="muted">({t('audit.you')})</span>
      </>
    )
  return (
    <>
      {typeName}{' '}
      {type === 'person' && people ? (
        <Link to={`/staff/people/${id}`} className="identifier" title={id}>
          {id.slice(0, 8)}
        </Link>
      ) : (
        <code className="identifier">{id}</code>
      )}
    </>
  )
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details)
  if (entries.length === 0) return null
  return (
    <span className="audit-details">
      {entries.map(([name, value]) => (
        <span key={name}>
          {name}: {typeof value === 'string' ? value : JSON.stringify(value)}
        </span>
      ))}
    </span>
  )
}
