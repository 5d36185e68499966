import { sql } from 'kysely'
import type { Measurement } from '../../../platform/metrics/measurement.ts'

/** Figures about subscriptions for the platform's metrics and KPIs. */
export const subscriptionMeasurements: readonly Measurement[] = [
  {
    name: 'context.notifications.delivered',
    description: 'NGSI-LD notifications delivered to subscribers today (UTC)',
    unit: 'notification',
    async measure(db) {
      const { rows } = await sql<{ delivered: number }>`
        SELECT coalesce(sum(delivered), 0)::float8 AS delivered FROM context.notification_days
        WHERE day = (now() AT TIME ZONE 'UTC')::date`.execute(db)
      return Number(rows[0]?.delivered ?? 0)
    },
  },
  {
    name: 'context.notifications.pending',
    description: 'NGSI-LD notifications promised and not yet delivered',
    unit: 'notification',
    async measure(db) {
      const { rows } = await sql<{ pending: number }>`
        SELECT count(*)::int AS pending FROM context.notifications`.execute(db)
      return rows[0]?.pending ?? 0
    },
  },
  {
    name: 'context.subscriptions.active',
    description: 'NGSI-LD subscriptions active and not expired',
    unit: 'subscription',
    async measure(db) {
      const { rows } = await sql<{ active: number }>`
        SELECT count(*)::int AS active FROM context.subscriptions
        WHERE is_active AND (expires_at IS NULL OR expires_at > now())`.execute(db)
      return rows[0]?.active ?? 0
    },
  },
]
