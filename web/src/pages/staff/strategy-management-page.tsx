import { Fragment, useState } from 'react'
import { Link } from 'react-router'
import { useResource } from '../../use-resource.ts'
import { LocalText } from '../strategy/local-text.tsx'
import { Pending } from '../strategy/pending.tsx'
import type { StrategyAccess } from '../strategy/strategy-access.ts'
import { getManagement, type Kpi, type Management } from '../strategy/strategy-api.ts'
import { useStrategyWords } from '../strategy/strategy-words.ts'
import { StaffPage } from './parts.tsx'
import { KpiSource, KpiStatus, useValueText } from './strategy-kpi-parts.tsx'
import { MeasurementForm } from './strategy-measurement-form.tsx'

const COLUMNS = 7
const rowId = (slug: string) => `kpi-${slug}`
export const kpiPagePath = (slug: string) => `/dashboard/kpi/${encodeURIComponent(slug)}`

/** /staff/strategy — the KPIs the signed-in person answers for: what needs attention first, then all. */
export function StrategyManagementPage({ access }: { access: StrategyAccess }) {
  const { t } = useStrategyWords()
  const [management, reload] = useResource(getManagement, 'reload')

  return (
    <StaffPage
      title={t('management.title')}
      lead={t('management.lead')}
      back={{ to: '/staff', label: t('management.back') }}
    >
      {access.defineKpis && (
        <p>
          <Link className="button-link" to="/staff/strategy/kpis/new">
            {t('management.define')}
          </Link>
        </p>
      )}
      <Pending resource={management} onRetry={() => void reload()} />
      {management.status === 'ready' && <Dashboard data={management.data} onMeasured={reload} />}
    </StaffPage>
  )
}

function Dashboard({ data, onMeasured }: { data: Management; onMeasured: () => Promise<void> }) {
  const { t } = useStrategyWords()
  const bySlug = new Map(data.kpis.map((kpi) => [kpi.slug, kpi]))
  const counts = [
    ['total', data.counts.total],
    ['automatic', data.counts.automatic],
    ['manual', data.counts.manual],
    ['onTrack', data.counts.onTrack],
    ['overdue', data.counts.overdue],
    ['atRisk', data.counts.atRisk],
  ] as const
  return (
    <>
      <h2 className="visually-hidden">{t('management.countsTitle')}</h2>
      <dl className="kpi-counts">
        {counts.map(([name, count]) => (
          <div key={name}>
            <dt>{t(`management.counts.${name}`)}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      <AttentionList
        title={t('management.overdueTitle')}
        empty={t('management.overdueNone')}
        kpis={data.overdue.flatMap((slug) => bySlug.get(slug) ?? [])}
        describe="overdue"
      />
      <AttentionList
        title={t('management.atRiskTitle')}
        empty={t('management.atRiskNone')}
        kpis={data.atRisk.flatMap((slug) => bySlug.get(slug) ?? [])}
        describe="atRisk"
      />
      <h2 id="all-kpis">{t('management.allTitle')}</h2>
      {data.kpis.length === 0 ? (
        <p className="notice">{t('management.none')}</p>
      ) : (
        <KpiTable kpis={data.kpis} onMeasured={onMeasured} />
      )}
    </>
  )
}

function AttentionList({
  title,
  empty,
  kpis,
  describe,
}: {
  title: string
  empty: string
  kpis: Kpi[]
  describe: 'overdue' | 'atRisk'
}) {
  const { t, day } = useStrategyWords()
  const valueText = useValueText()
  return (
    <section className="panel" aria-label={title}>
      <h2>
        {title} ({kpis.length})
      </h2>
      {kpis.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="attention-list">
          {kpis.map((kpi) => (
            <li key={kpi.slug}>
              <a href={`#${rowId(kpi.slug)}`}>
                <LocalText value={kpi.name} />
              </a>{' '}
              <span className="muted">
                {describe === 'overdue'
                  ? t('management.dueSince', { day: day(kpi.dueBy) })
                  : kpi.target && kpi.projected !== null
                    ? t('management.projected', {
                        projected: valueText(kpi.projected, kpi.unit),
                        target: valueText(kpi.target.value, kpi.unit),
                        day: day(kpi.target.date),
                      })
                    : t('management.atRisk')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function KpiTable({ kpis, onMeasured }: { kpis: Kpi[]; onMeasured: () => Promise<void> }) {
  const { t, text, day } = useStrategyWords()
  const valueText = useValueText()
  const [entering, setEntering] = useState<string | null>(null)
  const label = {
    owner: t('management.columns.owner'),
    source: t('management.columns.source'),
    latest: t('management.columns.latest'),
    target: t('management.columns.target'),
    status: t('management.columns.status'),
    dueBy: t('management.columns.dueBy'),
  }
  return (
    <table className="data-table kpi-table" aria-labelledby="all-kpis">
      <thead>
        <tr>
          <th scope="col">{t('management.columns.name')}</th>
          <th scope="col">{label.owner}</th>
          <th scope="col">{label.source}</th>
          <th scope="col">{label.latest}</th>
          <th scope="col">{label.target}</th>
          <th scope="col">{label.status}</th>
          <th scope="col">{label.dueBy}</th>
        </tr>
      </thead>
      <tbody>
        {kpis.map((kpi) => {
          const open = entering === kpi.slug
          const entryId = `${rowId(kpi.slug)}-entry`
          return (
            <Fragment key={kpi.slug}>
              <tr id={rowId(kpi.slug)}>
                <th scope="row">
                  <Link to={kpiPagePath(kpi.slug)}>
                    <LocalText value={kpi.name} />
                  </Link>
                  {kpi.visibility === 'internal' && <span className="muted"> ({t('kpi.internal')})</span>}
                  {kpi.source === 'manual' && (
                    <div>
                      <button
                        type="button"
                        className="button--secondary kpi-table__enter"
                        aria-expanded={open}
                        aria-controls={open ? entryId : undefined}
                        onClick={() => setEntering(open ? null : kpi.slug)}
                      >
                        {t('measure.open')}
                        <span className="visually-hidden">: {text(kpi.name)}</span>
                      </button>
                    </div>
                  )}
                </th>
                <td data-label={label.owner}>
                  <LocalText value={kpi.owner.name} />
                </td>
                <td data-label={label.source}>
                  <KpiSource kpi={kpi} />
                </td>
                <td data-label={label.latest}>
                  {kpi.latest ? (
                    <>
                      {valueText(kpi.latest.value, kpi.unit)}
                      <span className="muted"> ({day(kpi.latest.period)})</span>
                    </>
                  ) : (
                    <span className="muted">{t('kpi.noValue')}</span>
                  )}
                </td>
                <td data-label={label.target}>
                  {kpi.target ? (
                    t('kpi.targetBy', {
                      value: valueText(kpi.target.value, kpi.unit),
                      day: day(kpi.target.date),
                    })
                  ) : (
                    <span className="muted">{t('kpi.noTarget')}</span>
                  )}
                </td>
                <td data-label={label.status}>
                  <KpiStatus kpi={kpi} />
                </td>
                <td data-label={label.dueBy}>
                  {day(kpi.dueBy)}
                  {kpi.overdue && <span className="kpi-overdue"> ({t('kpi.overdue')})</span>}
                </td>
              </tr>
              {open && (
                <tr id={entryId} className="kpi-table__entry">
                  <td colSpan={COLUMNS}>
                    <MeasurementForm kpi={kpi} onRecorded={onMeasured} />
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}
