-- Mail sent while no SMTP server is configured, for a developer or administrator to read.
CREATE TABLE platform.outbox (
  id bigserial PRIMARY KEY,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);
