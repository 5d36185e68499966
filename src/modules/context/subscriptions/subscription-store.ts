import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Page } from '../query/entity-query.ts'
import type { StoredSubscription, SubscriptionDefinition } from './subscription-model.ts'

interface SubscriptionRow {
  tenant: string
  id: string
  owner: string
  owner_reads_all: boolean
  definition: SubscriptionDefinition
  context: unknown
  is_active: boolean
  expires_at: Date | string | null
  created_at: Date | string
  modified_at: Date | string
  times_sent: number
  times_failed: number
  last_notification: Date | string | null
  last_success: Date | string | null
  last_failure: Date | string | null
}

const iso = (value: Date | string): string => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value))

// Counters are bigint in the table; as float8 they arrive as numbers on both backends.
const COLUMNS = sql`tenant, id, owner, owner_reads_all, definition, context, is_active, expires_at, created_at,
  modified_at, times_sent::float8 AS times_sent, times_failed::float8 AS times_failed, last_notification,
  last_success, last_failure`

function toSubscription(row: SubscriptionRow): StoredSubscription {
  const lastNotification = isoOrNull(row.last_notification)
  const lastSuccess = isoOrNull(row.last_success)
  const lastFailure = isoOrNull(row.last_failure)
  return {
    tenant: row.tenant,
    id: row.id,
    owner: row.owner,
    ownerReadsAll: row.owner_reads_all,
    definition: row.definition,
    context: row.context ?? undefined,
    isActive: row.is_active,
    expiresAt: isoOrNull(row.expires_at),
    createdAt: iso(row.created_at),
    modifiedAt: iso(row.modified_at),
    status: {
      timesSent: Number(row.times_sent),
      timesFailed: Number(row.times_failed),
      ...(lastNotification ? { lastNotification } : {}),
      ...(lastSuccess ? { lastSuccess } : {}),
      ...(lastFailure ? { lastFailure } : {}),
    },
  }
}

export interface SubscriptionWrite {
  definition: SubscriptionDefinition
  context: unknown
  isActive: boolean
  expiresAt: string | null
  ownerReadsAll: boolean
}

/** False when the tenant already has a subscription with this id. */
export async function insertSubscription(
  db: Database,
  subscription: SubscriptionWrite & { tenant: string; id: string; owner: string },
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO context.subscriptions (tenant, id, owner, owner_reads_all, definition, context, is_active, expires_at)
    VALUES (${subscription.tenant}, ${subscription.id}, ${subscription.owner}, ${subscription.ownerReadsAll},
      ${JSON.stringify(subscription.definition)}::jsonb, ${JSON.stringify(subscription.context ?? null)}::jsonb,
      ${subscription.isActive}, ${subscription.expiresAt})
    ON CONFLICT (tenant, id) DO NOTHING
    RETURNING id`.execute(db)
  return rows.length === 1
}

export async function findSubscription(
  db: Database,
  tenant: string,
  id: string,
): Promise<StoredSubscription | undefined> {
  const { rows } = await sql<SubscriptionRow>`
    SELECT ${COLUMNS} FROM context.subscriptions WHERE tenant = ${tenant} AND id = ${id}`.execute(db)
  return rows[0] ? toSubscription(rows[0]) : undefined
}

/** One page in id order; `owner` undefined lists every owner's. */
export async function listSubscriptions(
  db: Database,
  tenant: string,
  owner: string | undefined,
  page: Page,
): Promise<{ subscriptions: StoredSubscription[]; count: number | undefined }> {
  const where = owner === undefined ? sql`tenant = ${tenant}` : sql`tenant = ${tenant} AND owner = ${owner}`
  const { rows } =
    page.limit === 0
      ? { rows: [] as SubscriptionRow[] }
      : await sql<SubscriptionRow>`SELECT ${COLUMNS} FROM context.subscriptions WHERE ${where}
          ORDER BY id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db)
  let count: number | undefined
  if (page.count) {
    const counted = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM context.subscriptions WHERE ${where}`.execute(db)
    count = counted.rows[0]?.count ?? 0
  }
  return { subscriptions: rows.map(toSubscription), count }
}

export async function updateSubscription(
  db: Database,
  tenant: string,
  id: string,
  write: SubscriptionWrite,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    UPDATE context.subscriptions SET definition = ${JSON.stringify(write.definition)}::jsonb,
      context = ${JSON.stringify(write.context ?? null)}::jsonb, is_active = ${write.isActive},
      expires_at = ${write.expiresAt}, owner_reads_all = ${write.ownerReadsAll}, modified_at = now()
    WHERE tenant = ${tenant} AND id = ${id}
    RETURNING id`.execute(db)
  return rows.length === 1
}

/** Removes the subscription with the notifications still promised for it. */
export async function deleteSubscription(db: Database, tenant: string, id: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    WITH removed AS (
      DELETE FROM context.subscriptions WHERE tenant = ${tenant} AND id = ${id} RETURNING id
    ), promised AS (
      DELETE FROM context.notifications WHERE tenant = ${tenant} AND subscription_id IN (SELECT id FROM removed)
    )
    SELECT id FROM removed`.execute(db)
  return rows.length === 1
}

/** The subscriptions of a tenant that may notify now: active and not expired. */
export async function liveSubscriptions(db: Database, tenant: string): Promise<StoredSubscription[]> {
  const { rows } = await sql<SubscriptionRow>`
    SELECT ${COLUMNS} FROM context.subscriptions
    WHERE tenant = ${tenant} AND is_active AND (expires_at IS NULL OR expires_at > now())`.execute(db)
  return rows.map(toSubscription)
}
