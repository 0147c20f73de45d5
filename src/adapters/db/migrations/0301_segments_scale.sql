-- Segments at scale: the matching batch a segment re-uses, refresh order, fewer per-row foreign keys on the
-- high-volume tables, and company-profile indexes for filter counts. Written idempotently (IF [NOT] EXISTS).

-- The matching engine's batch holding this segment's per-row results; re-used (replaced) by each refresh.
ALTER TABLE segments ADD COLUMN IF NOT EXISTS match_batch_id uuid REFERENCES match_batches(id) ON DELETE SET NULL;

-- Insertion order: two refreshes in the same instant (a fix right after creation) still list newest first.
ALTER TABLE segment_refreshes ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX IF EXISTS segment_refreshes_segment_idx;
CREATE INDEX segment_refreshes_segment_idx ON segment_refreshes (org_id, segment_id, seq DESC);

-- High-volume tables keep one foreign key each: the segment's (or refresh's) cascade already removes their rows with
-- the organisation, and on PGlite every extra key cost about 1.2 s per 133,000 rows written.
ALTER TABLE segment_members DROP CONSTRAINT IF EXISTS segment_members_org_id_fkey;
ALTER TABLE segment_membership_changes DROP CONSTRAINT IF EXISTS segment_membership_changes_org_id_fkey;
ALTER TABLE segment_membership_changes DROP CONSTRAINT IF EXISTS segment_membership_changes_segment_id_fkey;

-- Filter segments count and select master companies by company profile; the typical filter is country + industry +
-- employee range (target: 1,000,000 companies counted in < 300 ms on PostgreSQL, < 1 s on PGlite).
CREATE INDEX IF NOT EXISTS companies_segment_profile_idx ON companies (country, industry, employee_range);
CREATE INDEX IF NOT EXISTS companies_segment_industry_idx ON companies (industry, employee_range);
