import { createHash } from 'node:crypto'
import type { AuditEntry } from './audit-entry.ts'

/**
 * JSON with object keys sorted at every level, so the hash does not depend on how the database
 * happens to order the keys of a jsonb value when it gives it back.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...content } = entry
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex')
}
