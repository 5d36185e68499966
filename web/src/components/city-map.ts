import L from 'leaflet'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * What the site's maps of the city share: drawn without a tile layer and without zooming by the
 * scroll wheel (the page scrolls instead), zoom buttons named in the reader's language, and text
 * made safe for the HTML Leaflet writes (tooltips, attributions). The map's element has the class
 * `city-map`, which styles.css styles.
 */
export function createCityMap(container: HTMLElement): L.Map {
  return L.map(container, {
    zoomControl: false,
    scrollWheelZoom: false,
    zoomSnap: 0.25,
  })
}

/** The zoom buttons of a city map, named in the reader's language and renamed when it changes. */
export function useZoomControl(map: L.Map | undefined): void {
  const { t } = useTranslation()
  useEffect(() => {
    if (!map) return
    const zoom = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map)
    return () => {
      zoom.remove()
    }
  }, [map, t])
}

/** Text as HTML that shows it as it is, for Leaflet's tooltips and attributions. */
export function escapeHtml(text: string): string {
  const span = document.createElement('span')
  span.textContent = text
  return span.innerHTML
}
