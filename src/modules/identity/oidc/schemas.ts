import { Type } from 'typebox'

const RedirectUri = Type.String({ minLength: 1, maxLength: 500 })

export const NewClientSchema = Type.Object(
  {
    clientId: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9-]{2,62}$',
        description: 'Chosen identifier; one is made up when absent',
      }),
    ),
    name: Type.String({ minLength: 1, maxLength: 120, description: 'Shown to people on the consent screen' }),
    redirectUris: Type.Array(RedirectUri, {
      minItems: 1,
      maxItems: 20,
      description: 'The only addresses sign-in may return to: https, or http on localhost',
    }),
    postLogoutRedirectUris: Type.Optional(Type.Array(RedirectUri, { maxItems: 20 })),
    scopes: Type.Optional(
      Type.Array(Type.String({ maxLength: 120 }), {
        maxItems: 50,
        description: 'Cetate API scopes the client may ask for, e.g. cetate:catalog.dataset.read',
      }),
    ),
    public: Type.Optional(
      Type.Boolean({
        description: 'A client that cannot keep a secret (a single-page app): no secret, PKCE only',
      }),
    ),
  },
  { additionalProperties: false },
)

export const CreatedClientSchema = Type.Object({
  clientId: Type.String(),
  clientSecret: Type.Union([Type.String(), Type.Null()], {
    description: 'Shown only now; null for a public client',
  }),
})

export const ClientSchema = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  public: Type.Boolean(),
  redirectUris: Type.Array(Type.String()),
  postLogoutRedirectUris: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
})

export const ClientParamsSchema = Type.Object({ clientId: Type.String({ maxLength: 64 }) })
export const InteractionParamsSchema = Type.Object({ uid: Type.String({ maxLength: 64 }) })
export const ConsentSchema = Type.Object({ approve: Type.Boolean() }, { additionalProperties: false })

export const NextStepSchema = Type.Object({
  redirectTo: Type.String({ description: 'Send the browser here to continue the sign-in' }),
})

const Level = Type.Union([Type.Literal('low'), Type.Literal('substantial'), Type.Literal('high')])

export const InteractionSchema = Type.Object({
  uid: Type.String(),
  prompt: Type.Union([Type.Literal('login'), Type.Literal('consent')]),
  client: Type.Object({ id: Type.String(), name: Type.String() }),
  scopes: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
  claims: Type.Array(Type.String()),
  signInNeeded: Type.Boolean(),
  account: Type.Union([Type.Object({ displayName: Type.String(), email: Type.String() }), Type.Null()]),
  assurance: Type.Object({
    required: Type.Union([Level, Type.Null()]),
    current: Type.Union([Level, Type.Null()]),
    sufficient: Type.Union([Type.Boolean(), Type.Null()]),
    howToRaise: Type.Union([Type.String(), Type.Null()]),
  }),
})

export const PackOidcClientsSchema = Type.Array(
  Type.Object(
    {
      clientId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' }),
      name: Type.String({ minLength: 1 }),
      redirectUris: Type.Array(Type.String(), { minItems: 1 }),
      postLogoutRedirectUris: Type.Optional(Type.Array(Type.String())),
      scopes: Type.Optional(Type.Array(Type.String())),
    },
    { additionalProperties: false },
  ),
)
