import L from 'leaflet'
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { createCityMap, escapeHtml, useZoomControl } from '../../components/city-map.ts'
import { useSiteData } from '../../site-data.tsx'

export type MapPoint = {
  id: string
  lon: number
  lat: number
  /** Name and level, for the tooltip and for screen readers. */
  label: string
  colour: string
}

const areaStyle: L.PathOptions = {
  color: '#6b7480',
  weight: 1,
  fillColor: '#0b5cad',
  fillOpacity: 0.04,
  interactive: false,
}

const markerStyle = (colour: string): L.CircleMarkerOptions => ({
  pane: 'live-markers',
  radius: 9,
  weight: 2,
  color: '#1b1f24',
  fillColor: colour,
  fillOpacity: 0.95,
})

/** Makes a marker a named, focusable link that Enter opens. */
function makeLink(marker: L.CircleMarker, label: string, open: () => void): void {
  const element = marker.getElement()
  if (!element || element.getAttribute('role') === 'link') return
  element.setAttribute('tabindex', '0')
  element.setAttribute('role', 'link')
  element.setAttribute('aria-label', label)
  element.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.key === 'Enter') {
      event.preventDefault()
      open()
    }
  })
  element.addEventListener('focus', () => marker.openTooltip())
  element.addEventListener('blur', () => marker.closeTooltip())
}

/**
 * The city's neighbourhoods as a quiet background (no tile layer: nothing is fetched from elsewhere)
 * and a coloured marker per entity, each a link to its page. The list next to it says the same.
 */
export function LiveMap({
  label,
  points,
  onOpen,
  centre,
}: {
  label: string
  points: MapPoint[]
  onOpen?: (id: string) => void
  /** [lon, lat] to centre on, closely, instead of showing the whole city. */
  centre?: [number, number]
}) {
  const { city } = useSiteData()
  const container = useRef<HTMLElement>(null)
  const [map, setMap] = useState<L.Map>()
  const viewSet = useRef(false)
  const markers = useRef(new Map<string, L.CircleMarker>())
  const open = useEffectEvent((id: string) => onOpen?.(id))
  const cityData = city.status === 'ready' ? city.data : null

  useEffect(() => {
    if (!container.current) return
    const leafletMap = createCityMap(container.current)
    leafletMap.createPane('live-markers').style.zIndex = '450'
    setMap(leafletMap)
    const known = markers.current
    return () => {
      leafletMap.remove()
      known.clear()
      viewSet.current = false
      setMap(undefined)
    }
  }, [])

  useZoomControl(map)

  // The view: the entity's surroundings, else the city, else wherever the markers are.
  useEffect(() => {
    if (!map || viewSet.current) return
    if (centre) {
      map.setView([centre[1], centre[0]], 14, { animate: false })
      viewSet.current = true
    } else if (cityData) {
      const { west, south, east, north } = cityData.city.bounds
      map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { animate: false },
      )
      viewSet.current = true
    } else if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points.map((point) => [point.lat, point.lon])), {
        animate: false,
        padding: [24, 24],
        maxZoom: 15,
      })
      viewSet.current = true
    }
  }, [map, centre, cityData, points])

  useEffect(() => {
    if (!map || !cityData) return
    const areas = L.geoJSON(cityData.areas, { style: areaStyle, interactive: false }).addTo(map)
    const attribution = escapeHtml(cityData.areas.attribution)
    map.attributionControl.addAttribution(attribution)
    return () => {
      areas.remove()
      map.attributionControl.removeAttribution(attribution)
    }
  }, [map, cityData])

  // Markers are kept by entity id, so a refresh moves and recolours them without losing focus.
  useEffect(() => {
    if (!map) return
    const known = markers.current
    const seen = new Set<string>()
    for (const point of points) {
      seen.add(point.id)
      const existing = known.get(point.id)
      if (existing) {
        existing.setLatLng([point.lat, point.lon])
        existing.setStyle({ fillColor: point.colour })
        if (existing.getTooltip()) existing.setTooltipContent(escapeHtml(point.label))
        const element = existing.getElement()
        if (element?.getAttribute('role') === 'link') element.setAttribute('aria-label', point.label)
        continue
      }
      // A marker that opens nothing is a picture only: the page says in words where it is.
      const marker = L.circleMarker([point.lat, point.lon], {
        ...markerStyle(point.colour),
        interactive: onOpen !== undefined,
      })
      if (onOpen) marker.bindTooltip(escapeHtml(point.label))
      if (onOpen) {
        marker.on('click', () => open(point.id))
        marker.on('add', () => makeLink(marker, point.label, () => open(point.id)))
      }
      marker.addTo(map)
      known.set(point.id, marker)
    }
    for (const [id, marker] of known) {
      if (seen.has(id)) continue
      marker.remove()
      known.delete(id)
    }
  }, [map, points, onOpen])

  return <section ref={container} className="city-map live-map" aria-label={label} />
}
