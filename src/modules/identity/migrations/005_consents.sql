-- The once-only register: what personal data each organisation and service holds or reused about
-- a person, the purposes they may consent to, and every grant and withdrawal.
CREATE TABLE identity.consent_purposes (
  key text PRIMARY KEY,
  organisation_id uuid REFERENCES identity.organisations (id),
  title jsonb NOT NULL,
  description jsonb NOT NULL,
  data_categories text[] NOT NULL
);

CREATE TABLE identity.consent_events (
  id bigserial PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES identity.people (id),
  purpose text NOT NULL REFERENCES identity.consent_purposes (key),
  granted boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_events_person ON identity.consent_events (person_id, purpose, id);

CREATE TABLE identity.personal_data_uses (
  id bigserial PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES identity.people (id),
  organisation_id uuid REFERENCES identity.organisations (id),
  service text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holds', 'reused')),
  data_categories text[] NOT NULL,
  purpose text NOT NULL,
  lawful_basis text NOT NULL CHECK (lawful_basis IN ('consent', 'contract', 'legal_obligation', 'public_task', 'vital_interest', 'legitimate_interest')),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_data_uses_person ON identity.personal_data_uses (person_id, recorded_at);
