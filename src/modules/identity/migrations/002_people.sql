-- People who sign in (citizens and staff), how sure we are of who they are, and their sessions.
CREATE TABLE identity.people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  email_verified_at timestamptz,
  password_hash text,
  display_name text NOT NULL,
  preferred_language text NOT NULL DEFAULT 'ro' CHECK (preferred_language IN ('ro', 'en', 'hu')),
  -- eIDAS level of assurance and how it was reached.
  assurance_level text NOT NULL DEFAULT 'low' CHECK (assurance_level IN ('low', 'substantial', 'high')),
  assurance_method text NOT NULL DEFAULT 'self_registered',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted')),
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX people_email ON identity.people (lower(email)) WHERE status = 'active';

-- A clerk's check of a person's identity at the counter, kept as evidence.
CREATE TABLE identity.identity_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES identity.people (id),
  clerk_id uuid NOT NULL REFERENCES identity.people (id),
  level text NOT NULL CHECK (level IN ('substantial', 'high')),
  document_type text NOT NULL,
  -- Only the last characters of the document number: enough to find the paper file, not to reuse.
  document_reference text NOT NULL,
  notes text NOT NULL DEFAULT '',
  checked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_checks_person ON identity.identity_checks (person_id, checked_at);

CREATE TABLE identity.sessions (
  id text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES identity.people (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_person ON identity.sessions (person_id) WHERE revoked_at IS NULL;

-- One-time links sent by mail: verify an address, reset a password. Only the hash is stored.
CREATE TABLE identity.mail_tokens (
  token_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES identity.people (id),
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Platform-wide roles; each grants the actions listed in the code's role catalogue.
CREATE TABLE identity.platform_roles (
  person_id uuid NOT NULL REFERENCES identity.people (id),
  role text NOT NULL CHECK (role IN ('administrator', 'innovation_office', 'data_steward', 'clerk')),
  granted_by uuid REFERENCES identity.people (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, role)
);

CREATE TABLE identity.memberships (
  person_id uuid NOT NULL REFERENCES identity.people (id),
  organisation_id uuid NOT NULL REFERENCES identity.organisations (id),
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'member')),
  granted_by uuid REFERENCES identity.people (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, organisation_id)
);
CREATE INDEX memberships_organisation ON identity.memberships (organisation_id);

-- Grants on one resource (a dataset, a project) where a module needs them.
CREATE TABLE identity.resource_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid REFERENCES identity.people (id),
  organisation_id uuid REFERENCES identity.organisations (id),
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  granted_by uuid REFERENCES identity.people (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE INDEX resource_grants_lookup ON identity.resource_grants (resource_type, resource_id, action);
