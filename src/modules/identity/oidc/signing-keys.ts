import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import { sql } from 'kysely'
import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { Database } from '../../../platform/db/database.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { RequestOrigin } from '../commands/sessions.ts'
import { newSecret } from '../secrets.ts'
import {
  insertCookieSecret,
  insertSigningKey,
  retireSigningKeysExcept,
  selectCookieSecrets,
  selectPublishedKeys,
} from './store/keys.ts'

export const SIGNING_ALG = 'RS256'
/** ID tokens are the only tokens we sign (access tokens are opaque); they live an hour. */
export const ID_TOKEN_TTL_SECONDS = 3600
/** A retired key stays published this long: its last ID token's life, plus room for clock skew. */
const RETIRED_KEY_GRACE_SECONDS = ID_TOKEN_TTL_SECONDS + 300

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 })
  const jwk = await exportJWK(privateKey)
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, use: 'sig' }
}

/** Nodes starting together must not each create a first key. */
const lockKeys = (trx: Database) =>
  sql`SELECT pg_advisory_xact_lock(hashtext('identity.oidc_keys'))`.execute(trx)

/** The first signing key and cookie secret, made on first use. */
export async function ensureKeys(db: Database): Promise<void> {
  const key = await newSigningKey()
  await db.transaction().execute(async (trx) => {
    await lockKeys(trx)
    if ((await selectPublishedKeys(trx, 0)).length === 0) await insertSigningKey(trx, key.kid!, key)
    if ((await selectCookieSecrets(trx)).length === 0) await insertCookieSecret(trx, newSecret())
  })
}

/**
 * Adds a new signing key and retires the others. Retired keys stay published until the tokens
 * they signed have expired, so relying parties never meet a token they cannot verify.
 */
export async function rotateSigningKeys(
  context: ModuleContext,
  actor: Actor | 'system',
  origin: RequestOrigin,
): Promise<{ kid: string; retired: number }> {
  const key = await newSigningKey()
  return context.db.transaction().execute(async (trx) => {
    await lockKeys(trx)
    await insertSigningKey(trx, key.kid!, key)
    const retired = await retireSigningKeysExcept(trx, key.kid!)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.oidc.rotate_keys',
      target: { type: 'oidc_signing_key', id: key.kid! },
      outcome: 'success',
      details: { retired },
      requestId: origin.requestId,
      ip: origin.ip,
    })
    return { kid: key.kid!, retired }
  })
}

/** The published keys, the signing one first (oidc-provider signs with the first key of an algorithm). */
export async function publishedKeys(db: Database): Promise<JWK[]> {
  const rows = await selectPublishedKeys(db, RETIRED_KEY_GRACE_SECONDS)
  return rows.map((row) => row.private_jwk as JWK)
}
