/**
 * What each role may do, as action patterns: `catalog.dataset.publish` names one action,
 * `catalog.*` every catalog action, `*` all. Modules declare their actions in their manifests;
 * the roles name them here so one file answers "who may do what".
 */
export const PLATFORM_ROLES = {
  administrator: ['*'],
  innovation_office: [
    'strategy.*',
    'portfolio.*',
    'identity.organisation.read',
    'identity.person.read',
    'platform.audit.read',
  ],
  data_steward: ['catalog.*', 'context.*', 'devices.*'],
  clerk: ['identity.person.read', 'identity.person.verify'],
} as const satisfies Record<string, readonly string[]>

/** What every signed-in person may do without a role: subscribe to changes of open data. */
export const EVERY_PERSON: readonly string[] = ['context.subscription.manage']

export type PlatformRole = keyof typeof PLATFORM_ROLES
export const PLATFORM_ROLE_NAMES = Object.keys(PLATFORM_ROLES) as PlatformRole[]

/** Roles within one organisation; their actions apply to that organisation's resources. */
export const MEMBERSHIP_ROLES = {
  owner: [
    'identity.organisation.*',
    'catalog.*',
    'context.*',
    'portfolio.project.*',
    'identity.api_key.*',
    'strategy.kpi.measure',
    'strategy.kpi.read_internal',
    'strategy.digest.receive',
  ],
  editor: [
    'catalog.dataset.*',
    'context.entity.*',
    'portfolio.project.update',
    'strategy.kpi.measure',
    'strategy.kpi.read_internal',
  ],
  member: ['identity.organisation.read'],
} as const satisfies Record<string, readonly string[]>

export type MembershipRole = keyof typeof MEMBERSHIP_ROLES
export const MEMBERSHIP_ROLE_NAMES = Object.keys(MEMBERSHIP_ROLES) as MembershipRole[]

export function matchesAction(pattern: string, action: string): boolean {
  if (pattern === '*' || pattern === action) return true
  return pattern.endsWith('.*') && action.startsWith(pattern.slice(0, -1))
}

export function anyMatches(patterns: readonly string[], action: string): boolean {
  return patterns.some((pattern) => matchesAction(pattern, action))
}
