import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api.ts'
import { ProblemMessage } from '../../components/problem-message.tsx'

/** Problem codes the account pages explain in the reader's language; others show the server's detail. */
const explained = [
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'TOO_MANY_REQUESTS',
  'EMAIL_TAKEN',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_IS_EMAIL',
  'LINK_INVALID',
  'PASSWORD_WRONG',
  'LAST_ADMINISTRATOR',
  'SCOPES_REQUIRED',
  'SCOPE_INVALID',
  'SCOPE_NOT_YOURS',
  'API_KEY_REVOKED',
  'PASSKEY_NOT_VERIFIED',
  'CSRF_TOKEN_INVALID',
  'AUTH_REQUIRED',
  'VALIDATION_FAILED',
  'OIDC_ASSURANCE_TOO_LOW',
  'OIDC_INTERACTION_NOT_FOUND',
  'OIDC_SESSION_REQUIRED',
  'OIDC_ACCOUNT_MISMATCH',
  'OIDC_INTERACTION_STEP',
] as const

type Explained = (typeof explained)[number]
const isExplained = (code: string | undefined): code is Explained => explained.includes(code as Explained)

/** What went wrong, in words for the person: from the problem's code, else its detail. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation('account')
  return (error) => {
    if (error instanceof ApiError) {
      if (isExplained(error.code)) return t(`problems.${error.code}`)
      return error.message || t('problems.unknown')
    }
    if (error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError'))
      return t('problems.passkeyCancelled')
    if (error instanceof DOMException) return t('problems.passkeyUnavailable')
    return t('problems.network')
  }
}

/** The alert next to a form when its request failed; nothing when there is no error. */
export function FormProblem({ error }: { error: unknown }) {
  const text = useProblemText()
  if (!error) return null
  const requestId = error instanceof ApiError ? error.requestId : undefined
  return <ProblemMessage message={text(error)} requestId={requestId} />
}
