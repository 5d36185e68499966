import { parseCookie, stringifySetCookie } from 'cookie'
import type { JWK } from 'jose'
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import type { ModuleContext } from '../../../platform/module.ts'
import { identifySession, signOut } from '../commands/sessions.ts'
import { hashSecret, sameSecret } from '../secrets.ts'
import { SESSION_COOKIE } from '../session-cookie.ts'
import { findAccount } from './account.ts'
import { ACR_URIS } from './acr.ts'
import { databaseAdapter } from './adapter.ts'
import { loginPolicy } from './login-policy.ts'
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.ts'
import { SUPPORTED_SCOPES } from './scopes.ts'
import { ensureKeys, ID_TOKEN_TTL_SECONDS, publishedKeys, SIGNING_ALG } from './signing-keys.ts'
import { selectCookieSecrets } from './store/keys.ts'

/** Where the provider is mounted; its issuer is the public address followed by this. */
export const OIDC_PATH = '/oidc'
/** The web app's page that signs the person in and asks for consent (see routes/interactions.ts). */
export const INTERACTION_PAGE = '/account/authorize'
/** How often a node looks for keys rotated elsewhere (another node, the command line). */
const KEY_CHECK_MS = 60_000

const DAY = 24 * 3600

interface Held {
  provider: Provider
  keys: string
  checkedAt: number
}

const held = new WeakMap<ModuleContext, Promise<Held>>()

/**
 * The provider for this server, made on first use: its issuer comes from the public address,
 * which is only known once the server listens. Rebuilt when the published signing keys change.
 */
export async function oidcProvider(context: ModuleContext, proxy = false): Promise<Provider> {
  let holding = held.get(context)
  if (!holding) {
    holding = build(context, proxy)
    held.set(context, holding)
  }
  const current = await holding.catch((error: unknown) => {
    held.delete(context)
    throw error
  })
  if (Date.now() - current.checkedAt < KEY_CHECK_MS) return current.provider
  current.checkedAt = Date.now()
  const keys = await publishedKeys(context.db)
  if (keys.map((key) => key.kid).join(' ') === current.keys) return current.provider
  forgetProvider(context)
  return oidcProvider(context, proxy)
}

/** After a key rotation in this process, the next request builds a provider with the new keys. */
export function forgetProvider(context: ModuleContext): void {
  held.delete(context)
}

async function build(context: ModuleContext, proxy: boolean): Promise<Held> {
  if (!context.settings.publicUrl)
    throw new Error('The OpenID provider needs the public address; start listening first')
  await ensureKeys(context.db)
  const keys = await publishedKeys(context.db)
  const issuer = `${context.settings.publicUrl}${OIDC_PATH}`
  const provider = new Provider(issuer, await configuration(context, keys))
  provider.proxy = proxy
  // Only the hash of a client's secret is stored, and it stands in the client's metadata.
  provider.Client.prototype.compareClientSecret = function compareHashed(actual: string) {
    return typeof this.clientSecret === 'string' && sameSecret(this.clientSecret, hashSecret(actual))
  }
  provider.use(async (koa, next) => {
    await next()
    const ctx = koa as KoaContextWithOIDC
    allowFormsToClient(ctx)
    if (ctx.oidc?.route === 'end_session_confirm' && ctx.oidc.params?.logout)
      await endCetateSession(context, ctx)
  })
  provider.on('server_error', (_ctx, error) => context.log.error({ err: error }, 'OpenID provider error'))
  return { provider, keys: keys.map((key) => key.kid).join(' '), checkedAt: Date.now() }
}

async function configuration(context: ModuleContext, keys: JWK[]): Promise<Configuration> {
  const publicUrl = context.settings.publicUrl
  return {
    adapter: databaseAdapter(context.db),
    jwks: { keys: keys as NonNullable<Configuration['jwks']>['keys'] },
    cookies: {
      keys: await selectCookieSecrets(context.db),
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    findAccount: (_ctx, sub) => findAccount(context.db, sub),
    // The level of assurance travels in every ID token, asked for or not: apps decide on it.
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub', 'acr'],
      profile: ['name', 'locale'],
      email: ['email', 'email_verified'],
    },
    scopes: SUPPORTED_SCOPES,
    acrValues: Object.values(ACR_URIS),
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'none'],
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALG] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    // Every code grant gets a refresh token, rotated on each use; reusing a spent one revokes the grant.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: 15 * 60,
      AuthorizationCode: 60,
      IdToken: ID_TOKEN_TTL_SECONDS,
      RefreshToken: 14 * DAY,
      Interaction: 30 * 60,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
    interactions: {
      url: (_ctx, interaction) => `${publicUrl}${INTERACTION_PAGE}/${interaction.uid}`,
      policy: loginPolicy(context),
    },
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    renderError,
  }
}

/**
 * The platform allows forms to post only to this origin. The provider's form_post answer and its
 * logout confirmation lead to the client, so for a known client its own origins are added.
 */
function allowFormsToClient(ctx: KoaContextWithOIDC): void {
  const client = ctx.oidc?.entities.Client
  const policy = ctx.response.get('content-security-policy')
  if (!client || !policy) return
  const origins = new Set(
    [...(client.redirectUris ?? []), ...(client.postLogoutRedirectUris ?? [])].map(
      (uri) => new URL(uri).origin,
    ),
  )
  ctx.set(
    'content-security-policy',
    policy.replace(
      /form-action ([^;]*)/,
      (_, sources: string) => `form-action ${sources} ${[...origins].join(' ')}`,
    ),
  )
}

/** Signing out of the provider signs the person out of Cetate in this browser too: they are one sign-in. */
async function endCetateSession(context: ModuleContext, ctx: KoaContextWithOIDC): Promise<void> {
  const cookies = ctx.req.headers.cookie
  const secret = cookies ? parseCookie(cookies)[SESSION_COOKIE] : undefined
  const session = secret ? await identifySession(context, secret) : undefined
  if (!session) return
  await signOut(context, session.personId, session.id, {
    ip: ctx.ip,
    userAgent: ctx.get('user-agent'),
    // The platform's request id, copied onto the response before the provider ran.
    requestId: String(ctx.response.get('x-request-id')),
  })
  ctx.append(
    'set-cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: '',
      httpOnly: true,
      secure: context.settings.secureCookies,
      sameSite: 'lax',
      path: '/',
      maxAge: 0,
    }),
  )
}
