import type { FastifyRequest } from 'fastify'
import type { AccessControl, AccessDecision, Actor } from '../../platform/access/access.ts'
import type { ModuleContext } from '../../platform/module.ts'
import { API_KEY_PREFIX } from './commands/api-keys.ts'
import { identifySession } from './commands/sessions.ts'
import { identifyAccessToken } from './oidc/access-tokens.ts'
import { can } from './permissions.ts'
import { hashSecret, sameSecret } from './secrets.ts'
import { readSessionCookie } from './session-cookie.ts'
import { findUsableKey } from './store/usable-keys.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** CKAN clients send the key bare in Authorization, or in X-CKAN-API-KEY; our keys are recognisable. */
const bareApiKey = new RegExp(`^(${API_KEY_PREFIX}\\S+)$`)
const ckanApiKey = (request: FastifyRequest): string | undefined => {
  const key = request.headers['x-ckan-api-key']
  return typeof key === 'string' && key.length > 0 ? `Bearer ${key}` : undefined
}

const refused = (status: 401 | 403, code: string, detail: string): AccessDecision => ({
  allowed: false,
  status,
  code,
  detail,
})

/** Who is calling: a session cookie (with its CSRF token on writes), or a bearer credential. */
export function identityAccessControl(context: ModuleContext): AccessControl {
  return {
    async identify(request: FastifyRequest): Promise<Actor | AccessDecision> {
      const authorization = request.headers.authorization ?? ckanApiKey(request)
      if (authorization) return identifyBearer(context, authorization)
      const sessionId = readSessionCookie(request)
      if (!sessionId) return { kind: 'anonymous' }
      const session = await identifySession(context, sessionId)
      // An expired or revoked session is simply no session: the person signs in again.
      if (!session) return { kind: 'anonymous' }
      if (!SAFE_METHODS.has(request.method)) {
        const given = request.headers['x-csrf-token']
        if (typeof given !== 'string' || !sameSecret(given, session.csrfToken)) {
          return refused(
            403,
            'CSRF_TOKEN_INVALID',
            'Writes with a session cookie need the x-csrf-token header from GET /api/account/session.',
          )
        }
      }
      return {
        kind: 'person',
        personId: session.personId,
        assurance: session.assurance,
        via: 'session',
        sessionId: session.id,
      }
    },

    async decide(_request, actor, access): Promise<AccessDecision> {
      if (actor.kind === 'anonymous') {
        return refused(
          401,
          'AUTH_REQUIRED',
          access === 'signed-in'
            ? 'Sign in to use this.'
            : `Sign in as someone allowed to "${access.action}".`,
        )
      }
      if (access === 'signed-in') {
        return actor.kind === 'person'
          ? { allowed: true }
          : refused(403, 'PERSON_REQUIRED', 'Only a person signed in to their own account may use this.')
      }
      if (await can(context.db, actor, access.action)) return { allowed: true }
      return refused(403, 'FORBIDDEN', `Your roles do not allow "${access.action}".`)
    },
  }
}

const invalidCredential = () =>
  refused(
    401,
    'INVALID_TOKEN',
    'This API key or access token is not valid: it may have expired or been revoked.',
  )

async function identifyBearer(
  context: ModuleContext,
  authorization: string,
): Promise<Actor | AccessDecision> {
  const match = /^Bearer (\S+)$/i.exec(authorization) ?? bareApiKey.exec(authorization)
  if (!match)
    return refused(
      401,
      'INVALID_AUTHORIZATION',
      'Send credentials as "Authorization: Bearer <API key or access token>".',
    )
  const credential = match[1]!
  if (credential.startsWith(API_KEY_PREFIX)) {
    const key = await findUsableKey(context.db, hashSecret(credential))
    if (!key) return invalidCredential()
    return {
      kind: 'api_key',
      keyId: key.id,
      personId: key.person_id,
      organisationId: key.organisation_id,
      scopes: key.scopes,
    }
  }
  return (await identifyAccessToken(context, credential)) ?? invalidCredential()
}
