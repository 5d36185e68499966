import type { DataPack, ModuleContext } from '../../../platform/module.ts'
import { parseWith } from '../../../platform/validation/parse.ts'
import { registerClient } from './commands/clients.ts'
import { PackOidcClientsSchema } from './schemas.ts'
import { selectClient } from './store/clients.ts'

/**
 * The pack's sample relying parties. Each new client gets a generated secret, printed once like
 * the demo passwords and never kept in the pack; a client that exists keeps its secret.
 */
export async function loadDemoClients(
  context: ModuleContext,
  pack: DataPack,
): Promise<{ created: number; notes: string[] }> {
  const file = pack.manifest.oidcClients
  if (typeof file !== 'string') return { created: 0, notes: [] }
  const clients = parseWith(PackOidcClientsSchema, await pack.readJson(file), file)
  const notes: string[] = []
  for (const client of clients) {
    if (await selectClient(context.db, client.clientId)) continue
    const created = await registerClient(context, 'system', client, {
      ip: 'data pack',
      userAgent: 'cetate demo',
      requestId: `demo-${process.pid}`,
    })
    notes.push(
      `sign-on client ${created.clientId} (${client.name}): client secret ${created.clientSecret}, issuer <server>/oidc`,
    )
  }
  return { created: notes.length, notes }
}
