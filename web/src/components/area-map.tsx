import L from 'leaflet'
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { AreaCollection, AreaProperties, City } from '../api.ts'
import { createCityMap, escapeHtml, useZoomControl } from './city-map.ts'

type Props = {
  label: string
  city: City
  areas: AreaCollection
  selected: string | undefined
  onSelect: (slug: string) => void
}

const areaStyle: L.PathOptions = { color: '#0b5cad', weight: 1.5, fillColor: '#0b5cad', fillOpacity: 0.12 }
const selectedStyle: L.PathOptions = { color: '#7c2d12', weight: 3, fillColor: '#c2410c', fillOpacity: 0.4 }

function makeButton(path: L.Path, name: string, activate: () => void): void {
  const element = path.getElement()
  if (!element) return
  element.setAttribute('tabindex', '0')
  element.setAttribute('role', 'button')
  element.setAttribute('aria-label', name)
  element.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      activate()
    }
  })
}

/** The city's areas drawn without a tile layer; each area is a focusable, named button. */
export function AreaMap({ label, city, areas, selected, onSelect }: Props) {
  const container = useRef<HTMLElement>(null)
  const [map, setMap] = useState<L.Map>()
  const [paths, setPaths] = useState<ReadonlyMap<string, L.Polygon>>(new Map())
  const select = useEffectEvent(onSelect)

  useEffect(() => {
    if (!container.current) return
    const { west, south, east, north } = city.bounds
    const leafletMap = createCityMap(container.current)
    leafletMap.attributionControl.addAttribution(escapeHtml(areas.attribution))
    // Vector layers need a view before they are added; the areas' own extent then fits tighter.
    leafletMap.fitBounds([
      [south, west],
      [north, east],
    ])

    const bySlug = new Map<string, L.Polygon>()
    const areaLayer = L.geoJSON<AreaProperties>(areas, {
      style: areaStyle,
      onEachFeature: ({ properties: { slug, name } }, layer) => {
        const path = layer as L.Polygon
        path.bindTooltip(name)
        path.on('click', () => select(slug))
        path.on('add', () => makeButton(path, name, () => select(slug)))
        bySlug.set(slug, path)
      },
    }).addTo(leafletMap)
    const drawn = areaLayer.getBounds()
    if (drawn.isValid()) leafletMap.fitBounds(drawn, { animate: false, padding: [12, 12] })

    setMap(leafletMap)
    setPaths(bySlug)
    return () => {
      leafletMap.remove()
      setMap(undefined)
      setPaths(new Map())
    }
  }, [city, areas])

  useZoomControl(map)

  useEffect(() => {
    for (const [slug, path] of paths) {
      const isSelected = slug === selected
      path.setStyle(isSelected ? selectedStyle : areaStyle)
      path.getElement()?.setAttribute('aria-pressed', String(isSelected))
      if (isSelected) path.openTooltip()
      else path.closeTooltip()
    }
  }, [paths, selected])

  return <section ref={container} className="city-map area-map" aria-label={label} />
}
