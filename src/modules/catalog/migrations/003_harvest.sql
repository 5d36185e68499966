-- Remote DCAT catalogues harvested into an organisation: where from, and how the last run went.
CREATE TABLE catalog.harvest_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- identity's organisation the harvested datasets are published under.
  organisation_id uuid NOT NULL,
  -- A catalogue fetched at each run (needs OUTBOUND_FETCH=true), or a document kept here.
  url text,
  document text,
  -- ttl, jsonld or rdf; null: from the answer's media type or the document's first characters.
  format text CHECK (format IN ('ttl', 'jsonld', 'rdf')),
  last_run_at timestamptz,
  -- { status, created, updated, unchanged, removed, skipped, pages, problems[] }
  last_outcome jsonb,
  -- Internal: who registered it (never shown on open APIs).
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (url IS NOT NULL OR document IS NOT NULL)
);
CREATE INDEX harvest_sources_organisation ON catalog.harvest_sources (organisation_id);

ALTER TABLE catalog.datasets
  ADD CONSTRAINT datasets_harvest_source FOREIGN KEY (harvest_source_id)
    REFERENCES catalog.harvest_sources (id) ON DELETE SET NULL,
  -- A digest of the record as last harvested: an unchanged source record is left alone.
  ADD COLUMN harvest_digest text;
