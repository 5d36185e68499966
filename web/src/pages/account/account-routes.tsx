import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'
import { AccountArea } from './account-area.tsx'
import { AccountPage } from './account-page.tsx'
import { ApiKeysPage } from './api-keys-page.tsx'
import { AuthorizePage } from './authorize-page.tsx'
import { DeleteAccountPage } from './delete-account-page.tsx'
import { MyDataPage } from './my-data-page.tsx'
import { PasskeysPage } from './passkeys-page.tsx'
import { ResetPasswordPage } from './reset-password-page.tsx'
import { SessionsPage } from './sessions-page.tsx'
import { SignInPage } from './sign-in-page.tsx'
import { SignUpPage } from './sign-up-page.tsx'
import { VerifyEmailPage } from './verify-email-page.tsx'

/** Everything under /account: signing in and up, the links sent by mail, the account itself, and sign-on for city apps. */
export function AccountRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="sign-up" element={<SignUpPage />} />
      <Route path="verify-email" element={<VerifyEmailPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route path="authorize/:uid" element={<AuthorizePage />} />
      <Route element={<AccountArea />}>
        <Route index element={<AccountPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="passkeys" element={<PasskeysPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="my-data" element={<MyDataPage />} />
        <Route path="delete" element={<DeleteAccountPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
