export type ActorType = 'person' | 'api_key' | 'client' | 'system' | 'anonymous'
export type Outcome = 'success' | 'failure' | 'denied'

/** What happened, by whom, to what. `details` never holds passwords, tokens or keys. */
export interface AuditEvent {
  actor: { type: ActorType; id?: string | null | undefined }
  /** Dotted, module first: `identity.sign_in`, `identity.role.grant`. */
  action: string
  target?: { type: string; id: string } | undefined
  outcome: Outcome
  details?: Record<string, unknown> | undefined
  requestId?: string | undefined
  ip?: string | undefined
}

export interface AuditEntry {
  seq: number
  at: string
  actorType: ActorType
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  outcome: Outcome
  details: Record<string, unknown>
  requestId: string | null
  ip: string | null
  prevHash: string
  hash: string
}

/** The chain starts from a fixed value so the first entry is checked like every other. */
export const GENESIS_HASH = '0'.repeat(64)
