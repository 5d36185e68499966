import { Type } from 'typebox'
import { MEMBERSHIP_ROLE_NAMES, PLATFORM_ROLE_NAMES } from '../roles.ts'

export const PersonParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const PeopleQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 200 }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
)

export const PersonSummarySchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  assuranceLevel: Type.String(),
  emailVerified: Type.Boolean(),
  createdAt: Type.String(),
})

export const IdentityCheckSchema = Type.Object(
  {
    level: Type.Enum(['substantial', 'high']),
    documentType: Type.Enum(['identity_card', 'passport', 'residence_permit', 'driving_licence']),
    documentNumber: Type.String({ minLength: 4, maxLength: 40 }),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const PlatformRoleParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: Type.Enum(PLATFORM_ROLE_NAMES),
})

export const MembershipParamsSchema = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  personId: Type.String({ format: 'uuid' }),
})
export const MembershipBodySchema = Type.Object(
  { role: Type.Enum(MEMBERSHIP_ROLE_NAMES) },
  { additionalProperties: false },
)

export const OrganisationSlugSchema = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
})

export const MemberSchema = Type.Object({
  personId: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  role: Type.Enum(MEMBERSHIP_ROLE_NAMES),
  since: Type.String(),
})

export const NewMemberSchema = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 320 }), role: Type.Enum(MEMBERSHIP_ROLE_NAMES) },
  { additionalProperties: false },
)
