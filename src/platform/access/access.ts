import type { FastifyRequest } from 'fastify'

/**
 * Who may call a route, declared on every route (`config: { access }`). A route without a
 * declaration is refused, so forgetting one denies rather than exposes.
 * - `public`: anyone, signed in or not;
 * - `{ action }`: a caller the authorizer allows to perform that action (declared by a module).
 */
export type Access = 'public' | { action: string }

export type AccessDecision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403; code: string; detail: string }

/** Decides non-public routes; identity provides the real one. Until then every such call is denied. */
export type Authorizer = (request: FastifyRequest, access: { action: string }) => Promise<AccessDecision>

export const denyAll: Authorizer = async (_request, access) => ({
  allowed: false,
  status: 401,
  code: 'AUTH_REQUIRED',
  detail: `This needs a signed-in caller allowed to "${access.action}".`,
})

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
}
