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

export type { ApiKey } from '../../api.ts'

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

/** The text in the reader's language, else Romanian, the platform's default. */
export function localized(text: LocalizedText, language: string | undefined): string {
  return (language && text[language]) || text.ro
}
