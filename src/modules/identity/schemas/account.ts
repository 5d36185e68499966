import { Type } from 'typebox'

const Email = Type.String({ format: 'email', maxLength: 320 })
const Password = Type.String({ minLength: 1, maxLength: 1024 })
const Language = Type.Enum(['ro', 'en', 'hu'])
const Token = Type.String({ minLength: 20, maxLength: 200 })

export const SignUpSchema = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    preferredLanguage: Type.Optional(Language),
  },
  { additionalProperties: false },
)

export const SignInSchema = Type.Object({ email: Email, password: Password }, { additionalProperties: false })
export const TokenSchema = Type.Object({ token: Token }, { additionalProperties: false })
export const ResetRequestSchema = Type.Object({ email: Email }, { additionalProperties: false })
export const ResetSchema = Type.Object({ token: Token, password: Password }, { additionalProperties: false })

export const ProfileSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    preferredLanguage: Type.Optional(Language),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const AccountSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    emailVerified: Type.Boolean(),
    displayName: Type.String(),
    preferredLanguage: Language,
    assurance: Type.Object({
      level: Type.Enum(['low', 'substantial', 'high'], { description: 'eIDAS level of assurance' }),
      method: Type.String(),
      howToRaise: Type.Union([Type.String(), Type.Null()]),
    }),
    platformRoles: Type.Array(Type.String()),
    memberships: Type.Array(Type.Object({ organisation: Type.String(), role: Type.String() })),
  },
  { $id: 'Account' },
)

export const SessionStateSchema = Type.Object({
  signedIn: Type.Boolean(),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send as x-csrf-token on every write' }),
  account: Type.Union([Type.Ref('Account'), Type.Null()]),
})

export const SessionListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      current: Type.Boolean(),
      createdAt: Type.String(),
      lastSeenAt: Type.String(),
      expiresAt: Type.String(),
      userAgent: Type.String(),
      ip: Type.String(),
    }),
  ),
})

export const SessionParamsSchema = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) })
