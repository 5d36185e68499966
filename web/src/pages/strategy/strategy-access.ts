import { type Account, useSession } from '../../session.tsx'
import { memberMay, platformMay } from '../staff/staff-access.ts'

/**
 * What the signed-in person may do with the strategy, read from the role table the server decides
 * with (src/modules/identity/roles.ts), as the back office does. Only for showing and hiding.
 */
export type StrategyAccess = {
  /** Edit the strategy's elements and add new ones (the Innovation Office). */
  edit: boolean
  /** Define and change KPIs (the Innovation Office). */
  defineKpis: boolean
  /** Enter values and see the management dashboard (the office, organisation owners and editors). */
  measureKpis: boolean
}

const NOBODY: StrategyAccess = { edit: false, defineKpis: false, measureKpis: false }

export function strategyAccess(account: Account): StrategyAccess {
  return {
    edit: platformMay(account, 'strategy.element.edit'),
    defineKpis: platformMay(account, 'strategy.kpi.define'),
    measureKpis: platformMay(account, 'strategy.kpi.measure') || memberMay(account, 'strategy.kpi.measure'),
  }
}

/** The signed-in person's strategy access; nothing while the session loads or for visitors. */
export function useStrategyAccess(): StrategyAccess {
  const { state } = useSession()
  return state.status === 'signed-in' ? strategyAccess(state.account) : NOBODY
}
