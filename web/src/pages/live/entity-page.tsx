import { useCallback, useId, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { DateTime } from '../../components/date-time.tsx'
import { Fact } from '../../components/fact.tsx'
import { Working } from '../../components/working.tsx'
import { useSiteData } from '../../site-data.tsx'
import { useResource } from '../../use-resource.ts'
import { HistoryChart, type Range } from './history-chart.tsx'
import { LevelText } from './level-text.tsx'
import { LiveMap } from './live-map.tsx'
import {
  attributesOf,
  entityPath,
  getEntity,
  getHistory,
  type History,
  type NgsiAttribute,
  type NgsiEntity,
  nameOf,
  observedAtOf,
  positionOf,
  typeOf,
} from './ngsi.ts'
import { LivePage, ProblemAlert, ScrollRegion, useNow } from './parts.tsx'
import { chartable, chartScale, levelOf, neighbourhoodOf, useLiveWords } from './words.ts'

const RANGES: Record<Range, { hours: number; period: string; stepHours: number }> = {
  '24h': { hours: 24, period: 'PT1H', stepHours: 1 },
  '7d': { hours: 24 * 7, period: 'PT6H', stepHours: 6 },
}

/** The parts of a schema.org address in the order people write them. */
const ADDRESS_ORDER = [
  'streetAddress',
  'postOfficeBoxNumber',
  'postalCode',
  'addressLocality',
  'district',
  'addressRegion',
  'addressCountry',
]

/** When a value was observed, briefly: the time alone today, else the date and time. */
function ShortTime({ value, now }: { value: string; now: number }) {
  const { language } = useLiveWords()
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const today = new Date(now).toDateString() === date.toDateString()
  const text = new Intl.DateTimeFormat(
    language,
    today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(date)
  return (
    <time
      dateTime={date.toISOString()}
      title={new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'medium' }).format(date)}
    >
      {text}
    </time>
  )
}

const objects = (attribute: NgsiAttribute): string[] => {
  const object = attribute.object ?? attribute.objectList
  if (typeof object === 'string') return [object]
  return Array.isArray(object) ? object.filter((item): item is string => typeof item === 'string') : []
}

/** One attribute's value as the page shows it: a reading, links for relationships, a place for geometry. */
function AttributeValue({ name, attribute }: { name: string; attribute: NgsiAttribute }) {
  const { t, reading, number } = useLiveWords()
  if (attribute.type === 'Relationship' || attribute.type === 'ListRelationship') {
    const targets = objects(attribute)
    return (
      <ul className="plain-list">
        {targets.map((target) => (
          <li key={target}>
            <Link to={entityPath(target)}>{target}</Link>
          </li>
        ))}
      </ul>
    )
  }
  if (attribute.type === 'GeoProperty') {
    const geometry = attribute.value as { type?: string; coordinates?: unknown } | undefined
    if (geometry?.type === 'Point' && Array.isArray(geometry.coordinates)) {
      const [lon, lat] = geometry.coordinates as number[]
      if (typeof lon === 'number' && typeof lat === 'number')
        return <>{t('entity.point', { lat: number(lat), lon: number(lon) })}</>
    }
    return <>{geometry?.type ?? ''}</>
  }
  if (attribute.type === 'ListProperty' && attribute.valueList) {
    return (
      <>
        {attribute.valueList
          .map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)))
          .join(', ')}
      </>
    )
  }
  if (attribute.type === 'JsonProperty') return <code>{JSON.stringify(attribute.json)}</code>
  if (typeof attribute.value === 'object' && attribute.value !== null && !('@value' in attribute.value)) {
    const value = attribute.value as Record<string, unknown>
    // An address or other structured value: its parts as one line.
    const known = ADDRESS_ORDER.filter((key) => key in value)
    const keys = [...known, ...Object.keys(value).filter((key) => !known.includes(key))]
    const parts = keys
      .map((key) => value[key])
      .filter((part) => typeof part === 'string' || typeof part === 'number')
    return parts.length > 0 ? parts.join(', ') : <code>{JSON.stringify(value)}</code>
  }
  return reading(attribute, name)
}

function NotFound({ id }: { id: string }) {
  const { t } = useLiveWords()
  return (
    <LivePage title={t('entity.notFoundTitle')} back={{ to: '/live', label: t('entity.back') }}>
      <p>{t('entity.notFound', { id })}</p>
      <p>
        <Link to="/live">{t('entity.back')}</Link>
      </p>
    </LivePage>
  )
}

/** /live/entity/:id — one entity's current values, its place and the history of its readings. */
export function EntityPage() {
  const { id = '' } = useParams()
  const { t } = useLiveWords()
  const load = useCallback((signal: AbortSignal) => getEntity(id, signal), [id])
  const [entity, reload] = useResource(load)

  if (entity.status === 'error' && entity.error instanceof ApiError && entity.error.status === 404)
    return <NotFound id={id} />
  if (entity.status !== 'ready')
    return (
      <LivePage title={t('entity.loadingTitle')} back={{ to: '/live', label: t('entity.back') }}>
        {entity.status === 'loading' ? (
          <Working>{t('common.loading')}</Working>
        ) : (
          <ProblemAlert error={entity.error} lead={t('entity.loadFailed')} onRetry={() => void reload()} />
        )}
      </LivePage>
    )
  return <EntityView entity={entity.data} />
}

