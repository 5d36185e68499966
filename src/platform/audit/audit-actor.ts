import type { Actor } from '../access/access.ts'
import type { AuditEvent } from './audit-entry.ts'

/** How a caller appears in the audit log. */
export function auditActor(actor: Actor | 'system'): AuditEvent['actor'] {
  if (actor === 'system') return { type: 'system' }
  if (actor.kind === 'person') return { type: 'person', id: actor.personId }
  if (actor.kind === 'api_key') return { type: 'api_key', id: actor.keyId }
  return { type: 'anonymous' }
}
