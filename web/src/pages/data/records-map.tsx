import type { FeatureCollection, Geometry } from 'geojson'
import L from 'leaflet'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { createCityMap, escapeHtml, useZoomControl } from '../../components/city-map.ts'
import { Working } from '../../components/working.tsx'
import { useSiteData } from '../../site-data.tsx'
import { useResource } from '../../use-resource.ts'
import { getRecords, type Resource } from './catalog-api.ts'
import type { Narrowing } from './datastore-preview.tsx'
import type { GeoColumns } from './geo-columns.ts'
import { ProblemAlert } from './parts.tsx'
import { useDataWords } from './words.ts'

/** The rows a map draws at most. */
const MAP_ROWS = 2000
const FEATURE = '#0b5cad'
const PANE = 'data-rows'

const areaStyle: L.PathOptions = {
  color: '#6b7480',
  weight: 1,
  fillColor: '#0b5cad',
  fillOpacity: 0.04,
  interactive: false,
}

const isGeometry = (value: unknown): value is Geometry =>
  typeof value === 'object' && value !== null && 'type' in value && 'coordinates' in value

/**
 * The table's rows on the city's map (the neighbourhoods as background, no tile layer): a geometry
 * column's shapes, or points from latitude and longitude. A picture only; the table says the same.
 */
export function RecordsMap({
  resource,
  geo,
  narrowing,
}: {
  resource: Resource
  geo: NonNullable<GeoColumns>
  narrowing: Narrowing
}) {
  const { t, formats } = useDataWords()
  const id = useId()
  const { city } = useSiteData()
  const cityData = city.status === 'ready' ? city.data : null
  const container = useRef<HTMLElement>(null)
  const [map, setMap] = useState<L.Map>()

  const load = useCallback(
    (signal: AbortSignal) =>
      getRecords(
        resource.id,
        { q: narrowing.q, filters: narrowing.filters, limit: MAP_ROWS, offset: 0 },
        signal,
      ),
    [resource.id, narrowing],
  )
  const [records, reload] = useResource(load, 'always')

  const geometries = useMemo<Geometry[]>(() => {
    if (records.status !== 'ready') return []
    return records.data.records.flatMap((record): Geometry[] => {
      if ('geometry' in geo) {
        const value = record[geo.geometry]
        const parsed = typeof value === 'string' ? safeParse(value) : value
        return isGeometry(parsed) ? [parsed] : []
      }
      const lat = record[geo.lat]
      const lon = record[geo.lon]
      return typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
        ? [{ type: 'Point', coordinates: [lon, lat] }]
        : []
    })
  }, [records, geo])

  useEffect(() => {
    if (!container.current) return
    const leafletMap = createCityMap(container.current)
    // The rows' own pane keeps them above the neighbourhoods, whichever is drawn first.
    leafletMap.createPane(PANE).style.zIndex = '450'
    setMap(leafletMap)
    return () => {
      leafletMap.remove()
      setMap(undefined)
    }
  }, [])

  useZoomControl(map)

  useEffect(() => {
    if (!map || !cityData) return
    const areas = L.geoJSON(cityData.areas, { style: areaStyle, interactive: false }).addTo(map)
    const attribution = escapeHtml(cityData.areas.attribution)
    map.attributionControl.addAttribution(attribution)
    if (geometries.length === 0) {
      const { west, south, east, north } = cityData.city.bounds
      map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { animate: false },
      )
    }
    return () => {
      areas.remove()
      map.attributionControl.removeAttribution(attribution)
    }
  }, [map, cityData, geometries.length])

  useEffect(() => {
    if (!map || geometries.length === 0) return
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} })),
    }
    const layer = L.geoJSON(collection, {
      interactive: false,
      pane: PANE,
      // geoJSON styles its points too: they keep the marker's own look, shapes a lighter fill.
      style: (feature) =>
        feature?.geometry.type === 'Point' || feature?.geometry.type === 'MultiPoint'
          ? {}
          : { color: FEATURE, weight: 2, fillOpacity: 0.25 },
      pointToLayer: (_, latlng) =>
        L.circleMarker(latlng, {
          pane: PANE,
          radius: 6,
          weight: 2,
          color: '#1b1f24',
          fillColor: FEATURE,
          fillOpacity: 0.9,
          interactive: false,
        }),
    }).addTo(map)
    const bounds = layer.getBounds()
    if (bounds.isValid()) map.fitBounds(bounds, { animate: false, padding: [40, 40], maxZoom: 16 })
    return () => {
      layer.remove()
    }
  }, [map, geometries])

  const total = records.status === 'ready' ? records.data.total : 0
  return (
    <section className="records-map" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('map.heading')}</h3>
      {records.status === 'loading' && <Working quiet>{t('common.loading')}</Working>}
      {records.status === 'error' && (
        <ProblemAlert error={records.error} lead={t('map.failed')} onRetry={() => void reload()} />
      )}
      <section
        ref={container}
        className="city-map data-map"
        aria-label={t('map.label', {
          count: geometries.length,
          shown: formats.integer.format(geometries.length),
        })}
      />
      <p className="hint">
        {'geometry' in geo
          ? t('map.fromGeometry', { column: geo.geometry })
          : t('map.fromLatLon', { lat: geo.lat, lon: geo.lon })}{' '}
        {total > MAP_ROWS && t('map.limited', { shown: formats.integer.format(MAP_ROWS) })}
      </p>
    </section>
  )
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
