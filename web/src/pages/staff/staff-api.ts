import { type ApiKey, getJson } from '../../api.ts'

export type Level = 'low' | 'substantial' | 'high'

export type PersonSummary = {
  id: string
  email: string
  displayName: string
  assuranceLevel: Level
  emailVerified: boolean
  createdAt: string
}

export type IdentityCheck = {
  level: Level
  documentType: string
  documentReference: string
  checkedAt: string
  clerk: string
}

export type Person = {
  id: string
  email: string
  emailVerified: boolean
  displayName: string
  preferredLanguage: string
  assurance: { level: Level; method: string; howToRaise: string | null }
  platformRoles: string[]
  memberships: { organisation: string; role: string }[]
  identityChecks: IdentityCheck[]
}

export type Organisation = {
  id: string
  slug: string
  name: string
  names: Partial<Record<string, string>>
  shortName: string | null
  kind: string
  parent: string | null
  website: string | null
}

export type { ApiKey }

export type MembershipRole = 'owner' | 'editor' | 'member'

export type Member = {
  personId: string
  displayName: string
  email: string
  role: MembershipRole
  since: string
}

export type SignOnClient = {
  clientId: string
  name: string
  public: boolean
  redirectUris: string[]
  postLogoutRedirectUris: string[]
  scopes: string[]
  createdAt: string
}

export type AuditEntry = {
  seq: number
  at: string
  actorType: string
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  outcome: 'success' | 'failure' | 'denied'
  details: Record<string, unknown>
  requestId: string | null
  ip: string | null
}

export type AuditPage = { items: AuditEntry[]; next: number | null }

export type Mail = { id: number; recipient: string; subject: string; body: string; sentAt: string }

export const query = (parameters: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

export const searchPeople = (q: string, signal?: AbortSignal) =>
  getJson<{ items: PersonSummary[] }>(`/api/people${query({ q, limit: 20 })}`, signal)

export const getPerson = (id: string, signal?: AbortSignal) =>
  getJson<Person>(`/api/people/${encodeURIComponent(id)}`, signal)

export const getOrganisations = (signal?: AbortSignal) =>
  getJson<{ items: Organisation[] }>('/api/organisations', signal)

export const getOrganisation = (slug: string, signal?: AbortSignal) =>
  getJson<Organisation>(`/api/organisations/${encodeURIComponent(slug)}`, signal)

export const getOrganisationKeys = (slug: string, signal?: AbortSignal) =>
  getJson<{ items: ApiKey[] }>(`/api/organisations/${encodeURIComponent(slug)}/api-keys`, signal)

/** Reading the members is recorded in the audit log. */
export const getMembers = (slug: string, signal?: AbortSignal) =>
  getJson<{ items: Member[] }>(`/api/organisations/${encodeURIComponent(slug)}/members`, signal)

export const getSignOnClients = (signal?: AbortSignal) =>
  getJson<{ items: SignOnClient[] }>('/api/oidc/clients', signal)
