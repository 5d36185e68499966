import type { Adapter, AdapterPayload } from 'oidc-provider'
import type { Database } from '../../../platform/db/database.ts'
import { IDENTITY_SCOPES } from './scopes.ts'
import { type ClientRow, selectClient } from './store/clients.ts'
import {
  consumePayload,
  deleteGrantPayloads,
  deletePayload,
  selectPayload,
  selectPayloadBy,
  upsertPayload,
} from './store/payloads.ts'

/** What oidc-provider learns of a registered client: its metadata, built from our table. */
export function clientMetadata(row: ClientRow): AdapterPayload {
  const scopes = [...Object.keys(IDENTITY_SCOPES), ...row.scopes]
  return {
    client_id: row.client_id,
    client_name: row.name,
    // The hash stands in for the secret; the provider compares hashes (see provider.ts).
    ...(row.secret_hash
      ? { client_secret: row.secret_hash, token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
    redirect_uris: row.redirect_uris,
    post_logout_redirect_uris: row.post_logout_redirect_uris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: scopes.join(' '),
  }
}

/**
 * oidc-provider's storage, in the database so every node sees the same sessions and tokens.
 * Clients are read from the registry administrators keep; they are never written through here.
 */
export function databaseAdapter(db: Database) {
  return class DatabaseAdapter implements Adapter {
    readonly model: string

    constructor(model: string) {
      this.model = model
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Client') return
      await upsertPayload(db, this.model, id, payload as Record<string, unknown>, expiresIn)
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const row = await selectClient(db, id)
        return row ? clientMetadata(row) : undefined
      }
      return (await selectPayload(db, this.model, id)) as AdapterPayload | undefined
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return (await selectPayloadBy(db, this.model, 'user_code', userCode)) as AdapterPayload | undefined
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return (await selectPayloadBy(db, this.model, 'uid', uid)) as AdapterPayload | undefined
    }

    async consume(id: string): Promise<void> {
      await consumePayload(db, this.model, id)
    }

    async destroy(id: string): Promise<void> {
      await deletePayload(db, this.model, id)
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await deleteGrantPayloads(db, grantId)
    }
  }
}
