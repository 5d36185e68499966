import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Delivery, PromisedNotification } from './notification-message.ts'

/** A promised notification taken up for delivery, with its history so far. */
export interface PendingNotification extends PromisedNotification {
  attempts: number
  /** Milliseconds since the epoch. */
  dueAt: number
  createdAt: number
}

interface NotificationRow {
  id: string
  tenant: string
  subscription_id: string
  endpoint: string
  delivery: Delivery
  payload: string
  attempts: number
  next_attempt_at: Date | string
  created_at: Date | string
}

const lease = (ms: number) => sql`now() + ${ms}::int * interval '1 millisecond'`

/** Writes promised notifications in one statement; `claimedBy` delivers them, or null for any server. */
export async function insertNotifications(
  db: Database,
  notifications: readonly PromisedNotification[],
  claim: { by: string; leaseMs: number } | null,
): Promise<void> {
  if (notifications.length === 0) return
  const rows = notifications.map((item) => ({
    id: item.id,
    tenant: item.tenant,
    subscription_id: item.subscriptionId,
    endpoint: item.endpoint,
    delivery: item.delivery,
    payload: item.payload,
  }))
  await sql`
    INSERT INTO context.notifications (id, tenant, subscription_id, endpoint, delivery, payload, claimed_by, claimed_until)
    SELECT r.id, r.tenant, r.subscription_id, r.endpoint, r.delivery, r.payload,
      ${claim?.by ?? null}::text, ${claim ? lease(claim.leaseMs) : sql`NULL`}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id uuid, tenant text, subscription_id text, endpoint text, delivery jsonb, payload text)`.execute(
    db,
  )
}

/**
 * Claims notifications nobody delivers (unclaimed, or claimed by a server whose lease lapsed) that are
 * due within `horizonMs`, oldest first, leaving out endpoints whose queues here are full.
 */
export async function claimNotifications(
  db: Database,
  owner: string,
  options: { horizonMs: number; leaseMs: number; limit: number; skipEndpoints: readonly string[] },
): Promise<PendingNotification[]> {
  const { rows } = await sql<NotificationRow>`
    UPDATE context.notifications SET claimed_by = ${owner}, claimed_until = ${lease(options.leaseMs)}
    WHERE id IN (
      SELECT id FROM context.notifications
      WHERE (claimed_by IS NULL OR claimed_until < now())
        AND next_attempt_at <= ${lease(options.horizonMs)}
        AND NOT (endpoint = ANY(${[...options.skipEndpoints]}::text[]))
      ORDER BY next_attempt_at LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, tenant, subscription_id, endpoint, delivery, payload, attempts, next_attempt_at, created_at`.execute(
    db,
  )
  return rows.map((row) => ({
    id: row.id,
    tenant: row.tenant,
    subscriptionId: row.subscription_id,
    endpoint: row.endpoint,
    delivery: row.delivery,
    payload: row.payload,
    attempts: row.attempts,
    dueAt: new Date(row.next_attempt_at).getTime(),
    createdAt: new Date(row.created_at).getTime(),
  }))
}

/** Delivered or given up: nothing more to do for them. */
export async function removeNotifications(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await sql`DELETE FROM context.notifications WHERE id = ANY(${[...ids]}::uuid[])`.execute(db)
}

export async function rescheduleNotifications(
  db: Database,
  retries: readonly { id: string; attempts: number; dueAt: number }[],
): Promise<void> {
  if (retries.length === 0) return
  const rows = retries.map((retry) => ({
    id: retry.id,
    attempts: retry.attempts,
    next_attempt_at: new Date(retry.dueAt).toISOString(),
  }))
  await sql`
    UPDATE context.notifications n SET attempts = r.attempts, next_attempt_at = r.next_attempt_at
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, attempts int, next_attempt_at timestamptz)
    WHERE n.id = r.id`.execute(db)
}

/** Hands notifications back to whichever server claims them next (on stop, or when a queue is full). */
export async function releaseNotifications(
  db: Database,
  owner: string,
  ids?: readonly string[],
): Promise<void> {
  await sql`UPDATE context.notifications SET claimed_by = NULL, claimed_until = NULL
    WHERE claimed_by = ${owner} ${ids ? sql`AND id = ANY(${[...ids]}::uuid[])` : sql``}`.execute(db)
}

/** Keeps this server's claims from lapsing while it is alive. */
export async function renewClaims(db: Database, owner: string, leaseMs: number): Promise<void> {
  await sql`UPDATE context.notifications SET claimed_until = ${lease(leaseMs)} WHERE claimed_by = ${owner}`.execute(
    db,
  )
}

/** Delivery outcomes of one subscription since the last write. */
export interface DeliveryTally {
  tenant: string
  subscriptionId: string
  sent: number
  failed: number
  lastNotification: string
  lastSuccess: string | null
  lastFailure: string | null
}

/** Adds outcomes to the subscriptions' status (5.2.14) and to today's totals, in two statements. */
export async function recordDeliveries(db: Database, tallies: readonly DeliveryTally[]): Promise<void> {
  if (tallies.length === 0) return
  const rows = tallies.map((tally) => ({
    tenant: tally.tenant,
    id: tally.subscriptionId,
    sent: tally.sent,
    failed: tally.failed,
    last_notification: tally.lastNotification,
    last_success: tally.lastSuccess,
    last_failure: tally.lastFailure,
  }))
  await sql`
    UPDATE context.subscriptions s SET times_sent = s.times_sent + d.sent, times_failed = s.times_failed + d.failed,
      last_notification = GREATEST(s.last_notification, d.last_notification),
      last_success = GREATEST(s.last_success, d.last_success),
      last_failure = GREATEST(s.last_failure, d.last_failure)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS d(tenant text, id text, sent int, failed int,
      last_notification timestamptz, last_success timestamptz, last_failure timestamptz)
    WHERE s.tenant = d.tenant AND s.id = d.id`.execute(db)
  const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0)
  const delivered = tallies.reduce((sum, tally) => sum + tally.sent, 0) - failed
  await sql`
    INSERT INTO context.notification_days (day, delivered, failed)
    VALUES ((now() AT TIME ZONE 'UTC')::date, ${delivered}, ${failed})
    ON CONFLICT (day) DO UPDATE SET delivered = context.notification_days.delivered + excluded.delivered,
      failed = context.notification_days.failed + excluded.failed`.execute(db)
}
