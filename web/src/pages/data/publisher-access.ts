import { useMemo } from 'react'
import { anyMatches, MEMBERSHIP_ROLES, PLATFORM_ROLES } from '../../../../src/modules/identity/roles.ts'
import { type Account, useSession } from '../../session.tsx'

/**
 * Where the signed-in person may publish, read from the role table the server decides with. Only
 * for showing and hiding: the server enforces. `everywhere` for a platform role (a data steward).
 */
export type PublisherAccess = { everywhere: boolean; organisations: string[] }

export function publisherAccess(account: Account, action = 'catalog.dataset.update'): PublisherAccess {
  const everywhere = account.platformRoles.some(
    (role) =>
      role in PLATFORM_ROLES && anyMatches(PLATFORM_ROLES[role as keyof typeof PLATFORM_ROLES], action),
  )
  const organisations = account.memberships
    .filter(
      (membership) =>
        membership.role in MEMBERSHIP_ROLES &&
        anyMatches(MEMBERSHIP_ROLES[membership.role as keyof typeof MEMBERSHIP_ROLES], action),
    )
    .map((membership) => membership.organisation)
  return { everywhere, organisations }
}

export const mayPublishFor = (access: PublisherAccess | null, organisation: string) =>
  access !== null && (access.everywhere || access.organisations.includes(organisation))

export const isPublisher = (access: PublisherAccess | null) =>
  access !== null && (access.everywhere || access.organisations.length > 0)

/** The signed-in person's publishing rights; null when nobody is signed in (or not yet known). */
export function usePublisherAccess(): PublisherAccess | null {
  const { state } = useSession()
  return useMemo(() => (state.status === 'signed-in' ? publisherAccess(state.account) : null), [state])
}
