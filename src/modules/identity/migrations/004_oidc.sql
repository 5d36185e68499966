-- The "Digital Citizen" OpenID Connect provider: the city apps allowed to use it, the keys that
-- sign its tokens, and the provider's own short-lived records (sessions, codes, tokens, grants).

-- Relying parties, registered by administrators. Only a hash of a confidential client's secret is
-- kept; a public client (a single-page app) has none and must use PKCE like every client.
CREATE TABLE identity.oidc_clients (
  client_id text PRIMARY KEY,
  name text NOT NULL,
  secret_hash text,
  redirect_uris text[] NOT NULL,
  post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
  -- Cetate actions the client may ask a person to delegate, as `cetate:<action>` scopes.
  scopes text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES identity.people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

-- Signing keys (private JWKs). The newest unretired key signs; a retired key stays published at the
-- JWKS endpoint until every token it signed has expired.
CREATE TABLE identity.oidc_signing_keys (
  kid text PRIMARY KEY,
  private_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- Keys for the provider's signed cookies, shared by every node; the first signs, all verify.
CREATE TABLE identity.oidc_cookie_keys (
  id bigserial PRIMARY KEY,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- What oidc-provider stores through its adapter, one row per model instance.
CREATE TABLE identity.oidc_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  user_code text,
  expires_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payloads_grant ON identity.oidc_payloads (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payloads_uid ON identity.oidc_payloads (uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payloads_expiry ON identity.oidc_payloads (expires_at);
