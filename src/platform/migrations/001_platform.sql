-- The platform's own tables and the extensions every module may use.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

-- Background and scheduled work, leased so that one node runs a job at a time.
CREATE TABLE platform.jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  -- A recurring job or a deduplicated one-off has a key; at most one row per key.
  key text UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON platform.jobs (run_at) WHERE status IN ('pending', 'running');

-- Which data pack (a city's demo or base data) was loaded, so `start --demo` loads it only once.
CREATE TABLE platform.data_packs (
  name text PRIMARY KEY,
  directory text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
