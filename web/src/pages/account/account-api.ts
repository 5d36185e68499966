import { ApiError } from '../../api.ts'
import type { Account } from '../../session.tsx'

export type { Account }
export type Level = Account['assurance']['level']
export type LocalizedText = { ro: string; en?: string; hu?: string } & Record<string, string | undefined>

export type SessionItem = {
  id: string
  current: boolean
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  userAgent: string
  ip: string
}

export type Passkey = { id: string; name: string; createdAt: string; lastUsedAt: string | null }

export type ApiKey = {
  id: string
  prefix: string
  name: string
  organisation: string | null
  scopes: string[]
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

export type Consent = {
  key: string
  organisation: string | null
  title: LocalizedText
  description: LocalizedText
  dataCategories: string[]
  granted: boolean
  changedAt: string | null
}

export type DataUse = {
  organisation: string | null
  service: string
  kind: string
  dataCategories: string[]
  purpose: string
  lawfulBasis: string
  recordedAt: string
}

export type Organisation = { slug: string; name: string; names?: Partial<Record<string, string>> }

export type Interaction = {
  uid: string
  prompt: 'login' | 'consent'
  client: { id: string; name: string }
  scopes: { name: string; description: string }[]
  claims: string[]
  signInNeeded: boolean
  account: { displayName: string; email: string } | null
  assurance: {
    required: Level | null
    current: Level | null
    sufficient: boolean | null
    howToRaise: string | null
  }
}

/** A WebAuthn ceremony the server started: its id and the options as JSON. */
export type Ceremony = { challengeId: string; options: unknown }

/** Reads JSON from the API; a problem answer becomes an ApiError with its detail and code. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } })
  const body = (await response.json().catch(() => ({}))) as T & {
    title?: string
    detail?: string
    code?: string
    requestId?: string
  }
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.detail ?? body.title ?? response.statusText,
      body.code,
      body.requestId,
    )
  return body
}

/** The text in the reader's language, else Romanian, the platform's default. */
export function localized(text: LocalizedText, language: string | undefined): string {
  return (language && text[language]) || text.ro
}
