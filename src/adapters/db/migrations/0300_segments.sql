-- Segments (issue 5): folders, segments with their source and filter, the latest source rows with match outcomes
-- (the confirmation report), manual match overrides kept across refreshes, members, refresh history with diffs,
-- uploaded account lists, per-source company snapshots (for "Accounts in Salesforce Report"-style filters), CRM
-- account ↔ company links, and events for the notifications module. company_id is the master company id (text).

CREATE TABLE segment_folders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX segment_folders_org_name_key ON segment_folders (org_id, lower(name));

CREATE TABLE segments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  folder_id uuid REFERENCES segment_folders(id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source_type text NOT NULL CHECK (source_type IN ('crm_list', 'crm_report', 'upload', 'filters')),
  -- crm_list/crm_report: { provider, kind, sourceId, sourceName, objectType }; upload: { uploadId, fileName }; filters: {}.
  source_config jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The filter tree (domain/segments/filterTree.ts); null when the segment has no filter.
  filter jsonb,
  owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- pending: not built yet; ready: membership current; refreshing: a refresh runs;
  -- error: the source broke a rule, the last good membership is kept and updates stopped.
  status text NOT NULL CHECK (status IN ('pending', 'ready', 'refreshing', 'error')),
  status_message text,
  member_count integer NOT NULL DEFAULT 0,
  records_read integer NOT NULL DEFAULT 0,
  matched_count integer NOT NULL DEFAULT 0,
  unmatched_count integer NOT NULL DEFAULT 0,
  duplicate_count integer NOT NULL DEFAULT 0,
  last_refreshed_at timestamptz,
  last_attempted_at timestamptz,
  next_refresh_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX segments_org_idx ON segments (org_id, lower(name));
CREATE INDEX segments_due_idx ON segments (next_refresh_at) WHERE source_type <> 'upload';

-- The rows the source gave at the last successful refresh, with their match outcome: the confirmation report.
CREATE TABLE segment_source_rows (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  -- Stable across refreshes: the CRM external id, or name|domain|country for uploaded rows.
  row_key text NOT NULL,
  crm_object_type text,
  crm_external_id text,
  name text,
  domain text,
  country text,
  status text NOT NULL CHECK (status IN ('matched', 'unmatched', 'duplicate')),
  reason text,
  company_id text,
  score real,
  is_manual_match boolean NOT NULL DEFAULT false,
  -- Matched but left out by the segment's filters.
  is_filtered_out boolean NOT NULL DEFAULT false,
  candidates jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (segment_id, row_number)
);
CREATE INDEX segment_source_rows_org_idx ON segment_source_rows (org_id, segment_id, status);

-- A user's pick for an unmatched row: applied on every refresh while the row is still in the source.
CREATE TABLE segment_match_overrides (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  row_key text NOT NULL,
  company_id text NOT NULL,
  chosen_by uuid REFERENCES users(id) ON DELETE SET NULL,
  chosen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (segment_id, row_key)
);
CREATE INDEX segment_match_overrides_org_idx ON segment_match_overrides (org_id);

CREATE TABLE segment_members (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  company_id text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (segment_id, company_id)
);
CREATE INDEX segment_members_company_idx ON segment_members (org_id, company_id);

CREATE TABLE segment_refreshes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  trigger text NOT NULL CHECK (trigger IN ('create', 'schedule', 'manual', 'edit')),
  status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  error_message text,
  records_read integer NOT NULL DEFAULT 0,
  matched_count integer NOT NULL DEFAULT 0,
  unmatched_count integer NOT NULL DEFAULT 0,
  duplicate_count integer NOT NULL DEFAULT 0,
  member_count integer NOT NULL DEFAULT 0,
  added_count integer NOT NULL DEFAULT 0,
  removed_count integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL
);
CREATE INDEX segment_refreshes_segment_idx ON segment_refreshes (org_id, segment_id, started_at DESC);

CREATE TABLE segment_membership_changes (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  refresh_id uuid NOT NULL REFERENCES segment_refreshes(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  company_id text NOT NULL,
  change text NOT NULL CHECK (change IN ('added', 'removed')),
  why text NOT NULL,
  PRIMARY KEY (refresh_id, company_id)
);

CREATE TABLE uploaded_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  headers jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- { name, domain, country }: column positions (-1 = none).
  column_mapping jsonb NOT NULL,
  is_mapping_confirmed boolean NOT NULL,
  row_count integer NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploaded_lists_org_idx ON uploaded_lists (org_id, created_at DESC);

CREATE TABLE uploaded_list_rows (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  list_id uuid NOT NULL REFERENCES uploaded_lists(id) ON DELETE CASCADE,
  -- The file's line number (header = 1), for messages.
  line_number integer NOT NULL,
  cells jsonb NOT NULL,
  PRIMARY KEY (list_id, line_number)
);

-- The companies a CRM list/report or uploaded list resolved to when last read, for list/report filters.
-- source_key: crm:<provider>:<kind>:<id> or upload:<listId>.
CREATE TABLE segment_source_companies (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  source_key text NOT NULL,
  company_id text NOT NULL,
  PRIMARY KEY (org_id, source_key, company_id)
);

-- Which master company a synced CRM account was matched to (CRM & MAP field filters, account details).
CREATE TABLE crm_account_companies (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  external_id text NOT NULL,
  company_id text NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider, external_id)
);
CREATE INDEX crm_account_companies_company_idx ON crm_account_companies (org_id, company_id);

-- State changes the notifications module reads (refresh_failed with the spec's message, refresh_recovered).
CREATE TABLE segment_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid REFERENCES segments(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('refresh_failed', 'refresh_recovered')),
  message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE INDEX segment_events_unprocessed_idx ON segment_events (org_id, created_at) WHERE processed_at IS NULL;
