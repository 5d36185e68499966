-- The open data catalogue: datasets (DCAT-AP dcat:Dataset, CKAN packages), their distributions
-- (CKAN resources) and the reuses built on them. Typed datastore tables live in catalog_datastore,
-- one per resource, named by the resource's id as CKAN's are.
CREATE SCHEMA IF NOT EXISTS catalog_datastore;

CREATE TABLE catalog.datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The URL name (CKAN's package name): lowercase letters, digits and dashes.
  name text NOT NULL UNIQUE,
  -- identity's organisation, the publisher (dct:publisher).
  organisation_id uuid NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL,
  keywords text[] NOT NULL DEFAULT '{}',
  -- EU data theme codes (http://publications.europa.eu/resource/authority/data-theme).
  themes text[] NOT NULL DEFAULT '{}',
  licence text NOT NULL,
  access_level text NOT NULL DEFAULT 'open' CHECK (access_level IN ('open', 'private')),
  -- A city area (neighbourhood) slug, or a geometry, or neither.
  spatial_area text,
  spatial geometry(Geometry, 4326),
  temporal_start date,
  temporal_end date,
  -- EU frequency codes (http://publications.europa.eu/resource/authority/frequency).
  frequency text NOT NULL DEFAULT 'UNKNOWN',
  -- An organisational contact point (a service mailbox, not a person's own address).
  contact_point jsonb,
  version text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  -- Where the record came from: written here, or harvested from a remote catalogue.
  harvest_source_id uuid,
  source_iri text,
  issued timestamptz,
  modified timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  -- Folded text (lowercase, no diacritics) in all three languages, for search with or without marks.
  search_title text NOT NULL DEFAULT '',
  search_body text NOT NULL DEFAULT '',
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_body), 'B')
  ) STORED
);
CREATE INDEX datasets_search ON catalog.datasets USING gin (search);
CREATE INDEX datasets_organisation ON catalog.datasets (organisation_id);
CREATE INDEX datasets_modified ON catalog.datasets (modified DESC);
CREATE INDEX datasets_keywords ON catalog.datasets USING gin (keywords);
CREATE INDEX datasets_themes ON catalog.datasets USING gin (themes);
CREATE UNIQUE INDEX datasets_harvested ON catalog.datasets (harvest_source_id, source_iri)
  WHERE harvest_source_id IS NOT NULL;

CREATE TABLE catalog.resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dataset_id uuid NOT NULL REFERENCES catalog.datasets (id) ON DELETE CASCADE,
  position int NOT NULL DEFAULT 0,
  -- upload: a file kept here; link: a file or API elsewhere; live: an NGSI-LD entity type.
  kind text NOT NULL CHECK (kind IN ('upload', 'link', 'live')),
  title jsonb NOT NULL,
  description jsonb,
  -- Upper case, as CKAN shows it: CSV, JSON, GEOJSON, XLSX, API, NGSI-LD.
  format text NOT NULL DEFAULT '',
  media_type text,
  url text,
  -- Uploads: the file under the data directory, its size and SHA-256.
  file_path text,
  byte_size bigint,
  checksum text,
  live_type text,
  -- Set when the resource's rows are loaded into catalog_datastore."<id>".
  datastore_columns jsonb,
  row_count bigint,
  loaded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resources_dataset ON catalog.resources (dataset_id, position);

-- Apps, studies and visualisations built on datasets (the strategy's "apps based on open data").
CREATE TABLE catalog.reuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('app', 'study', 'visualisation', 'service', 'other')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  url text NOT NULL,
  -- Who made it, as they want it shown (a team, a company, a university).
  author text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE catalog.reuse_datasets (
  reuse_id uuid NOT NULL REFERENCES catalog.reuses (id) ON DELETE CASCADE,
  dataset_id uuid NOT NULL REFERENCES catalog.datasets (id) ON DELETE CASCADE,
  PRIMARY KEY (reuse_id, dataset_id)
);
CREATE INDEX reuse_datasets_dataset ON catalog.reuse_datasets (dataset_id);

-- Downloads and API reads per dataset and day, counted in memory and added here in batches.
CREATE TABLE catalog.dataset_usage (
  dataset_id uuid NOT NULL REFERENCES catalog.datasets (id) ON DELETE CASCADE,
  day date NOT NULL,
  downloads bigint NOT NULL DEFAULT 0,
  api_calls bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (dataset_id, day)
);
