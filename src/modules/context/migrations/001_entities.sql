-- NGSI-LD context: the current state of entities, every attribute change kept for the temporal
-- API, and the user @contexts callers register. Tenant '' is the default tenant.
CREATE TABLE context.tenants (
  name text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE context.entities (
  tenant text NOT NULL DEFAULT '',
  id text NOT NULL,
  -- Expanded type IRIs.
  types text[] NOT NULL,
  scopes text[],
  -- Expanded attribute IRI → array of instances (see model.ts).
  attrs jsonb NOT NULL,
  -- The `location` GeoProperty's value, for indexed geo-queries.
  location geometry(Geometry, 4326),
  created_at timestamptz NOT NULL,
  modified_at timestamptz NOT NULL,
  -- Bumped on every write; writers compare-and-set on it.
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX entities_types ON context.entities USING gin (types);
CREATE INDEX entities_location ON context.entities USING gist (location);
CREATE INDEX entities_location_geography ON context.entities USING gist ((location::geography));

-- Every entity that ever existed, so its history stays queryable by type after deletion.
CREATE TABLE context.temporal_entities (
  tenant text NOT NULL DEFAULT '',
  id text NOT NULL,
  types text[] NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX temporal_entities_types ON context.temporal_entities USING gin (types);

-- Append-only: one row per attribute instance ever written.
CREATE TABLE context.attribute_instances (
  -- Shown as instanceId (urn:ngsi-ld:AttributeInstance:<id>) by the temporal API.
  id bigserial PRIMARY KEY,
  tenant text NOT NULL DEFAULT '',
  entity_id text NOT NULL,
  attribute text NOT NULL,
  dataset_id text NOT NULL DEFAULT '',
  -- The instant the value describes: observedAt, else when it was written.
  observed_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- The value when it is a number, for aggregation in SQL.
  number double precision,
  instance jsonb NOT NULL
);
CREATE INDEX attribute_instances_entity
  ON context.attribute_instances (tenant, entity_id, attribute, observed_at);
CREATE INDEX attribute_instances_recorded ON context.attribute_instances USING brin (recorded_at);

CREATE TABLE context.json_ld_contexts (
  id text PRIMARY KEY,
  url text NOT NULL UNIQUE,
  -- hosted: registered by a caller; cached: fetched from its URL (when configuration allows).
  kind text NOT NULL CHECK (kind IN ('hosted', 'cached')),
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  uses bigint NOT NULL DEFAULT 0
);

-- Entity types anyone may read without signing in (open data); others need context.entity.read.
CREATE TABLE context.public_types (
  tenant text NOT NULL DEFAULT '',
  type text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, type)
);
