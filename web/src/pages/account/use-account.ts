import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { getJson } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useResource } from '../../use-resource.ts'
import type { Account, Organisation } from './account-api.ts'

/** The signed-in person's account; only inside AccountArea, which makes sure there is one. */
export function useAccount(): Account {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useAccount outside AccountArea')
  return state.account
}

/** Organisation names by slug, in the reader's language, for lists that name organisations by slug. */
export function useOrganisationNames(): (slug: string | null) => string | null {
  const { i18n } = useTranslation()
  const load = useCallback(
    (signal: AbortSignal) => getJson<{ items: Organisation[] }>('/api/organisations', signal),
    [],
  )
  const [organisations] = useResource(load)
  return (slug) => {
    if (!slug) return null
    if (organisations.status !== 'ready') return slug
    const found = organisations.data.items.find((organisation) => organisation.slug === slug)
    return found ? (found.names?.[i18n.resolvedLanguage ?? ''] ?? found.name) : slug
  }
}
