-- Conversational Email (issue 12): e-mail assistants, campaigns fed by Salesforce reports, the people imported from
-- them, one conversation per person and campaign with its messages, the Salesforce write-back journal and the
-- per-campaign API call counter.

-- Per organisation: where values go in Salesforce, whether activities sync, the last pre-flight check.
CREATE TABLE ce_settings (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  field_mode text NOT NULL DEFAULT 'openabm' CHECK (field_mode IN ('openabm', 'sixsense_v2', 'sw01')),
  -- Logical value (status, lastSyncedAt, campaignName…) → field API name, per object ({"lead": {...}, "contact": {...}}).
  field_map jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The Do Not Contact field written on DNC intent (a checkbox on Lead and Contact); null: not written.
  dnc_field text,
  is_activity_sync_on boolean NOT NULL DEFAULT true,
  fields_ready_at timestamptz,
  preflight jsonb,
  preflight_at timestamptz,
  -- sha256 of the secret in the inbound webhook URL.
  inbound_token_hash text,
  -- Share of the org's daily Salesforce allowance kept for the CRM sync; CE polling pauses before eating into it.
  crm_reserved_share_percent integer NOT NULL DEFAULT 40 CHECK (crm_reserved_share_percent BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ce_assistants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,
  signature text NOT NULL DEFAULT '',
  daily_send_cap integer NOT NULL CHECK (daily_send_cap > 0),
  -- Sales rep cc'd on the hand-off when the lead or contact has no owner e-mail.
  handoff_rep_email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ce_assistants_org_email_key ON ce_assistants (org_id, lower(email));

CREATE TABLE ce_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  assistant_id uuid NOT NULL REFERENCES ce_assistants(id) ON DELETE RESTRICT,
  status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'ended', 'canceled')),
  -- [{subject, body, delayDays}] and [{name, steps: [...]}]
  main_sequence jsonb NOT NULL,
  follow_up_sequences jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- {timeZone, startHour, endHour, weekdays: [1..7]}
  business_hours jsonb NOT NULL,
  report_id text,
  report_name text,
  report_object text CHECK (report_object IN ('lead', 'contact')),
  is_auto_import boolean NOT NULL DEFAULT true,
  daily_api_call_cap integer NOT NULL DEFAULT 300 CHECK (daily_api_call_cap > 0),
  -- Polling paused because the campaign's daily call cap or the org's CE share was reached; resumes on its own.
  api_paused_reason text,
  api_paused_at timestamptz,
  starts_at timestamptz,
  last_polled_at timestamptz,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  creator_name text NOT NULL DEFAULT '',
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ce_campaigns_org_status_idx ON ce_campaigns (org_id, status);

-- Leads and contacts imported from Salesforce (one row per CRM record).
CREATE TABLE ce_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  crm_object text NOT NULL CHECK (crm_object IN ('lead', 'contact')),
  crm_id text NOT NULL,
  email text,
  first_name text,
  last_name text,
  owner_id text,
  owner_email text,
  -- Lead, contact and account fields for merge tags ({"FirstName": …, "Account.Name": …}).
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_do_not_contact boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ce_people_org_crm_key ON ce_people (org_id, crm_object, crm_id);
CREATE INDEX ce_people_org_email_idx ON ce_people (org_id, lower(email));

-- Every report row a campaign has seen and what became of it (enrolled / Unsynced / Import Error / Enrollment Error).
CREATE TABLE ce_report_rows (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES ce_campaigns(id) ON DELETE CASCADE,
  crm_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('enrolled', 'unsynced', 'import_error', 'enrollment_error')),
  reason text,
  email text,
  first_seen_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (campaign_id, crm_id)
);
CREATE INDEX ce_report_rows_org_idx ON ce_report_rows (org_id, campaign_id, outcome);

CREATE TABLE ce_conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES ce_campaigns(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES ce_people(id) ON DELETE CASCADE,
  status text NOT NULL,
  is_paused boolean NOT NULL DEFAULT false,
  -- Index into the main sequence of the next e-mail to send.
  next_step integer NOT NULL DEFAULT 0,
  next_send_at timestamptz,
  resume_after timestamptz,
  -- Unique local part of the reply-to address (reply+<token>@…).
  reply_token text NOT NULL UNIQUE,
  has_replied boolean NOT NULL DEFAULT false,
  last_intent text,
  review_reason text,
  is_bounced boolean NOT NULL DEFAULT false,
  enrolled_via text NOT NULL CHECK (enrolled_via IN ('report', 'manual')),
  enrolled_at timestamptz NOT NULL,
  ended_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ce_conversations_campaign_person_key ON ce_conversations (campaign_id, person_id);
CREATE INDEX ce_conversations_due_idx ON ce_conversations (org_id, next_send_at);

CREATE TABLE ce_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES ce_conversations(id) ON DELETE CASCADE,
  assistant_id uuid REFERENCES ce_assistants(id) ON DELETE SET NULL,
  direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
  kind text NOT NULL CHECK (kind IN ('sequence', 'handoff', 'reply', 'bounce')),
  message_id text NOT NULL,
  in_reply_to text,
  from_address text NOT NULL,
  to_address text NOT NULL,
  cc text,
  subject text NOT NULL,
  body_text text NOT NULL,
  intent text,
  delivery text NOT NULL CHECK (delivery IN ('sent', 'bounced', 'received')),
  delivery_detail text,
  created_at timestamptz NOT NULL
);
CREATE INDEX ce_messages_conversation_idx ON ce_messages (org_id, conversation_id, created_at);
CREATE INDEX ce_messages_message_id_idx ON ce_messages (message_id);
CREATE INDEX ce_messages_assistant_day_idx ON ce_messages (assistant_id, created_at);

-- Salesforce write-back journal: one row per intended write, keyed for idempotency; crash-safe (see flushCeWrites).
CREATE TABLE ce_writes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('fields', 'task')),
  crm_object text NOT NULL CHECK (crm_object IN ('lead', 'contact')),
  crm_id text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'in_flight', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  salesforce_id text,
  error text,
  in_flight_since timestamptz,
  created_at timestamptz NOT NULL,
  done_at timestamptz
);
CREATE UNIQUE INDEX ce_writes_org_key ON ce_writes (org_id, idempotency_key);
CREATE INDEX ce_writes_org_status_idx ON ce_writes (org_id, status, created_at);

-- Salesforce calls made for each campaign per UTC day (the live counter and the daily cap).
CREATE TABLE ce_api_usage (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES ce_campaigns(id) ON DELETE CASCADE,
  usage_day date NOT NULL,
  call_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, usage_day)
);
CREATE INDEX ce_api_usage_org_idx ON ce_api_usage (org_id, usage_day);
