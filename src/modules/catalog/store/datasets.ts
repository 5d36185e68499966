import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { searchText } from '../search-text.ts'
import { type DatasetRow, datasetColumns } from './dataset-rows.ts'

export async function selectDatasetByName(db: Database, name: string): Promise<DatasetRow | undefined> {
  const { rows } = await sql<DatasetRow>`SELECT ${datasetColumns} FROM catalog.datasets d
    WHERE d.name = ${name}`.execute(db)
  return rows[0]
}

export async function selectDatasetById(db: Database, id: string): Promise<DatasetRow | undefined> {
  const { rows } = await sql<DatasetRow>`SELECT ${datasetColumns} FROM catalog.datasets d
    WHERE d.id = ${id}`.execute(db)
  return rows[0]
}

/** Datasets by id, in the order given. */
export async function selectDatasetsByIds(db: Database, ids: readonly string[]): Promise<DatasetRow[]> {
  if (ids.length === 0) return []
  const { rows } = await sql<DatasetRow>`SELECT ${datasetColumns} FROM catalog.datasets d
    WHERE d.id = ANY(${[...ids]}::uuid[])`.execute(db)
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function nameTaken(db: Database, name: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM catalog.datasets WHERE name = ${name}`.execute(db)
  return rows.length > 0
}

/** The fields a publisher writes; the store keeps the search columns in step with them. */
export interface DatasetFields {
  title: LocalizedText
  description: LocalizedText
  keywords: string[]
  themes: string[]
  licence: string
  accessLevel: 'open' | 'private'
  spatialArea: string | null
  spatialGeometry: object | null
  temporalStart: string | null
  temporalEnd: string | null
  frequency: string
  contactPoint: object | null
  version: string | null
}

/** What a dataset says before its publisher fills anything in beyond a title. */
export const UNDESCRIBED: Omit<DatasetFields, 'title' | 'description'> = {
  keywords: [],
  themes: [],
  licence: 'cc-by-4.0',
  accessLevel: 'open',
  spatialArea: null,
  spatialGeometry: null,
  temporalStart: null,
  temporalEnd: null,
  frequency: 'UNKNOWN',
  contactPoint: null,
  version: null,
}

const geometry = (value: object | null) =>
  value ? sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)` : sql`NULL`

export async function insertDataset(
  db: Database,
  row: DatasetFields & { name: string; organisationId: string; createdBy: string | null },
): Promise<string> {
  const search = searchText(row)
  const { rows } = await sql<{ id: string }>`
    INSERT INTO catalog.datasets (name, organisation_id, title, description, keywords, themes, licence,
      access_level, spatial_area, spatial, temporal_start, temporal_end, frequency, contact_point, version,
      created_by, search_title, search_body)
    VALUES (${row.name}, ${row.organisationId}, ${JSON.stringify(row.title)}::jsonb,
      ${JSON.stringify(row.description)}::jsonb, ${row.keywords}::text[], ${row.themes}::text[], ${row.licence},
      ${row.accessLevel}, ${row.spatialArea}, ${geometry(row.spatialGeometry)}, ${row.temporalStart}::date,
      ${row.temporalEnd}::date, ${row.frequency},
      ${row.contactPoint ? JSON.stringify(row.contactPoint) : null}::jsonb, ${row.version},
      ${row.createdBy}, ${search.title}, ${search.body})
    RETURNING id`.execute(db)
  return rows[0]!.id
}

export async function updateDatasetFields(db: Database, id: string, row: DatasetFields): Promise<void> {
  const search = searchText(row)
  await sql`UPDATE catalog.datasets SET title = ${JSON.stringify(row.title)}::jsonb,
      description = ${JSON.stringify(row.description)}::jsonb, keywords = ${row.keywords}::text[],
      themes = ${row.themes}::text[], licence = ${row.licence}, access_level = ${row.accessLevel},
      spatial_area = ${row.spatialArea}, spatial = ${geometry(row.spatialGeometry)},
      temporal_start = ${row.temporalStart}::date, temporal_end = ${row.temporalEnd}::date,
      frequency = ${row.frequency},
      contact_point = ${row.contactPoint ? JSON.stringify(row.contactPoint) : null}::jsonb,
      version = ${row.version}, search_title = ${search.title}, search_body = ${search.body},
      modified = now()
    WHERE id = ${id}`.execute(db)
}

export async function updateDatasetStatus(
  db: Database,
  id: string,
  status: 'draft' | 'published' | 'archived',
): Promise<void> {
  // issued: the first time it was published (DCAT dct:issued), kept through later changes.
  await sql`UPDATE catalog.datasets SET status = ${status}, modified = now(),
      issued = CASE WHEN ${status} = 'published' THEN coalesce(issued, now()) ELSE issued END
    WHERE id = ${id}`.execute(db)
}

export async function deleteDatasetRow(db: Database, id: string): Promise<void> {
  await sql`DELETE FROM catalog.datasets WHERE id = ${id}`.execute(db)
}

export async function touchDataset(db: Database, id: string): Promise<void> {
  await sql`UPDATE catalog.datasets SET modified = now() WHERE id = ${id}`.execute(db)
}
