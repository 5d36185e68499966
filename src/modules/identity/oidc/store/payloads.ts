import { sql } from 'kysely'
import type { Database } from '../../../../platform/db/database.ts'

/** oidc-provider's record of one model instance (session, code, token, grant, interaction…). */
export type Payload = Record<string, unknown>

export async function upsertPayload(
  db: Database,
  model: string,
  id: string,
  payload: Payload,
  expiresInSeconds: number | undefined,
): Promise<void> {
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null)
  const expiresAt = expiresInSeconds ? new Date(Date.now() + expiresInSeconds * 1000) : null
  await sql`INSERT INTO identity.oidc_payloads (model, id, payload, grant_id, uid, user_code, expires_at)
    VALUES (${model}, ${id}, ${JSON.stringify(payload)}::jsonb, ${text('grantId')}, ${text('uid')},
      ${text('userCode')}, ${expiresAt})
    ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
      uid = EXCLUDED.uid, user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`.execute(db)
}

const live = sql`(expires_at IS NULL OR expires_at > now())`

export async function selectPayload(db: Database, model: string, id: string): Promise<Payload | undefined> {
  const { rows } = await sql<{ payload: Payload }>`SELECT payload FROM identity.oidc_payloads
    WHERE model = ${model} AND id = ${id} AND ${live}`.execute(db)
  return rows[0]?.payload
}

export async function selectPayloadBy(
  db: Database,
  model: string,
  column: 'uid' | 'user_code',
  value: string,
): Promise<Payload | undefined> {
  const { rows } = await sql<{ payload: Payload }>`SELECT payload FROM identity.oidc_payloads
    WHERE model = ${model} AND ${sql.ref(column)} = ${value} AND ${live}`.execute(db)
  return rows[0]?.payload
}

/** A code or refresh token is used once; the provider sees `consumed` and refuses a second use. */
export async function consumePayload(db: Database, model: string, id: string): Promise<void> {
  await sql`UPDATE identity.oidc_payloads
    SET payload = payload || jsonb_build_object('consumed', floor(extract(epoch from now()))::bigint)
    WHERE model = ${model} AND id = ${id}`.execute(db)
}

export async function deletePayload(db: Database, model: string, id: string): Promise<void> {
  await sql`DELETE FROM identity.oidc_payloads WHERE model = ${model} AND id = ${id}`.execute(db)
}

/** Everything issued under one grant, whatever its model: revoking a grant ends all its tokens. */
export async function deleteGrantPayloads(db: Database, grantId: string): Promise<void> {
  await sql`DELETE FROM identity.oidc_payloads WHERE grant_id = ${grantId}`.execute(db)
}

/** Everything issued to a client that no longer exists. */
export async function deleteClientPayloads(db: Database, clientId: string): Promise<void> {
  await sql`DELETE FROM identity.oidc_payloads WHERE payload->>'clientId' = ${clientId}`.execute(db)
}
