import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../platform/module.ts'
import { oidcRoutes } from './oidc/routes.ts'
import { accountRoutes } from './routes/account.ts'
import { apiKeyRoutes } from './routes/api-keys.ts'
import { myDataRoutes } from './routes/my-data.ts'
import { organisationRoutes } from './routes/organisations.ts'
import { passkeyRoutes } from './routes/passkeys.ts'
import { peopleRoutes } from './routes/people.ts'

export async function identityRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  await organisationRoutes(app, context)
  await accountRoutes(app, context)
  await peopleRoutes(app, context)
  await apiKeyRoutes(app, context)
  await passkeyRoutes(app, context)
  await oidcRoutes(app, context)
  await myDataRoutes(app, context)
}
