import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react'
import { problemOf } from './api.ts'

export type Account = {
  id: string
  email: string
  emailVerified: boolean
  displayName: string
  preferredLanguage: 'ro' | 'en' | 'hu'
  assurance: { level: 'low' | 'substantial' | 'high'; method: string; howToRaise: string | null }
  platformRoles: string[]
  memberships: { organisation: string; role: string }[]
}

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; account: Account; csrfToken: string }

type Session = {
  state: SessionState
  /** Reads the session again, e.g. after signing in or changing the profile. */
  refresh: () => Promise<void>
  /**
   * Sends a write to the API with the CSRF token of the session; answers the parsed JSON body
   * (undefined for 204) or throws an ApiError with the problem's code.
   */
  send: <T = unknown>(path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown) => Promise<T>
}

const SessionContext = createContext<Session | null>(null)

async function readSession(): Promise<SessionState> {
  const response = await fetch('/api/account/session', { headers: { accept: 'application/json' } })
  if (!response.ok) return { status: 'anonymous' }
  const body = (await response.json()) as {
    signedIn: boolean
    csrfToken: string | null
    account: Account | null
  }
  return body.signedIn && body.account && body.csrfToken
    ? { status: 'signed-in', account: body.account, csrfToken: body.csrfToken }
    : { status: 'anonymous' }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  // Writes read the token from here, so one made right after refresh() already has the new one.
  const current = useRef(state)
  const refresh = useCallback(async () => {
    const next = await readSession()
    current.current = next
    setState(next)
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])

  const send = useCallback(
    async <T,>(path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): Promise<T> => {
      const headers: Record<string, string> = { accept: 'application/json' }
      const session = current.current
      if (session.status === 'signed-in') headers['x-csrf-token'] = session.csrfToken
      if (body !== undefined) headers['content-type'] = 'application/json'
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (response.status === 204) return undefined as T
      if (!response.ok) throw await problemOf(response)
      return (await response.json().catch(() => ({}))) as T
    },
    [],
  )

  return <SessionContext value={{ state, refresh, send }}>{children}</SessionContext>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}
