import type { ParseKeys } from 'i18next'

/** A section of the platform: `route` for pages of this app, `href` for pages the server renders. */
export type NavItem = { label: ParseKeys } & ({ route: string } | { href: string })

export const navItems: NavItem[] = [
  { label: 'nav.home', route: '/' },
  // The live pages keep their words in their own namespace; i18next reads the `live:` prefix.
  { label: 'live:nav.link' as ParseKeys, route: '/live' },
  { label: 'data:nav.link' as ParseKeys, route: '/data' },
  { label: 'dashboard:nav.link' as ParseKeys, route: '/dashboard' },
  { label: 'strategy:nav.link' as ParseKeys, route: '/strategy' },
  { label: 'portfolio:nav.link' as ParseKeys, route: '/projects' },
  { label: 'nav.about', route: '/about' },
  { label: 'nav.apiDocs', href: '/api/docs' },
]
