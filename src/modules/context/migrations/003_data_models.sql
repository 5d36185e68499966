-- JSON Schemas (Smart Data Models) that entities of a type must satisfy, per tenant. A schema
-- without an entity type holds shared definitions the others refer to.
CREATE TABLE context.data_models (
  tenant text NOT NULL DEFAULT '',
  -- The schema's $id: the URL other schemas use in their $ref.
  id text NOT NULL,
  -- Expanded entity type IRI this schema validates, or null for shared definitions.
  entity_type text,
  -- Further URLs the same schema is referred to by.
  aliases text[] NOT NULL DEFAULT '{}',
  schema jsonb NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX data_models_entity_type ON context.data_models (tenant, entity_type) WHERE entity_type IS NOT NULL;
