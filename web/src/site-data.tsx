import { createContext, type ReactNode, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { type AreaCollection, type City, getAreas, getCities, getPlatform, type Platform } from './api.ts'
import { type Resource, useResource } from './use-resource.ts'

/** The city the portal serves (the first one the server knows) and its areas; null when none is loaded. */
export type CityData = { city: City; areas: AreaCollection } | null

type SiteData = {
  platform: Resource<Platform>
  city: Resource<CityData>
  retryCity: () => void
}

async function loadCity(signal: AbortSignal): Promise<CityData> {
  const { items } = await getCities(signal)
  const city = items[0]
  if (!city) return null
  return { city, areas: await getAreas(city.slug, signal) }
}

const SiteDataContext = createContext<SiteData | null>(null)

export function SiteDataProvider({ children }: { children: ReactNode }) {
  const [platform] = useResource(getPlatform)
  const [city, retryCity] = useResource(loadCity)
  return <SiteDataContext value={{ platform, city, retryCity }}>{children}</SiteDataContext>
}

export function useSiteData(): SiteData {
  const data = useContext(SiteDataContext)
  if (!data) throw new Error('useSiteData needs a SiteDataProvider')
  return data
}

/** The city's name in the reader's language when the server knows it, else its own name. */
export function useCityName(): string | undefined {
  const { city } = useSiteData()
  const { i18n } = useTranslation()
  if (city.status !== 'ready' || !city.data) return undefined
  const { name, names } = city.data.city
  return names?.[i18n.resolvedLanguage ?? ''] ?? name
}
