import { fileURLToPath } from 'node:url'
import type { CetateModule, ModuleContext } from '../../platform/module.ts'
import { loadDemoSensors } from './demo/demo-load.ts'
import { ContextSource } from './json-ld/context-source.ts'
import type { EntityRouteServices } from './routes/entities.ts'
import { contextRoutes } from './routes.ts'
import { subscriptionMeasurements } from './subscriptions/measurements.ts'
import { Tenants } from './tenants.ts'
import { PublicTypes } from './visibility.ts'

import './events.ts'

/** One set of services per running server (the module manifest is shared by every server in a process). */
const servicesByContext = new WeakMap<ModuleContext, EntityRouteServices>()

export function contextServices(context: ModuleContext): EntityRouteServices {
  let services = servicesByContext.get(context)
  if (!services) {
    services = {
      contexts: new ContextSource(context),
      tenants: new Tenants(context.db),
      publicTypes: new PublicTypes(context),
    }
    servicesByContext.set(context, services)
  }
  return services
}

/** Live city data: an NGSI-LD context broker with subscriptions and history (ETSI GS CIM 009 v1.8). */
export const contextModule: CetateModule = {
  name: 'context',
  depends: ['identity'],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, context) => contextRoutes(app, context, contextServices(context)),
  actions: [
    { name: 'context.entity.read', description: 'Read entities of every type, public or not' },
    { name: 'context.entity.write', description: 'Create, change and delete entities' },
    { name: 'context.subscription.manage', description: 'Subscribe to changes of entities one may read' },
    {
      name: 'context.subscription.oversee',
      description: 'See and manage every subscription, not only one’s own',
    },
    { name: 'context.jsonld_context.manage', description: 'Host and remove user @contexts' },
    { name: 'context.type.publish', description: 'Declare which entity types anyone may read' },
  ],
  measurements: subscriptionMeasurements,
  demo: (context, pack) => loadDemoSensors(context, pack, contextServices(context).publicTypes),
}
