-- Append-only record of security-relevant actions. Each entry carries the hash of the one before,
-- so an edited or deleted entry breaks the chain at that point (`cetate audit verify`).
CREATE TABLE platform.audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('person', 'api_key', 'client', 'system', 'anonymous')),
  actor_id text,
  action text NOT NULL,
  target_type text,
  target_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at ON platform.audit_log (at);
CREATE INDEX audit_log_actor ON platform.audit_log (actor_type, actor_id, seq);
CREATE INDEX audit_log_action ON platform.audit_log (action, seq);
CREATE INDEX audit_log_target ON platform.audit_log (target_type, target_id, seq);

CREATE FUNCTION platform.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON platform.audit_log
  FOR EACH ROW EXECUTE FUNCTION platform.audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON platform.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION platform.audit_log_is_append_only();
