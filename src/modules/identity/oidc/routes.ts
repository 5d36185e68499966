import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { clientRoutes } from './routes/clients.ts'
import { interactionRoutes } from './routes/interactions.ts'
import { providerRoutes } from './routes/provider.ts'

/** The "Digital Citizen" OpenID Connect provider under /oidc and its JSON API under /api/oidc. */
export async function oidcRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  await providerRoutes(app, context)
  await interactionRoutes(app, context)
  await clientRoutes(app, context)
}
