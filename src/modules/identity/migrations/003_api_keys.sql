-- Keys for programs: data consumers now, devices later. Only a hash of the key is kept.
CREATE TABLE identity.api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The key's first characters, shown in lists so a person can tell their keys apart.
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  person_id uuid REFERENCES identity.people (id),
  organisation_id uuid REFERENCES identity.organisations (id),
  scopes text[] NOT NULL,
  created_by uuid REFERENCES identity.people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
CREATE INDEX api_keys_person ON identity.api_keys (person_id);
CREATE INDEX api_keys_organisation ON identity.api_keys (organisation_id);
