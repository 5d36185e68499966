import { readFileSync } from 'node:fs'

/** The NGSI-LD core @context v1.8, shipped with Cetate so nothing is fetched to understand a request. */
export const CORE_CONTEXT_URL = 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld'

const CORE_URL_PATTERN = /^https?:\/\/uri\.etsi\.org\/ngsi-ld\/v1\/ngsi-ld-core-context(-v1\.\d+)?\.jsonld$/

export const isCoreContextUrl = (url: string): boolean => CORE_URL_PATTERN.test(url)

export const coreContextDocument = JSON.parse(
  readFileSync(new URL('./ngsi-ld-core-context-v1.8.jsonld', import.meta.url), 'utf8'),
) as { '@context': Record<string, unknown> }
