-- Loads of uploaded files into datastore tables: the preview the publisher checks, then the
-- background load's progress and outcome. The file stays under FILES_DIR for download.
CREATE TABLE catalog.loads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dataset_id uuid NOT NULL REFERENCES catalog.datasets (id) ON DELETE CASCADE,
  -- The resource the load fills: chosen when it starts (a new one, or one it replaces).
  resource_id uuid,
  status text NOT NULL DEFAULT 'previewed' CHECK (status IN ('previewed', 'loading', 'loaded', 'failed')),
  file_name text NOT NULL,
  -- Relative to FILES_DIR.
  file_path text NOT NULL,
  media_type text,
  byte_size bigint NOT NULL,
  checksum text NOT NULL,
  -- How the file is read: format, encoding, CSV delimiter, quote and header.
  layout jsonb NOT NULL,
  -- [{ name, source, type, hint? }] as detected; the publisher's corrections replace the types.
  columns jsonb NOT NULL,
  preview_rows jsonb NOT NULL,
  resource_title text,
  bytes_read bigint NOT NULL DEFAULT 0,
  rows_loaded bigint NOT NULL DEFAULT 0,
  -- The first 1,000 bad rows [{ line, column?, reason }] and how many there were in all.
  errors jsonb NOT NULL DEFAULT '[]',
  error_count bigint NOT NULL DEFAULT 0,
  -- Internal: who uploaded and who started the load (never shown on open APIs).
  created_by uuid,
  started_by uuid,
  -- The process running the load, and when it last reported: a load whose runner is gone failed.
  runner text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX loads_dataset ON catalog.loads (dataset_id, created_at DESC);
CREATE INDEX loads_running ON catalog.loads (status) WHERE status = 'loading';
