-- The project portfolio: core, flexible and pilot projects, their progress, their assessments, the
-- yearly Digital Transformation Challenge and the Chief Innovation Officer's report.
CREATE TABLE portfolio.projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('core', 'flexible', 'pilot')),
  status text NOT NULL CHECK (status IN ('idea', 'proposed', 'approved', 'in_progress', 'completed', 'stopped')),
  title jsonb NOT NULL,
  need jsonb NOT NULL,
  -- identity's organisation answerable for it; null when the lead is outside the platform.
  owner_organisation_id uuid,
  actors text[] NOT NULL DEFAULT '{}',
  partners text[] NOT NULL DEFAULT '{}',
  start_date date,
  end_date date,
  period_text text,
  funding text[] NOT NULL DEFAULT '{}',
  funding_note text,
  -- Euros; null when unknown.
  budget numeric(14, 2),
  notes jsonb,
  objective_keys text[] NOT NULL DEFAULT '{}',
  direction_keys text[] NOT NULL DEFAULT '{}',
  -- innovation_hub: started by a cluster or a digital innovation hub (a strategy KPI counts these).
  origin text CHECK (origin IN ('innovation_hub', 'challenge')),
  -- For pilots: proof_of_concept → evaluated → scale | iterate | abandon.
  pilot_stage text CHECK (pilot_stage IN ('proof_of_concept', 'evaluated', 'scale', 'iterate', 'abandon')),
  pilot_reasons jsonb,
  pilot_lessons jsonb,
  pilot_decided_at timestamptz,
  location geometry(Point, 4326),
  link text,
  source_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (kind = 'pilot' OR pilot_stage IS NULL),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX projects_status ON portfolio.projects (kind, status);

-- Weighted steps; a project's completion is the weighted mean of its milestones' progress.
CREATE TABLE portfolio.milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES portfolio.projects (id) ON DELETE CASCADE,
  title jsonb NOT NULL,
  weight numeric(8, 2) NOT NULL CHECK (weight > 0),
  due_date date,
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  position integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX milestones_project ON portfolio.milestones (project_id, position);

-- The project's timeline: what happened, in order (status changes, decisions, progress notes).
CREATE TABLE portfolio.updates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES portfolio.projects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('note', 'status', 'milestone', 'decision', 'assessment', 'document')),
  text jsonb NOT NULL,
  -- identity's person (internal); the timeline shows organisations, not people.
  author_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX updates_project ON portfolio.updates (project_id, at);

CREATE TABLE portfolio.documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES portfolio.projects (id) ON DELETE CASCADE,
  title jsonb NOT NULL,
  url text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);

-- The assessments every project carries (transversal objective, action direction 3b): the latest
-- of each kind counts; earlier ones stay as history.
CREATE TABLE portfolio.assessments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES portfolio.projects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('impact', 'security', 'gdpr')),
  content jsonb NOT NULL,
  -- Whether it meets the office's minimum standards (impact), or has no unmitigated high risk (security).
  passes boolean NOT NULL,
  assessed_by uuid,
  assessed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_project ON portfolio.assessments (project_id, kind, id);

-- The office's settings: minimum impact standards and which assessments each kind needs to be approved.
CREATE TABLE portfolio.settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The yearly Cluj Digital Transformation Challenge.
CREATE TABLE portfolio.challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL UNIQUE,
  theme jsonb NOT NULL,
  description jsonb NOT NULL,
  objective_keys text[] NOT NULL DEFAULT '{}',
  -- [{ key, title: LocalizedText, weight }]: weights sum to 100.
  criteria jsonb NOT NULL,
  submissions_open timestamptz NOT NULL,
  submissions_close timestamptz NOT NULL,
  evaluation_close timestamptz NOT NULL,
  public_vote boolean NOT NULL DEFAULT false,
  voting_open timestamptz,
  voting_close timestamptz,
  results_at timestamptz NOT NULL,
  -- Set when the office publishes the results (the ranking is frozen then).
  results_published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (submissions_open < submissions_close AND submissions_close <= evaluation_close
    AND evaluation_close <= results_at),
  CHECK (NOT public_vote OR (voting_open IS NOT NULL AND voting_close IS NOT NULL AND voting_open < voting_close))
);

CREATE TABLE portfolio.submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES portfolio.challenges (id) ON DELETE CASCADE,
  title jsonb NOT NULL,
  summary jsonb NOT NULL,
  objective_keys text[] NOT NULL DEFAULT '{}',
  -- [{ name, role }]: names the team chose to show.
  team jsonb NOT NULL DEFAULT '[]',
  budget_asked numeric(14, 2),
  pilot_plan jsonb NOT NULL,
  -- identity's person who submitted (internal), and the organisation they submitted for, if any.
  submitted_by uuid NOT NULL,
  organisation_id uuid,
  eligibility text NOT NULL DEFAULT 'pending' CHECK (eligibility IN ('pending', 'eligible', 'ineligible')),
  eligibility_reason text,
  -- The pilot project a winning submission became.
  project_id uuid REFERENCES portfolio.projects (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_challenge ON portfolio.submissions (challenge_id);

CREATE TABLE portfolio.jurors (
  challenge_id uuid NOT NULL REFERENCES portfolio.challenges (id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  PRIMARY KEY (challenge_id, person_id)
);

-- A juror with a conflict of interest on a submission declares it and does not score it.
CREATE TABLE portfolio.conflicts (
  submission_id uuid NOT NULL REFERENCES portfolio.submissions (id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  reason text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, person_id)
);

CREATE TABLE portfolio.scores (
  submission_id uuid NOT NULL REFERENCES portfolio.submissions (id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  criterion text NOT NULL,
  score numeric(4, 1) NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment text,
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, person_id, criterion)
);

-- One vote per verified resident per challenge.
CREATE TABLE portfolio.votes (
  challenge_id uuid NOT NULL REFERENCES portfolio.challenges (id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  submission_id uuid NOT NULL REFERENCES portfolio.submissions (id) ON DELETE CASCADE,
  voted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (challenge_id, person_id)
);

-- The Chief Innovation Officer's plan for the next year, written into the yearly report.
CREATE TABLE portfolio.report_plans (
  year integer PRIMARY KEY,
  plan jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
