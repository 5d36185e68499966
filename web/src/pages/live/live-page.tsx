import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Working } from '../../components/working.tsx'
import { useSiteData } from '../../site-data.tsx'
import { useResource } from '../../use-resource.ts'
import { LevelText } from './level-text.tsx'
import { LiveMap, type MapPoint } from './live-map.tsx'
import {
  attributesOf,
  entityPath,
  getEntitiesOfType,
  getTypes,
  type NgsiAttribute,
  type NgsiEntity,
  nameOf,
  observedAtOf,
  positionOf,
} from './ngsi.ts'
import { LivePage, ProblemAlert, ScrollRegion, useNow } from './parts.tsx'
import {
  LEVEL_COLOURS,
  type LevelKey,
  levelOf,
  levelScaleOf,
  neighbourhoodOf,
  readingsOf,
  useLiveWords,
} from './words.ts'

const REFRESH_EVERY = 30_000
/** Markers of entities without a level (weather, unknown types). */
const PLAIN_COLOUR = '#0b5cad'
/** Readings listed per entity in the table; its page lists them all. */
const READINGS_SHOWN = 5

type Group = { type: string; entities: NgsiEntity[] }
type LiveData = { types: string[]; groups: Group[]; at: number }

function ReadingList({ readings }: { readings: [string, NgsiAttribute][] }) {
  const { attributeName, reading } = useLiveWords()
  if (readings.length === 0) return <span className="muted">–</span>
  return (
    <ul className="readings">
      {readings.slice(0, READINGS_SHOWN).map(([name, attribute]) => (
        <li key={name}>
          <span className="readings__name">{attributeName(name)}</span>{' '}
          <span className="readings__value">{reading(attribute, name)}</span>
        </li>
      ))}
    </ul>
  )
}

/** "3 minutes ago", with the exact time on hover. */
function Observed({ at, now }: { at: string | undefined; now: number }) {
  const { ago, formats } = useLiveWords()
  if (!at) return <span className="muted">–</span>
  return (
    <time dateTime={at} title={formats.dateTime.format(Date.parse(at))}>
      {ago(at, now)}
    </time>
  )
}

