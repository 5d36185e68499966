import type { ModuleContext } from '../../../../platform/module.ts'
import { selectClients } from '../store/clients.ts'

export async function listClients(context: ModuleContext) {
  const rows = await selectClients(context.db)
  return rows.map((row) => ({
    clientId: row.client_id,
    name: row.name,
    public: row.secret_hash === null,
    redirectUris: row.redirect_uris,
    postLogoutRedirectUris: row.post_logout_redirect_uris,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
  }))
}
