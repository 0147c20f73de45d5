-- Web visits arrive 20,000 a second at peak, each row written once and read in aggregate: per row, the insert's
-- server CPU is what limits the collector on a small machine (issue 11). Two costs go:
-- * the foreign key to organizations: a referential-integrity check per inserted row. Every visit's org comes from
--   a tag key the collector has just looked up, and organisations are never deleted while they have a tag; should
--   deleting organisations arrive, it deletes their visits explicitly.
-- * the company index over every visit: most visitors resolve to no company (no IP range holds them), and the
--   account details page only reads visits of a company. Partial now.
ALTER TABLE web_visits DROP CONSTRAINT IF EXISTS web_visits_org_id_fkey;
DROP INDEX web_visits_org_company_idx;
CREATE INDEX web_visits_org_company_idx ON web_visits (org_id, company_id, visited_at DESC) WHERE company_id IS NOT NULL;
