import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { searchText } from '../search-text.ts'
import type { HarvestedDataset } from './harvest-mapping.ts'
import type { RdfFormat } from './serialize.ts'

export interface HarvestOutcome {
  status: 'succeeded' | 'failed'
  created: number
  updated: number
  unchanged: number
  removed: number
  skipped: number
  pages: number
  problems: string[]
}

export interface HarvestSourceRow {
  id: string
  organisation_id: string
  url: string | null
  document: string | null
  format: RdfFormat | null
  last_run_at: Date | string | null
  last_outcome: HarvestOutcome | null
  created_at: Date | string
}

const sourceColumns = sql`id, organisation_id, url, document, format, last_run_at, last_outcome, created_at`

export async function insertHarvestSource(
  db: Database,
  row: {
    organisationId: string
    url: string | null
    document: string | null
    format: RdfFormat | null
    createdBy: string | null
  },
): Promise<HarvestSourceRow> {
  const { rows } = await sql<HarvestSourceRow>`
    INSERT INTO catalog.harvest_sources (organisation_id, url, document, format, created_by)
    VALUES (${row.organisationId}, ${row.url}, ${row.document}, ${row.format}, ${row.createdBy})
    RETURNING ${sourceColumns}`.execute(db)
  return rows[0]!
}

export async function selectHarvestSource(db: Database, id: string): Promise<HarvestSourceRow | undefined> {
  const { rows } = await sql<HarvestSourceRow>`SELECT ${sourceColumns} FROM catalog.harvest_sources
    WHERE id = ${id}`.execute(db)
  return rows[0]
}

export async function selectHarvestSources(db: Database): Promise<HarvestSourceRow[]> {
  const { rows } = await sql<HarvestSourceRow>`SELECT ${sourceColumns} FROM catalog.harvest_sources
    ORDER BY created_at, id`.execute(db)
  return rows
}

export async function updateHarvestOutcome(db: Database, id: string, outcome: HarvestOutcome): Promise<void> {
  await sql`UPDATE catalog.harvest_sources SET last_run_at = now(), last_outcome = ${JSON.stringify(outcome)}::jsonb
    WHERE id = ${id}`.execute(db)
}

/** Locks the source's row, so two runs of one source write one after the other. */
export async function lockHarvestSource(db: Database, id: string): Promise<void> {
  await sql`SELECT id FROM catalog.harvest_sources WHERE id = ${id} FOR UPDATE`.execute(db)
}

export interface HarvestedRow {
  id: string
  name: string
  source_iri: string
  harvest_digest: string | null
}

export async function selectHarvestedRows(db: Database, sourceId: string): Promise<HarvestedRow[]> {
  const { rows } = await sql<HarvestedRow>`SELECT id, name, source_iri, harvest_digest FROM catalog.datasets
    WHERE harvest_source_id = ${sourceId}`.execute(db)
  return rows
}

/** The names already taken among those starting with `stem`, to make a new one unique in one query. */
export async function selectNamesLike(db: Database, stem: string): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM catalog.datasets
    WHERE name = ${stem} OR name LIKE ${`${stem.replaceAll('_', '\\_')}-%`}`.execute(db)
  return new Set(rows.map((row) => row.name))
}

/** The database's reading of a harvested geometry as GeoJSON; undefined when it is not a geometry. */
export async function readGeometry(
  db: Database,
  geometry: NonNullable<HarvestedDataset['geometry']>,
): Promise<object | undefined> {
  try {
    const parsed =
      geometry.kind === 'wkt'
        ? sql`ST_GeomFromText(${geometry.text}, 4326)`
        : sql`ST_GeomFromGeoJSON(${geometry.text})`
    const { rows } = await sql<{ geojson: string | null }>`SELECT ST_AsGeoJSON(${parsed}) AS geojson`.execute(
      db,
    )
    return rows[0]?.geojson ? (JSON.parse(rows[0].geojson) as object) : undefined
  } catch {
    return undefined
  }
}

export interface HarvestedWrite {
  dataset: HarvestedDataset
  geometry: object | undefined
  digest: string
}

const datasetValues = ({ dataset, geometry }: HarvestedWrite) => {
  const search = searchText(dataset)
  return {
    title: JSON.stringify(dataset.title),
    description: JSON.stringify(dataset.description),
    spatial: geometry ? sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)` : sql`NULL`,
    contact: dataset.contactPoint ? JSON.stringify(dataset.contactPoint) : null,
    search,
  }
}

