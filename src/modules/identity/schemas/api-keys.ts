import { Type } from 'typebox'

export const NewApiKeySchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 120,
      description: 'What the key is for, e.g. "air quality app"',
    }),
    scopes: Type.Array(Type.String({ maxLength: 120 }), {
      minItems: 1,
      maxItems: 50,
      description: 'Actions the key may perform',
    }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
)

export const CreatedApiKeySchema = Type.Object({
  id: Type.String(),
  key: Type.String({
    description: 'Shown only now: store it safely. Send it as "Authorization: Bearer <key>".',
  }),
})

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  prefix: Type.String(),
  name: Type.String(),
  organisation: Type.Union([Type.String(), Type.Null()]),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
})

export const ApiKeyParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const OrganisationSlugParamsSchema = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
})
