import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { loadDemoSensors } from './demo/demo-load.ts'
import { entityMeasurements } from './measurements.ts'
import { contextRoutes } from './routes.ts'
import { contextServices } from './services.ts'
import { subscriptionMeasurements } from './subscriptions/measurements.ts'
import { entityUpkeep } from './upkeep.ts'

import './events.ts'

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
    {
      name: 'context.data_model.manage',
      description: 'Register the JSON Schemas entities of a type must satisfy',
    },
  ],
  measurements: [...entityMeasurements, ...subscriptionMeasurements],
  jobs: [entityUpkeep],
  demo: (context, pack) => loadDemoSensors(context, pack, contextServices(context).publicTypes),
}

export { contextServices } from './services.ts'
