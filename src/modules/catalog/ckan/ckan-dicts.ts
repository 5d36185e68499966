import type { Dataset, Resource } from '../schemas.ts'
import type { Publisher } from '../service/publishers.ts'
import { DATA_THEME_BASE, DATA_THEMES, FREQUENCY_BASE, LICENCES } from '../vocabularies.ts'

/** CKAN writes times in UTC without a zone: `2024-05-01T10:00:00.000000`. */
export const ckanTime = (iso: string | null | undefined): string | null =>
  iso ? new Date(iso).toISOString().replace('Z', '000') : null

/** The EU data themes are Cetate's groups, named by their code in lower case as CKAN names groups. */
export const groupName = (theme: string): string => theme.toLowerCase()

export function groupDict(theme: string, packageCount?: number): Record<string, unknown> {
  const label = DATA_THEMES[theme]
  return {
    id: groupName(theme),
    name: groupName(theme),
    title: label?.ro ?? theme,
    display_name: label?.ro ?? theme,
    title_translated: label ?? { ro: theme },
    description: '',
    image_url: '',
    image_display_url: '',
    type: 'group',
    is_organization: false,
    state: 'active',
    approval_status: 'approved',
    uri: `${DATA_THEME_BASE}${theme}`,
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  }
}

export function organizationDict(publisher: Publisher, packageCount?: number): Record<string, unknown> {
  return {
    id: publisher.id,
    name: publisher.slug,
    title: publisher.name.ro,
    display_name: publisher.name.ro,
    title_translated: publisher.name,
    description: '',
    image_url: '',
    image_display_url: '',
    type: 'organization',
    is_organization: true,
    state: 'active',
    approval_status: 'approved',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  }
}

export function licenceDict(id: string): Record<string, unknown> {
  const licence = LICENCES[id]
  return {
    id,
    title: licence?.title ?? id,
    url: licence?.url ?? '',
    status: 'active',
    maintainer: '',
    family: '',
    domain_content: true,
    domain_data: true,
    domain_software: false,
    is_generic: false,
    od_conformance: licence?.open ? 'approved' : 'not reviewed',
    osd_conformance: 'not reviewed',
    is_okd_compliant: licence?.open ?? false,
    is_osi_compliant: false,
  }
}

export function resourceDict(resource: Resource, datasetId: string): Record<string, unknown> {
  return {
    id: resource.id,
    package_id: datasetId,
    name: resource.title.ro,
    name_translated: resource.title,
    description: resource.description?.ro ?? '',
    description_translated: resource.description ?? {},
    url: resource.url,
    url_type: resource.kind === 'upload' ? 'upload' : null,
    format: resource.format,
    mimetype: resource.mediaType,
    size: resource.byteSize,
    hash: resource.checksum ? `sha256:${resource.checksum}` : '',
    position: resource.position,
    state: 'active',
    resource_type: resource.kind === 'live' ? 'api' : null,
    created: ckanTime(resource.createdAt),
    last_modified: ckanTime(resource.datastore?.loadedAt ?? resource.modifiedAt),
    metadata_modified: ckanTime(resource.modifiedAt),
    datastore_active: resource.datastore !== null,
    ...(resource.datastore ? { datastore_contains_all_records_of_source_file: true } : {}),
    cache_url: null,
  }
}

/** DCAT fields CKAN has no column for, as ckanext-dcat keeps them: extras of text. */
function extras(dataset: Dataset): { key: string; value: string }[] {
  const pairs: [string, string | null | undefined][] = [
    ['frequency', `${FREQUENCY_BASE}${dataset.frequency}`],
    ['theme', JSON.stringify(dataset.themes.map((theme) => `${DATA_THEME_BASE}${theme}`))],
    ['issued', dataset.issued],
    ['modified', dataset.modified],
    ['temporal_start', dataset.temporal?.start],
    ['temporal_end', dataset.temporal?.end],
    ['spatial', dataset.spatial?.geometry ? JSON.stringify(dataset.spatial.geometry) : null],
    ['spatial_area', dataset.spatial?.area],
    ['access_rights', dataset.accessLevel === 'open' ? 'public' : 'non-public'],
    ['status', dataset.status],
    ['guid', dataset.harvested?.iri ?? dataset.id],
    ['contact_name', dataset.contactPoint?.name],
    ['contact_email', dataset.contactPoint?.email],
    ['contact_uri', dataset.contactPoint?.url],
  ]
  return pairs
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '')
    .map(([key, value]) => ({ key, value }))
}

/**
 * A dataset as CKAN 2.10/2.11 shows a package. No person appears: the creator's id stays inside,
 * and maintainer is the organisational contact point (a service mailbox).
 */
export function packageDict(dataset: Dataset): Record<string, unknown> {
  const licence = LICENCES[dataset.licence]
  return {
    id: dataset.id,
    name: dataset.name,
    title: dataset.title.ro,
    title_translated: { ro: dataset.title.ro, en: dataset.title.en ?? '', hu: dataset.title.hu ?? '' },
    notes: dataset.description.ro,
    notes_translated: {
      ro: dataset.description.ro,
      en: dataset.description.en ?? '',
      hu: dataset.description.hu ?? '',
    },
    type: 'dataset',
    state: dataset.status === 'draft' ? 'draft' : 'active',
    private: dataset.accessLevel !== 'open',
    owner_org: dataset.organisation.id,
    organization: organizationDict(dataset.organisation),
    author: null,
    author_email: null,
    maintainer: dataset.contactPoint?.name ?? null,
    maintainer_email: dataset.contactPoint?.email ?? null,
    creator_user_id: null,
    license_id: dataset.licence,
    license_title: licence?.title ?? dataset.licence,
    license_url: licence?.url ?? '',
    isopen: licence?.open ?? false,
    url: '',
    version: dataset.version,
    metadata_created: ckanTime(dataset.createdAt),
    metadata_modified: ckanTime(dataset.modified),
    num_tags: dataset.keywords.length,
    tags: dataset.keywords.map((keyword) => ({
      id: keyword,
      name: keyword,
      display_name: keyword,
      state: 'active',
      vocabulary_id: null,
    })),
    groups: dataset.themes.map((theme) => groupDict(theme)),
    num_resources: dataset.resources.length,
    resources: dataset.resources.map((resource) => resourceDict(resource, dataset.id)),
    extras: extras(dataset),
    relationships_as_object: [],
    relationships_as_subject: [],
  }
}
