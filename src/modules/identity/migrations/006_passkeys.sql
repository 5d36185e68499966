-- Passkeys (WebAuthn credentials) as a second way to sign in, and the one-time challenges of
-- their ceremonies.
CREATE TABLE identity.passkeys (
  id text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES identity.people (id),
  public_key text NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX passkeys_person ON identity.passkeys (person_id);

CREATE TABLE identity.webauthn_challenges (
  id text PRIMARY KEY,
  person_id uuid REFERENCES identity.people (id),
  purpose text NOT NULL CHECK (purpose IN ('register', 'sign_in')),
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL
);
