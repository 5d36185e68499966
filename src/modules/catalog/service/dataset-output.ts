import type { Dataset, Resource } from '../schemas.ts'
import type { DatasetRow, ResourceRow } from '../store/dataset-rows.ts'
import type { Publishers } from './publishers.ts'

const iso = (value: string | Date) => new Date(value).toISOString()

/** Where a resource is read: our download, the publisher's link, or the live NGSI-LD query. */
export function resourceUrl(resource: ResourceRow, publicUrl: string): string {
  switch (resource.kind) {
    case 'upload':
      return `${publicUrl}/api/catalog/resources/${resource.id}/download`
    case 'live':
      return `${publicUrl}/ngsi-ld/v1/entities?type=${encodeURIComponent(resource.live_type ?? '')}`
    case 'link':
      // A path is a link to another part of this platform (the strategy's KPI exports).
      return resource.url?.startsWith('/') ? `${publicUrl}${resource.url}` : (resource.url ?? '')
  }
}

export function toResource(row: ResourceRow, publicUrl: string): Resource {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    description: row.description,
    format: row.format,
    mediaType: row.media_type,
    url: resourceUrl(row, publicUrl),
    byteSize: row.byte_size === null ? null : Number(row.byte_size),
    checksum: row.checksum,
    liveType: row.live_type,
    datastore:
      row.datastore_columns && row.loaded_at
        ? {
            columns: row.datastore_columns,
            rowCount: Number(row.row_count ?? 0),
            loadedAt: iso(row.loaded_at),
          }
        : null,
    createdAt: iso(row.created_at),
    modifiedAt: iso(row.modified_at),
  }
}

export function toDataset(row: DatasetRow, publishers: Publishers, publicUrl: string): Dataset {
  const spatial =
    row.spatial_area || row.spatial_geometry
      ? {
          ...(row.spatial_area ? { area: row.spatial_area } : {}),
          ...(row.spatial_geometry ? { geometry: row.spatial_geometry as Dataset['spatial'] & object } : {}),
        }
      : null
  const temporal =
    row.temporal_start || row.temporal_end
      ? {
          ...(row.temporal_start ? { start: row.temporal_start } : {}),
          ...(row.temporal_end ? { end: row.temporal_end } : {}),
        }
      : null
  return {
    id: row.id,
    name: row.name,
    organisation: publishers.byId(row.organisation_id),
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    themes: row.themes,
    licence: row.licence,
    accessLevel: row.access_level,
    spatial: spatial as Dataset['spatial'],
    temporal,
    frequency: row.frequency,
    contactPoint: row.contact_point,
    version: row.version,
    status: row.status,
    harvested:
      row.harvest_source_id && row.source_iri
        ? { sourceId: row.harvest_source_id, iri: row.source_iri }
        : null,
    issued: row.issued ? iso(row.issued) : null,
    modified: iso(row.modified),
    createdAt: iso(row.created_at),
    resources: row.resources.map((resource) => toResource(resource, publicUrl)),
  }
}
