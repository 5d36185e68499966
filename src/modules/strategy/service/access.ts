import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../../identity/index.ts'

export const EDIT_STRATEGY = 'strategy.element.edit'
export const DEFINE_KPIS = 'strategy.kpi.define'
export const MEASURE_KPIS = 'strategy.kpi.measure'
export const READ_INTERNAL = 'strategy.kpi.read_internal'
export const RECEIVE_DIGEST = 'strategy.digest.receive'

export function may(
  context: ModuleContext,
  actor: Actor,
  action: string,
  organisationId?: string,
): Promise<boolean> {
  if (actor.kind === 'anonymous') return Promise.resolve(false)
  return can(context.db, actor, action, organisationId ? { organisationId } : undefined)
}

/** Internal KPIs exist only for the office and their owner organisation; others get 404, not 403. */
export async function mayRead(
  context: ModuleContext,
  actor: Actor,
  kpi: { visibility: string; owner_organisation_id: string },
): Promise<boolean> {
  return kpi.visibility === 'public' || may(context, actor, READ_INTERNAL, kpi.owner_organisation_id)
}

export const kpiNotFound = (slug: string) =>
  new Problem(
    404,
    'STRATEGY_KPI_NOT_FOUND',
    'No such KPI',
    `No KPI "${slug}" is visible to you; GET /api/strategy/kpis lists them.`,
  )

export const notAllowed = (what: string) =>
  new Problem(403, 'STRATEGY_FORBIDDEN', 'Not allowed', `Your roles do not allow you to ${what}.`)
