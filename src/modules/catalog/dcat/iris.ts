/**
 * The IRIs of what the export describes. They are the export's own addresses (content negotiation
 * answers Turtle, JSON-LD or RDF/XML there), so a harvester can dereference each of them; the parts
 * of a dataset (distributions, contact point, coverage) are fragments of the dataset's document.
 */
export const DCAT_PATH = '/api/catalog/dcat'

const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '')

export function catalogueIri(publicUrl: string): string {
  return `${base(publicUrl)}${DCAT_PATH}/catalog`
}

export function cataloguePageIri(publicUrl: string, page: number, pageSize: number): string {
  return `${catalogueIri(publicUrl)}?page=${page}&pageSize=${pageSize}`
}

export function datasetIri(publicUrl: string, name: string): string {
  return `${base(publicUrl)}${DCAT_PATH}/datasets/${encodeURIComponent(name)}`
}

export function distributionIri(publicUrl: string, name: string, resourceId: string): string {
  return `${datasetIri(publicUrl, name)}#distribution-${resourceId}`
}

/** The dataset's page in the portal, for people (dcat:landingPage). */
export function landingPageUrl(publicUrl: string, name: string): string {
  return `${base(publicUrl)}/data/${encodeURIComponent(name)}`
}

/** The portal's catalogue search page (the catalogue's foaf:homepage). */
export function portalUrl(publicUrl: string): string {
  return `${base(publicUrl)}/data`
}

export function organisationIri(publicUrl: string, slug: string): string {
  return `${base(publicUrl)}/api/organisations/${encodeURIComponent(slug)}`
}

/** A URL stored relative to the server (`/api/...`) made absolute, as RDF needs. */
export function absoluteUrl(publicUrl: string, url: string): string {
  return new URL(url, `${base(publicUrl)}/`).href
}
