-- The city (or cities of a metropolitan area) Cetate serves, and the areas it is divided into.
CREATE TABLE city.cities (
  slug text PRIMARY KEY,
  name jsonb NOT NULL,
  country text NOT NULL,
  time_zone text NOT NULL,
  centre geometry(Point, 4326) NOT NULL,
  bounds geometry(Polygon, 4326) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE city.areas (
  city_slug text NOT NULL REFERENCES city.cities (slug) ON DELETE CASCADE,
  slug text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  geometry geometry(MultiPolygon, 4326) NOT NULL,
  -- Where the shape came from, e.g. {"osm_type": "way", "osm_id": 669521911}.
  source jsonb NOT NULL DEFAULT '{}'::jsonb,
  attribution text NOT NULL DEFAULT '',
  PRIMARY KEY (city_slug, slug)
);
CREATE INDEX areas_geometry ON city.areas USING gist (geometry);
