import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiError, getJson } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { useResource } from '../../use-resource.ts'
import type { Interaction } from './account-api.ts'
import { FormProblem } from './problem.tsx'
import { SectionLoading } from './section-loading.tsx'
import { SignInForm } from './sign-in-form.tsx'

const knownScopes = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'cetate:catalog.dataset.read',
  'cetate:catalog.*',
  'cetate:context.entity.read',
  'cetate:identity.organisation.read',
  'cetate:identity.person.read',
  'cetate:portfolio.project.read',
] as const
type KnownScope = (typeof knownScopes)[number]
const scopeKey = (scope: KnownScope) =>
  scope
    .replace(/^cetate:/, 'cetate_')
    .replace(/\.\*$/, '_all')
    .replace(/\./g, '_')

/**
 * Where the OpenID provider sends a person when a city app asks them to sign in: sign in here,
 * see what the app asks for, allow or refuse; or learn how to raise the level of assurance the
 * app needs. After each step the provider takes the browser on.
 */
export function AuthorizePage() {
  const { t } = useTranslation('account')
  const { uid = '' } = useParams()
  const { state } = useSession()
  const signedInAs = state.status === 'signed-in' ? state.account.id : null
  // Read again whenever who is signed in changes: the answer depends on the account.
  // biome-ignore lint/correctness/useExhaustiveDependencies: signedInAs is the reload trigger
  const load = useCallback(
    (signal: AbortSignal) =>
      getJson<Interaction>(`/api/oidc/interactions/${encodeURIComponent(uid)}`, signal),
    [uid, signedInAs],
  )
  const [interaction, reload] = useResource(load, 'always')
  useDocumentTitle(t('authorize.title'))

  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    )
  if (
    interaction.status === 'error' &&
    interaction.error instanceof ApiError &&
    interaction.error.status === 404
  )
    return (
      <div className="page page--narrow">
        <h1>{t('authorize.title')}</h1>
        <FormProblem error={interaction.error} />
      </div>
    )
  return (
    <div className="page page--narrow">
      <SectionLoading resource={interaction} onRetry={reload}>
        {(data) => <Step interaction={data} />}
      </SectionLoading>
    </div>
  )
}

function Step({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation('account')
  const app = interaction.client.name

  if (interaction.signInNeeded)
    return (
      <>
        <h1>{t('authorize.signInHeading', { app })}</h1>
        <p className="lead">{t('authorize.signInIntro', { app })}</p>
        <SignInForm onSignedIn={() => {}} />
        <CancelButton uid={interaction.uid} />
      </>
    )

  if (interaction.assurance.sufficient === false && interaction.assurance.required)
    return <StepUp interaction={interaction} />

  return interaction.prompt === 'login' ? (
    <Continue interaction={interaction} />
  ) : (
    <Consent interaction={interaction} />
  )
}

function useStep(uid: string) {
  const { send } = useSession()
  const action = useAction()
  const go = (step: 'login' | 'consent' | 'abort', body?: unknown) =>
    void action.run(async () => {
      const { redirectTo } = await send<{ redirectTo: string }>(
        `/api/oidc/interactions/${encodeURIComponent(uid)}/${step}`,
        'POST',
        body,
      )
      window.location.href = redirectTo
      // Stay busy while the browser leaves.
      await new Promise(() => {})
    })
  return { go, busy: action.busy, error: action.error }
}

function SignedInAs({ account }: { account: Interaction['account'] }) {
  const { t } = useTranslation('account')
  if (!account) return null
  return <p>{t('authorize.signedInAs', { name: account.displayName, email: account.email })}</p>
}

function ScopeList({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation('account')
  const describe = (scope: { name: string; description: string }) =>
    knownScopes.includes(scope.name as KnownScope)
      ? t(`scopes.${scopeKey(scope.name as KnownScope)}` as 'scopes.openid')
      : scope.description
  return (
    <ul className="scope-list">
      {interaction.scopes.map((scope) => (
        <li key={scope.name}>{describe(scope)}</li>
      ))}
    </ul>
  )
}

function Continue({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation('account')
  const { go, busy, error } = useStep(interaction.uid)
  const app = interaction.client.name
  return (
    <>
      <h1>{t('authorize.continueHeading', { app })}</h1>
      <SignedInAs account={interaction.account} />
      <p>{t('authorize.continueText', { app })}</p>
      <FormProblem error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => go('login', {})}>
          {busy ? `${t('authorize.continue')}…` : t('authorize.continue')}
        </button>
        <button type="button" className="button--secondary" disabled={busy} onClick={() => go('abort')}>
          {t('authorize.cancel')}
        </button>
      </div>
    </>
  )
}

function Consent({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation('account')
  const { go, busy, error } = useStep(interaction.uid)
  const app = interaction.client.name
  return (
    <>
      <h1>{t('authorize.consentHeading', { app })}</h1>
      <SignedInAs account={interaction.account} />
      <p>{t('authorize.asksTo', { app })}</p>
      <ScopeList interaction={interaction} />
      <p>{t('authorize.consentNote')}</p>
      <FormProblem error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => go('consent', { approve: true })}>
          {busy ? `${t('authorize.allow')}…` : t('authorize.allow')}
        </button>
        <button
          type="button"
          className="button--secondary"
          disabled={busy}
          onClick={() => go('consent', { approve: false })}
        >
          {t('authorize.deny')}
        </button>
      </div>
    </>
  )
}

function StepUp({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation('account')
  const { go, busy, error } = useStep(interaction.uid)
  const app = interaction.client.name
  const { required, current } = interaction.assurance
  return (
    <>
      <h1>{t('authorize.stepUpHeading')}</h1>
      <SignedInAs account={interaction.account} />
      <p className="lead">
        {t('authorize.stepUpText', {
          app,
          required: required ? t(`assurance.levels.${required}`) : '',
          current: current ? t(`assurance.levels.${current}`) : '',
        })}
      </p>
      {current && (
        <>
          <h2>{t('authorize.howToRaise')}</h2>
          <p>{t(`assurance.howToRaise.${current}`)}</p>
        </>
      )}
      <FormProblem error={error} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => go('abort')}>
          {busy ? `${t('authorize.cancelBack', { app })}…` : t('authorize.cancelBack', { app })}
        </button>
      </div>
    </>
  )
}

function CancelButton({ uid }: { uid: string }) {
  const { t } = useTranslation('account')
  const { go, busy, error } = useStep(uid)
  return (
    <div className="actions">
      <FormProblem error={error} />
      <button type="button" className="button--secondary" disabled={busy} onClick={() => go('abort')}>
        {t('authorize.cancel')}
      </button>
    </div>
  )
}
