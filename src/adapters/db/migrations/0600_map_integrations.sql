-- Marketing-automation integrations (issue 10): HubSpot, Marketo, Pardot and Eloqua connections with sealed secrets and
-- the same status model as the CRM connections. A table of their own so that the CRM sync, which lists crm_connections,
-- never meets a MAP provider. API usage per day reuses crm_api_usage (provider is free text there).

CREATE TABLE map_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('hubspot', 'marketo', 'pardot', 'eloqua')),
  auth_kind text NOT NULL CHECK (auth_kind IN ('oauth_code', 'client_credentials', 'basic')),
  status text NOT NULL CHECK (status IN ('connected', 'expiring', 'expired', 'reauth_required', 'api_limit_reached', 'error')),
  environment text NOT NULL CHECK (environment IN ('production', 'sandbox', 'emulator')),
  login_url text NOT NULL,
  -- Base URL of data calls (HubSpot api host, Marketo instance, Pardot host, Eloqua pod).
  instance_url text NOT NULL,
  client_id text NOT NULL,
  -- AES-256-GCM sealed (adapters/crypto/secretBox.ts); never plain text.
  client_secret_sealed text NOT NULL,
  access_token_sealed text NOT NULL,
  refresh_token_sealed text NOT NULL,
  -- Provider extras that are not secret: munchkinId, businessUnitId, siteName, userName, object.
  extra jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Eloqua Basic auth only: the password (sealed) for 'basic'.
  password_sealed text,
  credential_policy text NOT NULL CHECK (credential_policy IN ('never_expire', 'expire_every_90_days')),
  credentials_set_at timestamptz NOT NULL,
  token_expires_at timestamptz,
  external_org_id text,
  external_user_id text,
  daily_api_allowance integer NOT NULL CHECK (daily_api_allowance >= 0),
  status_reason text,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  connected_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX map_connections_org_provider_key ON map_connections (org_id, provider);

-- One row per OAuth round trip in flight (HubSpot, Pardot, Eloqua): the state is the key, single use, short-lived.
CREATE TABLE map_oauth_states (
  state_hash text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('hubspot', 'marketo', 'pardot', 'eloqua')),
  environment text NOT NULL,
  login_url text NOT NULL,
  client_id text NOT NULL,
  client_secret_sealed text NOT NULL,
  code_verifier_sealed text NOT NULL,
  extra jsonb NOT NULL DEFAULT '{}'::jsonb,
  daily_api_allowance integer,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX map_oauth_states_org_idx ON map_oauth_states (org_id);
