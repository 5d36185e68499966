import { sql } from 'kysely'
import type { Database } from '../../../../platform/db/database.ts'

export interface ClientRow {
  client_id: string
  name: string
  secret_hash: string | null
  redirect_uris: string[]
  post_logout_redirect_uris: string[]
  scopes: string[]
  created_at: Date
}

const textArray = (values: readonly string[]) =>
  values.length ? sql`ARRAY[${sql.join(values.map((value) => sql`${value}`))}]::text[]` : sql`'{}'::text[]`

export async function insertClient(
  db: Database,
  client: {
    clientId: string
    name: string
    secretHash: string | null
    redirectUris: readonly string[]
    postLogoutRedirectUris: readonly string[]
    scopes: readonly string[]
    createdBy: string | null
  },
): Promise<boolean> {
  const result = await sql`INSERT INTO identity.oidc_clients
      (client_id, name, secret_hash, redirect_uris, post_logout_redirect_uris, scopes, created_by)
    VALUES (${client.clientId}, ${client.name}, ${client.secretHash}, ${textArray(client.redirectUris)},
      ${textArray(client.postLogoutRedirectUris)}, ${textArray(client.scopes)}, ${client.createdBy})
    ON CONFLICT (client_id) DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

const columns = sql`client_id, name, secret_hash, redirect_uris, post_logout_redirect_uris, scopes, created_at`

/** A client that has not been deleted. */
export async function selectClient(db: Database, clientId: string): Promise<ClientRow | undefined> {
  const { rows } = await sql<ClientRow>`SELECT ${columns} FROM identity.oidc_clients
    WHERE client_id = ${clientId} AND deleted_at IS NULL`.execute(db)
  return rows[0]
}

export async function selectClients(db: Database): Promise<ClientRow[]> {
  const { rows } = await sql<ClientRow>`SELECT ${columns} FROM identity.oidc_clients
    WHERE deleted_at IS NULL ORDER BY name`.execute(db)
  return rows
}

/** Deletion keeps the row, so the audit log's references still name something, and frees no id for reuse. */
export async function markClientDeleted(db: Database, clientId: string): Promise<boolean> {
  const result = await sql`UPDATE identity.oidc_clients SET deleted_at = now()
    WHERE client_id = ${clientId} AND deleted_at IS NULL`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}
