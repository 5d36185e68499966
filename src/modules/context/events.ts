import type { StoredEntity } from './model.ts'

/** One entity's change, for subscriptions and metrics: its state before and after, and what changed. */
export interface EntityChange {
  kind: 'created' | 'updated' | 'deleted'
  /** The state before the write; null when created. */
  previous: StoredEntity | null
  /** The state after the write; null when deleted. */
  current: StoredEntity | null
  /** Expanded names of attributes written or deleted. */
  changed: readonly string[]
}

declare module '../../platform/events/event-bus.ts' {
  interface CetateEvents {
    /** Emitted after the write committed; one event per request, batches together. */
    EntitiesChanged: { tenant: string; changes: EntityChange[] }
  }
}
