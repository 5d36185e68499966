import type { AssuranceLevel } from '../../../platform/access/access.ts'

/**
 * `acr` values are the eIDAS levels of assurance as the URIs eIDAS nodes use, so a relying party
 * that already speaks eIDAS needs no mapping. Requests may also name the short level.
 */
export const ACR_URIS: Record<AssuranceLevel, string> = {
  low: 'http://eidas.europa.eu/LoA/low',
  substantial: 'http://eidas.europa.eu/LoA/substantial',
  high: 'http://eidas.europa.eu/LoA/high',
}

const ORDER: readonly AssuranceLevel[] = ['low', 'substantial', 'high']

export function levelOfAcr(value: string): AssuranceLevel | undefined {
  return ORDER.find((level) => value === level || value === ACR_URIS[level])
}

export function atLeast(level: AssuranceLevel, required: AssuranceLevel): boolean {
  return ORDER.indexOf(level) >= ORDER.indexOf(required)
}

/**
 * The level a request demands, from `acr_values` or the `claims` parameter's `id_token.acr`. The
 * levels are ordered, so any listed level is acceptable and a higher one satisfies it too: the
 * demand is the lowest level listed. Values we do not know demand nothing.
 */
export function demandedLevel(request: { value?: unknown; values?: unknown } | undefined) {
  if (!request) return undefined
  const values = [request.value, ...(Array.isArray(request.values) ? request.values : [])]
  const levels = values.flatMap((value) => {
    const level = typeof value === 'string' ? levelOfAcr(value) : undefined
    return level ? [level] : []
  })
  return ORDER.find((level) => levels.includes(level))
}
