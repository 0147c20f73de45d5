-- System notifications (issue 11): events raised by every area, the outbox of e-mails written in the same
-- transaction as the event, the in-app notification centre, recipients per notification type, the open alert
-- conditions (so an alert is sent once when its condition starts) and the org's alert thresholds.

CREATE TABLE notification_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  type text NOT NULL,
  -- The recipient group (credential_expiration, api_limits, …) the type belongs to.
  category text NOT NULL,
  -- An event with the same key in the same org is never raised twice.
  dedupe_key text NOT NULL,
  subject_id text,
  facts jsonb NOT NULL DEFAULT '{}'::jsonb,
  severity text NOT NULL CHECK (severity IN ('alert', 'recovery', 'info')),
  title text NOT NULL,
  body_text text NOT NULL,
  body_html text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_events_dedupe_key ON notification_events (org_id, dedupe_key);
CREATE INDEX notification_events_org_created_idx ON notification_events (org_id, created_at DESC);

-- One row per (event, address): the delivery job claims a row before sending, so a message is never sent twice.
CREATE TABLE notification_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES notification_events(id) ON DELETE CASCADE,
  address text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'bounced', 'failed')),
  attempt_count integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  message_id text NOT NULL,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_outbox_event_address_key ON notification_outbox (event_id, lower(address));
CREATE INDEX notification_outbox_due_idx ON notification_outbox (status, next_attempt_at);

-- The notification centre: one row per (event, user) who receives it.
CREATE TABLE notification_inbox (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES notification_events(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX notification_inbox_user_idx ON notification_inbox (org_id, user_id, created_at DESC);

-- Extra recipients per category (the primary administrator always receives everything): a user of the org, or an
-- outside address that confirms by link (confirm_token_hash is the sha256 of the link's token).
CREATE TABLE notification_recipients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  category text NOT NULL,
  email text NOT NULL,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  confirm_token_hash text,
  confirmed_at timestamptz,
  added_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_recipients_key ON notification_recipients (org_id, category, lower(email));

-- Alert conditions that are on now: raising again while open does nothing; resolving one allows the next start.
CREATE TABLE notification_conditions (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  condition_key text NOT NULL,
  occurrence integer NOT NULL DEFAULT 1,
  started_at timestamptz NOT NULL,
  resolved_at timestamptz,
  facts jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (org_id, condition_key)
);

CREATE TABLE notification_settings (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  expiry_warning_days integer[] NOT NULL DEFAULT '{14,3}',
  visit_drop_percent integer NOT NULL DEFAULT 50 CHECK (visit_drop_percent BETWEEN 1 AND 100),
  min_tracked_pages integer NOT NULL DEFAULT 5 CHECK (min_tracked_pages >= 1),
  sync_delay_hours integer NOT NULL DEFAULT 6 CHECK (sync_delay_hours BETWEEN 1 AND 23),
  updated_at timestamptz NOT NULL DEFAULT now()
);
