-- NGSI-LD subscriptions (ETSI GS CIM 009 v1.8, 5.8) and the notifications promised to their
-- endpoints (5.11). A notification is written here before it is sent and removed once delivered,
-- so neither a restart nor a dead endpoint loses one.
CREATE TABLE context.subscriptions (
  tenant text NOT NULL DEFAULT '',
  id text NOT NULL,
  -- Who made it: 'person:<id>' or 'organisation:<id>'; they (and platform data stewards) see it.
  owner text NOT NULL,
  -- Whether the credential that wrote it could read every entity type; else only public types notify.
  owner_reads_all boolean NOT NULL,
  -- The subscription with its names expanded to IRIs (subscriptions/subscription-model.ts).
  definition jsonb NOT NULL,
  -- The creator's @context: notifications name things in it.
  context jsonb,
  is_active boolean NOT NULL DEFAULT true,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  -- Delivery status (5.2.14), written in batches by the notifier.
  times_sent bigint NOT NULL DEFAULT 0,
  times_failed bigint NOT NULL DEFAULT 0,
  last_notification timestamptz,
  last_success timestamptz,
  last_failure timestamptz,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX subscriptions_owner ON context.subscriptions (tenant, owner);

-- No foreign key to subscriptions: a notification promised while its subscription is being deleted
-- must not fail the whole batch it is written with; deleting a subscription deletes its rows.
CREATE TABLE context.notifications (
  id uuid PRIMARY KEY,
  tenant text NOT NULL,
  subscription_id text NOT NULL,
  -- The endpoint URI: notifications wait in one queue per endpoint.
  endpoint text NOT NULL,
  -- How to send it: headers, timeout, MQTT QoS and version.
  delivery jsonb NOT NULL,
  -- The message exactly as sent.
  payload text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The server delivering it and until when that claim holds; a crashed server's claims lapse.
  claimed_by text,
  claimed_until timestamptz
);
CREATE INDEX notifications_due ON context.notifications (next_attempt_at);
CREATE INDEX notifications_claimed ON context.notifications (claimed_by);
CREATE INDEX notifications_subscription ON context.notifications (tenant, subscription_id);

-- Notifications delivered and failed per day (UTC), for the platform's measurements.
CREATE TABLE context.notification_days (
  day date PRIMARY KEY,
  delivered bigint NOT NULL DEFAULT 0,
  failed bigint NOT NULL DEFAULT 0
);
