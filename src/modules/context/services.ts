import type { ModuleContext } from '../../platform/module.ts'
import { DataModels } from './data-models/data-models.ts'
import { ContextSource } from './json-ld/context-source.ts'
import type { NgsiServices } from './ngsi-request.ts'
import { Tenants } from './tenants.ts'
import { PublicTypes } from './visibility.ts'

/** What the module keeps per running server: compiled @contexts, tenants, open types, data models. */
export interface ContextServices extends NgsiServices {
  publicTypes: PublicTypes
  dataModels: DataModels
}

// One set per running server: the module manifest is shared by every server in a process (tests).
const servicesByContext = new WeakMap<ModuleContext, ContextServices>()

export function contextServices(context: ModuleContext): ContextServices {
  let services = servicesByContext.get(context)
  if (!services) {
    services = {
      contexts: new ContextSource(context),
      tenants: new Tenants(context.db),
      publicTypes: new PublicTypes(context),
      dataModels: new DataModels(context.db),
    }
    servicesByContext.set(context, services)
  }
  return services
}
