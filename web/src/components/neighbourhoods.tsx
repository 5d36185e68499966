import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AreaCollection, City } from '../api.ts'
import { useCityName } from '../site-data.tsx'
import { AreaMap } from './area-map.tsx'

export function Neighbourhoods({ city, areas }: { city: City; areas: AreaCollection }) {
  const { t, i18n } = useTranslation()
  const [selected, setSelected] = useState<string>()
  const cityName = useCityName() ?? city.name

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(i18n.resolvedLanguage)
    return areas.features
      .map((feature) => feature.properties)
      .sort((a, b) => collator.compare(a.name, b.name))
  }, [areas, i18n.resolvedLanguage])

  const selectedName = sorted.find((area) => area.slug === selected)?.name

  return (
    <div className="neighbourhoods">
      <AreaMap
        label={t('home.areas.map', { city: cityName })}
        city={city}
        areas={areas}
        selected={selected}
        onSelect={setSelected}
      />
      <div className="neighbourhoods__side">
        <p className="neighbourhoods__selected" aria-live="polite">
          {selectedName ? t('home.areas.selected', { name: selectedName }) : t('home.areas.hint')}
        </p>
        <ul className="area-list" aria-label={t('home.areas.list')}>
          {sorted.map((area) => (
            <li key={area.slug}>
              <button
                type="button"
                aria-pressed={area.slug === selected}
                onClick={() => setSelected(area.slug)}
              >
                {area.name}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
