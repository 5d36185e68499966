import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'

/** Names the server's codes (roles, levels, document and organisation kinds) in the reader's language. */
function useWord(group: string, code: string): string {
  const { t } = useTranslation('staff')
  // Unknown codes (a newer server) show as they are.
  return t(`${group}.${code}` as ParseKeys<'staff'>, { defaultValue: code }) as string
}

export function RoleName({ role }: { role: string }) {
  return <>{useWord('roleNames', role)}</>
}

export function MembershipRoleName({ role }: { role: string }) {
  return <>{useWord('membershipRoles', role)}</>
}

export function LevelName({ level }: { level: string }) {
  return <>{useWord('levels', level)}</>
}

export function Level({ level }: { level: string }) {
  return <span className={`level level--${level}`}>{useWord('levels', level)}</span>
}

export function DocumentTypeName({ type }: { type: string }) {
  return <>{useWord('documentTypes', type)}</>
}

export function OrganisationKindName({ kind }: { kind: string }) {
  return <>{useWord('organisationKinds', kind)}</>
}

export function OutcomeName({ outcome }: { outcome: string }) {
  return <span className={`outcome outcome--${outcome}`}>{useWord('audit.outcomes', outcome)}</span>
}
