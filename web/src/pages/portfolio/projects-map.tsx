import { useMemo } from 'react'
import { useNavigate } from 'react-router'
import { LiveMap, type MapPoint } from '../live/live-map.tsx'
import type { Project } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

const colours = { core: '#0b5cad', flexible: '#1e6b2f', pilot: '#c2410c' } as const

/**
 * The projects that have a place in the city, each a marker that opens its page; shown only when
 * at least one has, with how many are on it (the list below names them all).
 */
export function ProjectsMap({ projects }: { projects: Project[] }) {
  const { t, text, word } = usePortfolioWords()
  const navigate = useNavigate()
  const points = useMemo<MapPoint[]>(
    () =>
      projects.flatMap((project) =>
        project.location
          ? [
              {
                id: project.slug,
                lon: project.location.lon,
                lat: project.location.lat,
                label: `${text(project.title)} (${word('kinds', project.kind)}, ${word('statuses', project.status)})`,
                colour: colours[project.kind],
              },
            ]
          : [],
      ),
    [projects, text, word],
  )
  if (points.length === 0) return null
  return (
    <section className="projects-map" aria-labelledby="projects-map-heading">
      <h2 id="projects-map-heading">{t('map.heading')}</h2>
      <p className="hint">{t('map.count', { count: points.length, total: projects.length })}</p>
      <LiveMap
        label={t('map.label')}
        points={points}
        onOpen={(slug) => void navigate(`/projects/${encodeURIComponent(slug)}`)}
      />
      <ul className="map-legend">
        {(['core', 'flexible', 'pilot'] as const).map((kind) => (
          <li key={kind}>
            <span className="map-legend__dot" style={{ background: colours[kind] }} aria-hidden="true" />
            {word('kinds', kind)}
          </li>
        ))}
      </ul>
    </section>
  )
}