export async function insertHarvestedDataset(
  db: Database,
  write: HarvestedWrite,
  target: { name: string; organisationId: string; sourceId: string; createdBy: string | null },
): Promise<string> {
  const { dataset } = write
  const values = datasetValues(write)
  const { rows } = await sql<{ id: string }>`
    INSERT INTO catalog.datasets (name, organisation_id, title, description, keywords, themes, licence,
      access_level, spatial, temporal_start, temporal_end, frequency, contact_point, version, status,
      harvest_source_id, source_iri, harvest_digest, issued, modified, created_by, search_title, search_body)
    VALUES (${target.name}, ${target.organisationId}, ${values.title}::jsonb, ${values.description}::jsonb,
      ${dataset.keywords}::text[], ${dataset.themes}::text[], ${dataset.licence}, ${dataset.accessLevel},
      ${values.spatial}, ${dataset.temporalStart}::date, ${dataset.temporalEnd}::date, ${dataset.frequency},
      ${values.contact}::jsonb, ${dataset.version}, 'published', ${target.sourceId}, ${dataset.iri},
      ${write.digest}, coalesce(${dataset.issued}::timestamptz, now()), coalesce(${dataset.modified}::timestamptz, now()),
      ${target.createdBy}, ${values.search.title}, ${values.search.body})
    RETURNING id`.execute(db)
  const id = rows[0]!.id
  await insertLinks(db, id, dataset)
  return id
}

export async function updateHarvestedDataset(db: Database, id: string, write: HarvestedWrite): Promise<void> {
  const { dataset } = write
  const values = datasetValues(write)
  await sql`UPDATE catalog.datasets SET title = ${values.title}::jsonb, description = ${values.description}::jsonb,
      keywords = ${dataset.keywords}::text[], themes = ${dataset.themes}::text[], licence = ${dataset.licence},
      access_level = ${dataset.accessLevel}, spatial = ${values.spatial}, temporal_start = ${dataset.temporalStart}::date,
      temporal_end = ${dataset.temporalEnd}::date, frequency = ${dataset.frequency},
      contact_point = ${values.contact}::jsonb, version = ${dataset.version}, status = 'published',
      harvest_digest = ${write.digest}, issued = coalesce(${dataset.issued}::timestamptz, issued),
      modified = coalesce(${dataset.modified}::timestamptz, now()),
      search_title = ${values.search.title}, search_body = ${values.search.body}
    WHERE id = ${id}`.execute(db)
  await sql`DELETE FROM catalog.resources WHERE dataset_id = ${id}`.execute(db)
  await insertLinks(db, id, dataset)
}

/** A harvested dataset's distributions are links to the source's files, in the source's order. */
async function insertLinks(db: Database, datasetId: string, dataset: HarvestedDataset): Promise<void> {
  for (const [position, resource] of dataset.resources.entries()) {
    await sql`INSERT INTO catalog.resources (dataset_id, position, kind, title, description, format, media_type, url)
      VALUES (${datasetId}, ${position}, 'link', ${JSON.stringify(resource.title)}::jsonb,
        ${resource.description ? JSON.stringify(resource.description) : null}::jsonb, ${resource.format},
        ${resource.mediaType}, ${resource.url})`.execute(db)
  }
}

export async function deleteHarvestedDatasets(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await sql`DELETE FROM catalog.datasets WHERE id = ANY(${[...ids]}::uuid[])`.execute(db)
}
