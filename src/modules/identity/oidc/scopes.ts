/** A scope that lets a relying party call Cetate's APIs for the person: `cetate:<action pattern>`. */
export const API_SCOPE_PREFIX = 'cetate:'

/** The standard OpenID Connect scopes, in the plain words the consent screen shows. */
export const IDENTITY_SCOPES: Record<string, string> = {
  openid: 'Know that it is you (an identifier for you that stays the same)',
  profile: 'Your name and preferred language',
  email: 'Your email address and whether it is confirmed',
  offline_access: 'Stay connected when you are not using it',
}

/**
 * What a relying party may ask to do in the person's name on Cetate's APIs. A token never does
 * more than the person may: these only narrow the person's own roles (see can()).
 */
export const API_SCOPES: Record<string, string> = {
  'cetate:catalog.dataset.read': 'Read datasets you may see in the data catalogue',
  'cetate:catalog.*': 'Manage datasets in the data catalogue, where your roles allow it',
  'cetate:context.entity.read': 'Read live city data (sensors, vehicles) you may see',
  'cetate:identity.organisation.read': 'Read the organisations you are a member of',
  'cetate:identity.person.read':
    'Find people and read their accounts, where your role allows it (city clerks)',
  'cetate:portfolio.project.read': 'Read the projects you take part in',
}

export const SUPPORTED_SCOPES = [...Object.keys(IDENTITY_SCOPES), ...Object.keys(API_SCOPES)]

export function describeScope(scope: string): string {
  return IDENTITY_SCOPES[scope] ?? API_SCOPES[scope] ?? scope
}

/** The Cetate actions a token's scopes allow; a token without API scopes allows none. */
export function actionsOfScopes(scope: string): string[] {
  return scope
    .split(' ')
    .filter((name) => name.startsWith(API_SCOPE_PREFIX))
    .map((name) => name.slice(API_SCOPE_PREFIX.length))
}
