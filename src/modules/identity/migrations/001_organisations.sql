-- Organisations that take part: the city hall and its departments, subordinate institutions,
-- universities, companies, clusters, hubs and NGOs.
CREATE TABLE identity.organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  short_name text,
  kind text NOT NULL CHECK (kind IN ('city_hall', 'department', 'office', 'subordinate_institution',
    'public_body', 'university', 'company', 'cluster', 'innovation_hub', 'ngo')),
  parent_id uuid REFERENCES identity.organisations (id) ON DELETE RESTRICT,
  website text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_parent ON identity.organisations (parent_id);
