import type { FastifyRequest } from 'fastify'

/**
 * Who may call a route, declared on every route (`config: { access }`). A route without a
 * declaration is refused, so forgetting one denies rather than exposes.
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any signed-in person, acting on their own account;
 * - `{ action }`: a caller allowed to perform that action (declared by a module). Where the action
 *   applies to one resource (an organisation, a dataset), the service checks it again with the resource.
 */
export type Access = 'public' | 'signed-in' | { action: string }

export type AssuranceLevel = 'low' | 'substantial' | 'high'

/** The caller of a request, as established from its session cookie, bearer token or API key. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'person'
      personId: string
      assurance: AssuranceLevel
      via: 'session' | 'token'
      sessionId?: string
      /** For a token from a relying party: the actions its scopes allow. */
      scopes?: readonly string[]
    }
  | {
      kind: 'api_key'
      keyId: string
      personId: string | null
      organisationId: string | null
      scopes: readonly string[]
    }

export const anonymous: Actor = { kind: 'anonymous' }

export type AccessDecision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403; code: string; detail: string }

/** Identity provides the real one; until a module does, every caller is anonymous. */
export interface AccessControl {
  /** Establishes the caller; a bad credential is an error, no credential is anonymous. */
  identify(request: FastifyRequest): Promise<Actor | AccessDecision>
  /** Whether the caller may use a route that declares this access. */
  decide(request: FastifyRequest, actor: Actor, access: Exclude<Access, 'public'>): Promise<AccessDecision>
}

export const nobodySignedIn: AccessControl = {
  identify: async () => anonymous,
  decide: async (_request, _actor, access) => ({
    allowed: false,
    status: 401,
    code: 'AUTH_REQUIRED',
    detail:
      access === 'signed-in'
        ? 'Sign in to use this.'
        : `This needs a signed-in caller allowed to "${access.action}".`,
  }),
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
    /**
     * The route checks its callers' credentials itself (an OpenID provider reads client secrets
     * and its own forms): the platform does not identify the caller there.
     */
    ownCredentials?: boolean
  }
  interface FastifyRequest {
    actor: Actor
  }
}
