-- Issue 14: running work shows as running, hand fixes are logged as such, CRM sources are cached with the sync.
-- "Refresh now" queued but not yet picked up by a worker: the segment shows "Refresh queued" until its refresh claims it.
ALTER TABLE segments ADD COLUMN refresh_queued_at timestamptz;

-- A match fixed (or undone) by a user is its own kind of refresh, with who did it and what.
ALTER TABLE segment_refreshes DROP CONSTRAINT IF EXISTS segment_refreshes_trigger_check;
ALTER TABLE segment_refreshes ADD CONSTRAINT segment_refreshes_trigger_check CHECK (trigger IN ('create', 'schedule', 'manual', 'edit', 'manual_match'));
ALTER TABLE segment_refreshes ADD COLUMN triggered_by uuid REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE segment_refreshes ADD COLUMN note text;

-- The CRM's list views / reports with their rule checks, as last read (after each data sync, or in the background
-- when a page finds them stale): the Create a Segment page reads these instead of calling the CRM on every visit.
CREATE TABLE crm_source_cache (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  provider text NOT NULL,
  items jsonb NOT NULL DEFAULT '[]'::jsonb,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, provider)
);
