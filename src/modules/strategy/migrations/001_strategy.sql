-- The strategy as data: every element (vision, objective, action direction, core project…) with
-- its current state, and every state it ever had, so the strategy can be read as of any date.
CREATE TABLE strategy.elements (
  key text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('vision', 'principle', 'strategic_factor', 'transversal_objective',
    'objective', 'direction_group', 'direction', 'priority_area', 'core_project', 'success_factor')),
  code text,
  parent_key text REFERENCES strategy.elements (key),
  position integer NOT NULL,
  title jsonb NOT NULL,
  summary jsonb NOT NULL,
  -- Keys of the objectives a direction group or core project serves.
  objective_keys text[] NOT NULL DEFAULT '{}',
  retired boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elements_parent ON strategy.elements (parent_key);

-- Append-only: one row per version of an element, the whole state as it was from changed_at on.
CREATE TABLE strategy.element_versions (
  element_key text NOT NULL REFERENCES strategy.elements (key),
  version integer NOT NULL,
  code text,
  parent_key text,
  position integer NOT NULL,
  title jsonb NOT NULL,
  summary jsonb NOT NULL,
  objective_keys text[] NOT NULL,
  retired boolean NOT NULL,
  -- identity's person, or null when the platform itself (a data pack) wrote it.
  changed_by uuid,
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL,
  note text,
  PRIMARY KEY (element_key, version)
);
CREATE INDEX element_versions_changed_at ON strategy.element_versions (changed_at);

CREATE TABLE strategy.kpis (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  description jsonb NOT NULL,
  unit text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  baseline_value double precision,
  baseline_date date,
  target_value double precision,
  target_date date,
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  -- identity's organisation answerable for the KPI.
  owner_organisation_id uuid NOT NULL,
  objective_keys text[] NOT NULL DEFAULT '{}',
  core_project_keys text[] NOT NULL DEFAULT '{}',
  iso_theme text,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  -- A name in the platform's metrics registry, measured by a job; null: entered by hand with evidence.
  metric_name text,
  -- Why the KPI is measured this way (shown beside manual ones, so it is visibly so).
  source_note jsonb,
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((baseline_value IS NULL) = (baseline_date IS NULL)),
  CHECK ((target_value IS NULL) = (target_date IS NULL))
);
CREATE INDEX kpis_owner ON strategy.kpis (owner_organisation_id);

-- Append-only history. The value of a period is its latest row; a correction is a new row.
CREATE TABLE strategy.measurements (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kpi_id uuid NOT NULL REFERENCES strategy.kpis (id) ON DELETE CASCADE,
  -- The first day of the KPI's period (day, ISO week, month, quarter, year) the value stands for.
  period_start date NOT NULL,
  value double precision NOT NULL,
  source text NOT NULL CHECK (source IN ('metric', 'manual')),
  -- Required for manual values: a link or a reference to the document the value comes from.
  evidence text,
  note text,
  -- identity's person who entered a manual value (internal, never exported).
  entered_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (source = 'metric' OR (evidence IS NOT NULL AND length(evidence) > 0))
);
CREATE INDEX measurements_kpi_period ON strategy.measurements (kpi_id, period_start, id);

-- One weekly digest per person and ISO week, so a retried job never sends it twice.
CREATE TABLE strategy.digests (
  week text NOT NULL,
  person_id uuid NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (week, person_id)
);
