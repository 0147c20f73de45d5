-- Publishing segments (issue 10): where each segment is published, saved reports that use GTM segments, the
-- Segment Name Enrichment orchestrations with their runs and what openabm wrote per record, the Segments API
-- switch and its per-key rate windows.

-- One row per (segment, use). A segment counts once towards the 200 whatever the number of its uses.
CREATE TABLE segment_publications (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  use text NOT NULL CHECK (use IN ('enrichment', 'account_details', 'gtm', 'api')),
  published_by uuid REFERENCES users(id) ON DELETE SET NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, segment_id, use)
);
CREATE INDEX segment_publications_use_idx ON segment_publications (org_id, use);

-- Saved analytics objects that reference segments (a GTM segment they use cannot be unpublished).
CREATE TABLE saved_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('qualified_account_report', 'funnel_report', 'custom_qualification')),
  name text NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_reports_org_idx ON saved_reports (org_id);

CREATE TABLE saved_report_segments (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  report_id uuid NOT NULL REFERENCES saved_reports(id) ON DELETE CASCADE,
  segment_id uuid NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  PRIMARY KEY (report_id, segment_id)
);
CREATE INDEX saved_report_segments_segment_idx ON saved_report_segments (org_id, segment_id);

-- Segment Name Enrichment: one orchestration per target field.
CREATE TABLE enrichment_orchestrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  target_system text NOT NULL,
  target_object text NOT NULL,
  target_field text NOT NULL,
  field_label text,
  field_type text,
  field_length integer,
  conflict_policy text NOT NULL CHECK (conflict_policy IN ('overwrite', 'keep_others')),
  is_enabled boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX enrichment_orchestrations_target_key ON enrichment_orchestrations (org_id, target_system, target_object, lower(target_field));

-- One run (scheduled, on demand, or a dry run). `checkpoint` is the last record id fully handled: a run that
-- stopped (fault, API limit) resumes after it.
CREATE TABLE enrichment_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  orchestration_id uuid NOT NULL REFERENCES enrichment_orchestrations(id) ON DELETE CASCADE,
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  is_dry_run boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'interrupted', 'succeeded', 'failed')),
  checkpoint text,
  records_scanned integer NOT NULL DEFAULT 0,
  records_written integer NOT NULL DEFAULT 0,
  records_unchanged integer NOT NULL DEFAULT 0,
  records_skipped integer NOT NULL DEFAULT 0,
  records_failed integer NOT NULL DEFAULT 0,
  records_truncated integer NOT NULL DEFAULT 0,
  api_calls integer NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  error_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX enrichment_runs_orchestration_idx ON enrichment_runs (org_id, orchestration_id, created_at DESC);

-- Per record of a run: what changed, was skipped, failed (provider reason) or lost names that did not fit.
CREATE TABLE enrichment_run_items (
  org_id uuid NOT NULL,
  run_id uuid NOT NULL REFERENCES enrichment_runs(id) ON DELETE CASCADE,
  record_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('written', 'would_write', 'skipped', 'failed')),
  old_value text,
  new_value text,
  dropped_names jsonb NOT NULL DEFAULT '[]'::jsonb,
  reason text,
  PRIMARY KEY (run_id, record_id)
);

-- What openabm last wrote into each record's field, so "keep values openabm did not write" can tell them apart.
CREATE TABLE enrichment_written_values (
  org_id uuid NOT NULL,
  orchestration_id uuid NOT NULL REFERENCES enrichment_orchestrations(id) ON DELETE CASCADE,
  record_id text NOT NULL,
  value text,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (orchestration_id, record_id)
);

-- Settings > API: whether API keys read segments, and which ones.
CREATE TABLE segments_api_settings (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  is_enabled boolean NOT NULL DEFAULT false,
  scope text NOT NULL DEFAULT 'published' CHECK (scope IN ('published', 'all_active')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Requests per API key per fixed one-minute window (rate limit shared by every API process).
CREATE TABLE api_key_rate_windows (
  api_key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  window_start timestamptz NOT NULL,
  request_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (api_key_id, window_start)
);