/** /live: the city's sensors and what they read now, on a map and in tables, refreshed every 30 s. */
export function LiveIndexPage() {
  const words = useLiveWords()
  const { t, typeName, formats, language } = words
  const [params, setParams] = useSearchParams()
  const selected = params.get('type') ?? ''
  const [busy, setBusy] = useState(false)
  const [auto, setAuto] = useState(true)
  const now = useNow(REFRESH_EVERY)
  const navigate = useNavigate()
  const { city } = useSiteData()
  const areas = city.status === 'ready' ? city.data?.areas : undefined
  const id = useId()

  const load = useCallback(
    async (signal: AbortSignal): Promise<LiveData> => {
      setBusy(true)
      try {
        const types = await getTypes(signal)
        const wanted = selected && types.includes(selected) ? [selected] : types
        const groups = await Promise.all(
          wanted.map(async (type) => ({ type, entities: await getEntitiesOfType(type, signal) })),
        )
        return { types, groups, at: Date.now() }
      } finally {
        if (!signal.aborted) setBusy(false)
      }
    },
    [selected],
  )
  const [resource, reload] = useResource(load, 'always')

  // A failed refresh keeps the last readings on screen, under the problem.
  const last = useRef<LiveData | null>(null)
  if (resource.status === 'ready') last.current = resource.data
  const data = resource.status === 'ready' ? resource.data : last.current

  useEffect(() => {
    if (!auto) return
    const timer = setInterval(() => {
      if (!document.hidden) void reload()
    }, REFRESH_EVERY)
    return () => clearInterval(timer)
  }, [auto, reload])

  const collator = useMemo(() => new Intl.Collator(language, { numeric: true }), [language])

  const rows = useMemo(
    () =>
      (data?.groups ?? [])
        .map((group) => ({
          type: group.type,
          entities: group.entities
            .map((entity) => {
              const attributes = attributesOf(entity)
              return {
                entity,
                name: nameOf(entity, language) ?? entity.id,
                neighbourhood: neighbourhoodOf(entity, areas),
                readings: readingsOf(entity, attributes),
                level: levelOf(entity),
                observedAt: observedAtOf(entity),
                position: positionOf(entity),
              }
            })
            .sort((a, b) => collator.compare(a.name, b.name)),
        }))
        .sort((a, b) => collator.compare(typeName(a.type), typeName(b.type))),
    [data, language, areas, collator, typeName],
  )

  const points = useMemo<MapPoint[]>(
    () =>
      rows.flatMap((group) =>
        group.entities.flatMap(({ entity, name, level, position }) =>
          position
            ? [
                {
                  id: entity.id,
                  lon: position[0],
                  lat: position[1],
                  colour: level?.colour ?? PLAIN_COLOUR,
                  label: level
                    ? t('map.markerWithLevel', {
                        name,
                        type: typeName(group.type),
                        level: words.levelName(level.key),
                      })
                    : t('map.marker', { name, type: typeName(group.type) }),
                },
              ]
            : [],
        ),
      ),
    [rows, t, typeName, words.levelName],
  )

  const openEntity = useCallback((entityId: string) => void navigate(entityPath(entityId)), [navigate])

  // The legend: each colour scale once, named by the types it colours.
  const scales = new Map<LevelKey[], string[]>()
  for (const group of rows) {
    const scale = levelScaleOf(group.type)
    if (scale) scales.set(scale, [...(scales.get(scale) ?? []), typeName(group.type)])
  }

  const choose = (type: string) => setParams(type ? { type } : {})
  // A type the broker does not know (an old link) shows everything, and says so by the "All" chip.
  const shown = data?.types.includes(selected) ? selected : ''

  return (
    <LivePage title={t('list.title')} lead={t('list.lead')}>
      {data && (
        <fieldset className="chips">
          <legend className="chips__label">{t('list.filter')}</legend>
          <button type="button" className="chip" aria-pressed={shown === ''} onClick={() => choose('')}>
            {t('list.allTypes')}
          </button>
          {[...data.types]
            .sort((a, b) => collator.compare(typeName(a), typeName(b)))
            .map((type) => (
              <button
                key={type}
                type="button"
                className="chip"
                aria-pressed={shown === type}
                onClick={() => choose(type)}
              >
                {typeName(type)}
              </button>
            ))}
        </fieldset>
      )}

      <div className="live__status">
        <p className="live__updated">
          {data ? t('list.updatedAt', { time: formats.time.format(data.at) }) : t('list.notYet')}
        </p>
        {busy && data && <Working quiet>{t('list.refreshing')}</Working>}
        <div className="live__controls">
          <label className="check">
            <input type="checkbox" checked={auto} onChange={(event) => setAuto(event.target.checked)} />
            {t('list.autoRefresh')}
          </label>
          <button type="button" className="button--secondary" disabled={busy} onClick={() => void reload()}>
            {t('list.refreshNow')}
          </button>
        </div>
      </div>

      {resource.status === 'error' && (
        <ProblemAlert
          error={resource.error}
          lead={data ? t('list.refreshFailed') : t('list.loadFailed')}
          onRetry={() => void reload()}
        />
      )}
      {!data && resource.status === 'loading' && <Working>{t('common.loading')}</Working>}

      {data && (
        <>
          <section className="live__map" aria-labelledby={`${id}-map`}>
            <h2 id={`${id}-map`} className="visually-hidden">
              {t('map.heading')}
            </h2>
            <LiveMap label={t('map.label')} points={points} onOpen={openEntity} />
            <p className="hint">{t('map.hint')}</p>
            {scales.size > 0 && (
              <dl className="legends" aria-label={t('map.legend')}>
                {[...scales].map(([scale, names]) => (
                  <div key={scale.join()}>
                    <dt>{names.join(', ')}:</dt>
                    <dd>
                      <ul className="legend">
                        {scale.map((key) => (
                          <li key={key}>
                            <span
                              className="swatch"
                              style={{ background: LEVEL_COLOURS[key] }}
                              aria-hidden="true"
                            />
                            {words.levelName(key)}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>

          {rows.length === 0 && <p className="notice">{t('list.noTypes')}</p>}
          {rows.map((group) => (
            <section key={group.type} aria-labelledby={`${id}-${group.type}`}>
              <h2 id={`${id}-${group.type}`}>
                {typeName(group.type)}{' '}
                <span className="count">{t('list.count', { count: group.entities.length })}</span>
              </h2>
              {group.entities.length === 0 ? (
                <p className="notice">{t('list.noEntities')}</p>
              ) : (
                <>
                  <ScrollRegion labelledBy={`${id}-${group.type}`} className="table-scroll live-list__table">
                    <table className="live-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('list.columns.name')}</th>
                          <th scope="col">{t('list.columns.neighbourhood')}</th>
                          <th scope="col">{t('list.columns.readings')}</th>
                          <th scope="col">{t('list.columns.level')}</th>
                          <th scope="col">{t('list.columns.observed')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {group.entities.map((row) => (
                          <tr key={row.entity.id}>
                            <th scope="row">
                              <Link to={entityPath(row.entity.id)}>{row.name}</Link>
                            </th>
                            <td>{row.neighbourhood ?? <span className="muted">–</span>}</td>
                            <td>
                              <ReadingList readings={row.readings} />
                            </td>
                            <td>
                              <LevelText level={row.level} />
                            </td>
                            <td>
                              <Observed at={row.observedAt} now={Math.max(now, data.at)} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                  {/* Narrow screens show the same rows as cards (CSS shows one or the other). */}
                  <ul className="live-cards">
                    {group.entities.map((row) => (
                      <li key={row.entity.id} className="live-card">
                        <h3>
                          <Link to={entityPath(row.entity.id)}>{row.name}</Link>
                        </h3>
                        <p className="live-card__meta">
                          {row.neighbourhood && <span>{row.neighbourhood}</span>}
                          {row.level && <LevelText level={row.level} />}
                        </p>
                        <ReadingList readings={row.readings} />
                        {row.observedAt && (
                          <p className="live-card__time">
                            {t('list.columns.observed')}:{' '}
                            <Observed at={row.observedAt} now={Math.max(now, data.at)} />
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}

      <p className="live__more">
        <Link to="/live/subscriptions">{t('list.developers')}</Link>
      </p>
    </LivePage>
  )
}