function EntityView({ entity }: { entity: NgsiEntity }) {
  const words = useLiveWords()
  const { t, typeName, attributeName, language } = words
  const id = useId()
  const now = useNow(30_000)
  const { city } = useSiteData()
  const areas = city.status === 'ready' ? city.data?.areas : undefined
  const [range, setRange] = useState<Range>('24h')

  const type = typeOf(entity)
  const name = nameOf(entity, language) ?? entity.id
  const attributes = useMemo(() => attributesOf(entity), [entity])
  const position = positionOf(entity)
  const observedAt = observedAtOf(entity)
  const level = levelOf(entity)
  const neighbourhood = neighbourhoodOf(entity, areas)
  const numeric = useMemo(() => chartable(attributes), [attributes])
  const numericNames = numeric.map(([attribute]) => attribute).join(',')

  const [historyBusy, setHistoryBusy] = useState(false)
  const loadHistory = useCallback(
    async (signal: AbortSignal): Promise<History> => {
      if (!numericNames) return {}
      const { hours, period } = RANGES[range]
      // Whole periods (10:00–11:00, not 10:17–11:17), the current one included.
      const step = RANGES[range].stepHours * 3600_000
      const since = new Date(
        Math.floor(Date.now() / step) * step - (hours - RANGES[range].stepHours) * 3600_000,
      )
      setHistoryBusy(true)
      try {
        return await getHistory(entity.id, numericNames.split(','), since, period, signal)
      } finally {
        if (!signal.aborted) setHistoryBusy(false)
      }
    },
    [entity.id, numericNames, range],
  )
  const [history, reloadHistory] = useResource(loadHistory, 'always')

  const shown = attributes.filter(([attribute]) => attribute !== 'name')

  return (
    <LivePage title={name} back={{ to: `/live?type=${encodeURIComponent(type)}`, label: t('entity.back') }}>
      <dl className="facts">
        <Fact term={t('entity.type')}>{typeName(type)}</Fact>
        <Fact term={t('entity.id')}>
          <code>{entity.id}</code>
        </Fact>
        {neighbourhood && <Fact term={t('entity.neighbourhood')}>{neighbourhood}</Fact>}
        {level && (
          <Fact term={t('entity.level')}>
            <LevelText level={level} />
          </Fact>
        )}
        {observedAt && (
          <Fact term={t('entity.observed')}>
            {words.ago(observedAt, now)} (<DateTime value={observedAt} />)
          </Fact>
        )}
      </dl>

      <div className="entity__grid">
        <section aria-labelledby={`${id}-values`}>
          <h2 id={`${id}-values`}>{t('entity.values')}</h2>
          <ScrollRegion labelledBy={`${id}-values`}>
            <table className="live-table">
              <thead>
                <tr>
                  <th scope="col">{t('entity.columns.attribute')}</th>
                  <th scope="col">{t('entity.columns.value')}</th>
                  <th scope="col">{t('entity.columns.observed')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(([attribute, instance]) => (
                  <tr key={attribute}>
                    <th scope="row">
                      {attributeName(attribute)}
                      {attributeName(attribute) !== attribute && (
                        <span className="attribute__raw">
                          {' '}
                          <code>{attribute}</code>
                        </span>
                      )}
                    </th>
                    <td>
                      <AttributeValue name={attribute} attribute={instance} />
                    </td>
                    <td>
                      {instance.observedAt ? (
                        <ShortTime value={instance.observedAt} now={now} />
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>

        {position && (
          <section aria-labelledby={`${id}-place`}>
            <h2 id={`${id}-place`}>{t('entity.place')}</h2>
            <LiveMap
              label={t('entity.mapLabel', { name })}
              centre={position}
              points={[
                {
                  id: entity.id,
                  lon: position[0],
                  lat: position[1],
                  colour: level?.colour ?? '#0b5cad',
                  label: name,
                },
              ]}
            />
            <p className="hint">
              {t('entity.point', { lat: words.number(position[1]), lon: words.number(position[0]) })}
            </p>
          </section>
        )}
      </div>

      {numeric.length > 0 && (
        <section aria-labelledby={`${id}-history`}>
          <h2 id={`${id}-history`}>{t('entity.history')}</h2>
          <fieldset className="chips">
            <legend className="chips__label">{t('entity.range')}</legend>
            {(['24h', '7d'] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                className="chip"
                aria-pressed={range === choice}
                onClick={() => setRange(choice)}
              >
                {t(`entity.ranges.${choice}`)}
              </button>
            ))}
          </fieldset>
          {historyBusy && <Working>{t('entity.historyLoading')}</Working>}
          {history.status === 'error' && (
            <ProblemAlert
              error={history.error}
              lead={t('entity.historyFailed')}
              onRetry={() => void reloadHistory()}
            />
          )}
          {history.status === 'ready' &&
            numeric.map(([attribute, instance]) => {
              const rows = history.data[attribute]
              const { unit, factor } = chartScale(attribute, instance)
              return (
                <HistoryChart
                  key={attribute}
                  name={attributeName(attribute)}
                  unit={unit}
                  factor={factor}
                  rows={rows ?? { avg: [], min: [], max: [] }}
                  range={range}
                />
              )
            })}
        </section>
      )}
    </LivePage>
  )
}
