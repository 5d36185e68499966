import type { Dataset, Quality } from './schemas.ts'
import { FREQUENCIES, LICENCES } from './vocabularies.ts'

type Check = Quality['checks'][number]

const MACHINE_READABLE = new Set([
  'CSV',
  'JSON',
  'GEOJSON',
  'XML',
  'NGSI-LD',
  'RDF',
  'TTL',
  'JSONLD',
  'XLSX',
  'ODS',
  'GTFS',
])
const DAY_MS = 86_400_000

/** Whether the data was refreshed within what its declared frequency promises (with a week's grace). */
export function updatedOnTime(
  dataset: Pick<Dataset, 'frequency' | 'modified'>,
  now = Date.now(),
): boolean | null {
  const days = FREQUENCIES[dataset.frequency]?.days
  if (days === null || days === undefined) return null
  return now - Date.parse(dataset.modified) <= (days + 7) * DAY_MS
}

/**
 * A dataset's quality in the manner of data.europa.eu's metadata quality assessment: points per
 * dimension for what the metadata says and whether the data can be used, with what to fix.
 * Ratings follow the MQA bands scaled to 100 (excellent ≥ 86, good ≥ 58, sufficient ≥ 30).
 */
export function assessQuality(dataset: Dataset, now = Date.now()): Quality {
  const resources = dataset.resources
  const checks: Check[] = []
  const check = (id: string, dimension: Check['dimension'], points: number, passed: boolean, tip: string) =>
    checks.push({ id, dimension, points, earned: passed ? points : 0, passed, tip })

  check(
    'keywords',
    'findability',
    8,
    dataset.keywords.length >= 3,
    'Add at least three keywords people would search for.',
  )
  check(
    'themes',
    'findability',
    8,
    dataset.themes.length > 0,
    'Choose the EU data theme(s) the dataset belongs to.',
  )
  check(
    'spatial',
    'findability',
    5,
    dataset.spatial !== null,
    'Say which area the data covers (a neighbourhood or a shape).',
  )
  check('temporal', 'findability', 5, dataset.temporal !== null, 'Say which period the data covers.')
  check(
    'translated',
    'findability',
    6,
    Boolean(dataset.title.en && dataset.description.en && dataset.title.hu),
    'Give the title and description in English and Hungarian too.',
  )
  check(
    'description',
    'contextuality',
    6,
    dataset.description.ro.length >= 80,
    'Describe what the data contains, how it was collected and its limits (at least a few sentences).',
  )
  check('resources', 'accessibility', 10, resources.length > 0, 'Add the data: upload a file or link to it.')
  check(
    'download',
    'accessibility',
    6,
    resources.some((resource) => resource.kind === 'upload' || resource.datastore !== null),
    'Upload the file here so it is always downloadable, not only linked elsewhere.',
  )
  check(
    'machine-readable',
    'interoperability',
    10,
    resources.some((resource) => MACHINE_READABLE.has(resource.format.toUpperCase())),
    'Publish in an open machine-readable format (CSV, JSON, GeoJSON), not only PDF or images.',
  )
  check(
    'datastore',
    'interoperability',
    8,
    resources.some((resource) => resource.datastore !== null),
    'Load tabular data into the datastore so it can be previewed, filtered and queried by API.',
  )
  check(
    'licence',
    'reusability',
    10,
    LICENCES[dataset.licence]?.open === true,
    'Choose an open licence (CC-BY 4.0, CC0 or ODbL).',
  )
  check(
    'contact',
    'reusability',
    6,
    Boolean(dataset.contactPoint?.email || dataset.contactPoint?.url),
    'Give a contact point (a service mailbox or page) for questions about the data.',
  )
  check(
    'frequency',
    'contextuality',
    4,
    dataset.frequency !== 'UNKNOWN',
    'Say how often the data is updated.',
  )
  check(
    'on-time',
    'data',
    8,
    updatedOnTime(dataset, now) !== false,
    'The data is older than its update frequency promises: upload the latest version.',
  )
  const total = checks.reduce((sum, item) => sum + item.points, 0)
  const earned = checks.reduce((sum, item) => sum + item.earned, 0)
  const score = Math.round((earned / total) * 100)
  const rating = score >= 86 ? 'excellent' : score >= 58 ? 'good' : score >= 30 ? 'sufficient' : 'bad'
  return { score, rating, checks }
}
