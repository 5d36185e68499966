import type { Actor } from '../../../platform/access/access.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { Parameters } from './parameters.ts'

/** One call of a CKAN action: who asks, with which parameters, and the path it came on (for links). */
export interface ActionCall {
  context: ModuleContext
  actor: Actor
  params: Parameters
  /** `/api/3/action/<name>`, for `_links`. */
  path: string
}

export interface CkanAction {
  /** What help_show says, as CKAN's docstrings do. */
  help: string
  run(call: ActionCall): Promise<unknown>
}
