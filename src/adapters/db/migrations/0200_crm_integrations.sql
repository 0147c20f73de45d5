-- CRM integrations (issue 4): connections with encrypted tokens, OAuth handshakes, API usage per day, sync cursors
-- and runs, and the synced CRM records keyed by (org_id, provider, external_id).

CREATE TABLE crm_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('salesforce', 'dynamics')),
  status text NOT NULL CHECK (status IN ('connected', 'expiring', 'expired', 'reauth_required', 'api_limit_reached', 'error')),
  environment text NOT NULL CHECK (environment IN ('production', 'sandbox', 'custom', 'emulator')),
  login_url text NOT NULL,
  resource_url text,
  instance_url text NOT NULL,
  client_id text NOT NULL,
  -- AES-256-GCM sealed (adapters/crypto/secretBox.ts); never plain text.
  client_secret_sealed text NOT NULL,
  access_token_sealed text NOT NULL,
  refresh_token_sealed text NOT NULL,
  credential_policy text NOT NULL CHECK (credential_policy IN ('never_expire', 'expire_every_90_days')),
  credentials_set_at timestamptz NOT NULL,
  external_org_id text,
  external_user_id text,
  daily_api_allowance integer NOT NULL CHECK (daily_api_allowance >= 0),
  status_reason text,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  first_full_sync_at timestamptz,
  last_sync_at timestamptz,
  connected_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX crm_connections_org_provider_key ON crm_connections (org_id, provider);

-- One row per OAuth round trip in flight: the state parameter is the key, single use, short-lived.
CREATE TABLE crm_oauth_states (
  state_hash text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('salesforce', 'dynamics')),
  environment text NOT NULL,
  login_url text NOT NULL,
  resource_url text,
  client_id text NOT NULL,
  client_secret_sealed text NOT NULL,
  code_verifier_sealed text NOT NULL,
  credential_policy text NOT NULL,
  daily_api_allowance integer,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crm_oauth_states_org_idx ON crm_oauth_states (org_id);

-- Every provider call, counted per org, provider and UTC day; the allowance is checked against call_count.
CREATE TABLE crm_api_usage (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  usage_day date NOT NULL,
  call_count integer NOT NULL DEFAULT 0,
  refused_count integer NOT NULL DEFAULT 0,
  provider_used integer,
  provider_max integer,
  limit_reached_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider, usage_day)
);

-- The daily sync's resumable position per object type.
CREATE TABLE crm_sync_cursors (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  object_type text NOT NULL CHECK (object_type IN ('account', 'contact', 'lead')),
  -- Stamp reached by the last completed run: the next run reads records modified at or after it.
  completed_stamp text,
  last_completed_run_id uuid,
  -- The run in progress: its starting point and the stamp of the last committed page.
  run_id uuid,
  run_since text,
  run_checkpoint text,
  run_pages integer NOT NULL DEFAULT 0,
  run_records integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider, object_type)
);

CREATE TABLE crm_sync_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'stopped_api_limit', 'stopped_reauth')),
  is_full boolean NOT NULL,
  records_synced integer NOT NULL DEFAULT 0,
  api_calls integer NOT NULL DEFAULT 0,
  error_message text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX crm_sync_runs_org_idx ON crm_sync_runs (org_id, provider, started_at DESC);

CREATE TABLE crm_accounts (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  external_id text NOT NULL,
  name text,
  website text,
  country text,
  owner_external_id text,
  owner_name text,
  modified_at timestamptz,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider, external_id)
);

CREATE TABLE crm_contacts (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  external_id text NOT NULL,
  name text,
  email text,
  country text,
  account_external_id text,
  company_name text,
  owner_external_id text,
  owner_name text,
  modified_at timestamptz,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider, external_id)
);
CREATE INDEX crm_contacts_account_idx ON crm_contacts (org_id, provider, account_external_id);

CREATE TABLE crm_leads (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  external_id text NOT NULL,
  name text,
  email text,
  website text,
  country text,
  company_name text,
  owner_external_id text,
  owner_name text,
  is_converted boolean,
  converted_account_external_id text,
  converted_contact_external_id text,
  modified_at timestamptz,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider, external_id)
);
