import { sql } from 'kysely'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { Column } from '../schemas.ts'

/** A dataset as stored, before its publisher is named (identity knows organisations). */
export interface DatasetRow {
  id: string
  name: string
  organisation_id: string
  title: LocalizedText
  description: LocalizedText
  keywords: string[]
  themes: string[]
  licence: string
  access_level: 'open' | 'private'
  spatial_area: string | null
  spatial_geometry: { type: string; coordinates: unknown[] } | null
  temporal_start: string | null
  temporal_end: string | null
  frequency: string
  contact_point: { name: string; email?: string; url?: string } | null
  version: string | null
  status: 'draft' | 'published' | 'archived'
  harvest_source_id: string | null
  source_iri: string | null
  issued: Date | null
  modified: Date
  created_at: Date
  resources: ResourceRow[]
}

/** A resource as stored; timestamps come as JSON strings when aggregated with the dataset. */
export interface ResourceRow {
  id: string
  dataset_id: string
  position: number
  kind: 'upload' | 'link' | 'live'
  title: LocalizedText
  description: LocalizedText | null
  format: string
  media_type: string | null
  url: string | null
  file_path: string | null
  byte_size: number | null
  checksum: string | null
  live_type: string | null
  datastore_columns: Column[] | null
  row_count: number | null
  loaded_at: string | Date | null
  created_at: string | Date
  modified_at: string | Date
}

export const resourceJson = sql`json_build_object(
  'id', r.id, 'dataset_id', r.dataset_id, 'position', r.position, 'kind', r.kind, 'title', r.title,
  'description', r.description, 'format', r.format, 'media_type', r.media_type, 'url', r.url,
  'file_path', r.file_path, 'byte_size', r.byte_size, 'checksum', r.checksum, 'live_type', r.live_type,
  'datastore_columns', r.datastore_columns, 'row_count', r.row_count, 'loaded_at', r.loaded_at,
  'created_at', r.created_at, 'modified_at', r.modified_at)`

/** The columns of a DatasetRow, from `catalog.datasets d`. */
export const datasetColumns = sql`d.id, d.name, d.organisation_id, d.title, d.description, d.keywords,
  d.themes, d.licence, d.access_level, d.spatial_area, ST_AsGeoJSON(d.spatial)::json AS spatial_geometry,
  d.temporal_start::text AS temporal_start, d.temporal_end::text AS temporal_end, d.frequency,
  d.contact_point, d.version, d.status, d.harvest_source_id, d.source_iri, d.issued, d.modified,
  d.created_at,
  coalesce((SELECT json_agg(${resourceJson} ORDER BY r.position, r.created_at)
    FROM catalog.resources r WHERE r.dataset_id = d.id), '[]'::json) AS resources`
