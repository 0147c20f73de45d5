-- Segment syncs to advertising channels (issue 9): per-user channel logins (sealed tokens), OAuth round trips,
-- integer member keys, per-channel member payloads, syncs, runs with their batch journal (crash-resume), per-record
-- rejections, alerts, and the organisation's sync settings (contracted limit, Google consent).

CREATE TABLE ad_channel_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('google', 'linkedin', 'meta')),
  status text NOT NULL CHECK (status IN ('connected', 'reauth_required')),
  environment text NOT NULL CHECK (environment IN ('production', 'emulator')),
  auth_base_url text NOT NULL,
  api_base_url text NOT NULL,
  client_id text NOT NULL,
  -- AES-256-GCM sealed (adapters/crypto/secretBox.ts); never plain text.
  client_secret_sealed text NOT NULL,
  access_token_sealed text NOT NULL,
  refresh_token_sealed text,
  developer_token_sealed text,
  access_expires_at timestamptz,
  -- LinkedIn: the refresh token's 365-day life (the yearly re-authentication).
  reauth_due_at timestamptz,
  status_reason text,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  connected_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ad_channel_connections_user_key ON ad_channel_connections (org_id, user_id, channel);

CREATE TABLE ad_channel_oauth_states (
  state_hash text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  channel text NOT NULL,
  environment text NOT NULL,
  auth_base_url text NOT NULL,
  api_base_url text NOT NULL,
  client_id text NOT NULL,
  client_secret_sealed text NOT NULL,
  code_verifier_sealed text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ad_channel_oauth_states_org_idx ON ad_channel_oauth_states (org_id);

-- Integer keys for audience members (companies and people) so membership sets are sorted integer arrays.
-- member_ref: company:<companyId> or person:<provider>:<contact|lead>:<externalId>.
CREATE TABLE ad_member_keys (
  member_key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  member_ref text NOT NULL
);
CREATE UNIQUE INDEX ad_member_keys_ref_key ON ad_member_keys (org_id, member_ref);

-- What was (or will be) sent for a member on a channel, so a removal can be sent after the CRM record is gone.
CREATE TABLE ad_member_payloads (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  channel text NOT NULL,
  member_key integer NOT NULL,
  label text NOT NULL,
  payload jsonb,
  rejection text,
  PRIMARY KEY (org_id, channel, member_key)
);

CREATE TABLE ad_syncs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('google', 'linkedin', 'meta')),
  ad_account_id text NOT NULL,
  ad_account_name text NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  -- The user whose channel login the sync runs on: whoever toggled it on last.
  runs_on_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('syncing', 'synced', 'inactive', 'failed')),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  audience_id text,
  audience_name text NOT NULL,
  channel_status text,
  matched_count integer,
  -- Sorted uint32 member keys (little-endian) the channel acknowledged, and those it refused last time.
  acked_members bytea NOT NULL DEFAULT '\x'::bytea,
  failed_members bytea NOT NULL DEFAULT '\x'::bytea,
  acked_count integer NOT NULL DEFAULT 0,
  last_synced_at timestamptz,
  -- The segment refresh the last successful run reflected (a newer one triggers a run).
  synced_segment_refresh_at timestamptz,
  next_run_at timestamptz,
  error_code text,
  error_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ad_syncs_triple_key ON ad_syncs (org_id, segment_id, channel, ad_account_id);
CREATE INDEX ad_syncs_org_status_idx ON ad_syncs (org_id, status, created_at DESC);

CREATE TABLE ad_sync_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  sync_id uuid NOT NULL REFERENCES ad_syncs(id) ON DELETE CASCADE,
  trigger text NOT NULL CHECK (trigger IN ('create', 'toggle_on', 'segment_refresh', 'schedule', 'manual')),
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  -- The segment's members when the run was planned (sorted uint32 keys): the run's target.
  target_members bytea NOT NULL DEFAULT '\x'::bytea,
  target_count integer NOT NULL DEFAULT 0,
  planned_add integer NOT NULL DEFAULT 0,
  planned_remove integer NOT NULL DEFAULT 0,
  planned_retry integer NOT NULL DEFAULT 0,
  added_count integer NOT NULL DEFAULT 0,
  removed_count integer NOT NULL DEFAULT 0,
  rejected_count integer NOT NULL DEFAULT 0,
  api_calls integer NOT NULL DEFAULT 0,
  note text,
  error_code text,
  error_message text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX ad_sync_runs_sync_idx ON ad_sync_runs (org_id, sync_id, seq DESC);

-- The run's journal: each batch as planned, then sent, then acknowledged (or failed). A resumed run skips
-- acknowledged batches, so nothing acknowledged is sent twice and nothing planned is lost.
CREATE TABLE ad_sync_batches (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  run_id uuid NOT NULL REFERENCES ad_sync_runs(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  operation text NOT NULL CHECK (operation IN ('add', 'remove')),
  member_keys bytea NOT NULL,
  member_count integer NOT NULL,
  status text NOT NULL CHECK (status IN ('planned', 'sent', 'acknowledged')),
  pending_request_id text,
  accepted_count integer NOT NULL DEFAULT 0,
  rejected_members bytea NOT NULL DEFAULT '\x'::bytea,
  sent_at timestamptz,
  acknowledged_at timestamptz,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE ad_sync_rejections (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  sync_id uuid NOT NULL REFERENCES ad_syncs(id) ON DELETE CASCADE,
  member_key integer NOT NULL,
  run_id uuid,
  label text NOT NULL,
  code text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sync_id, member_key)
);
CREATE INDEX ad_sync_rejections_org_idx ON ad_sync_rejections (org_id, sync_id);

-- Alerts that need attention (catalogue codes of domain/sync/errorCatalogue.ts); the notifications work reads them.
CREATE TABLE ad_sync_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  sync_id uuid NOT NULL REFERENCES ad_syncs(id) ON DELETE CASCADE,
  code text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  detail text,
  -- Who is told: the user the sync runs on, and the admins for errors.
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  processed_at timestamptz
);
CREATE INDEX ad_sync_alerts_open_idx ON ad_sync_alerts (org_id, sync_id) WHERE resolved_at IS NULL;

CREATE TABLE ad_sync_settings (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  -- Set by the operator; NULL = no limit.
  contracted_sync_limit integer CHECK (contracted_sync_limit >= 0),
  google_ad_user_data_consent text NOT NULL DEFAULT 'DENIED' CHECK (google_ad_user_data_consent IN ('GRANTED', 'DENIED')),
  google_ad_personalization_consent text NOT NULL DEFAULT 'DENIED' CHECK (google_ad_personalization_consent IN ('GRANTED', 'DENIED')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
