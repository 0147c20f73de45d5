-- The master company database's version: bumped by any statement that inserts, updates or deletes master
-- companies (org_id NULL), so a process reads one row to know whether its master index (and the index snapshot
-- saved for that version) is still current, instead of counting a million companies per match. instance_id tells
-- one database's versions from another's (snapshots live in a data directory that could meet another database).
CREATE TABLE master_companies_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  instance_id uuid NOT NULL DEFAULT gen_random_uuid(),
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO master_companies_state DEFAULT VALUES;

CREATE FUNCTION bump_master_companies_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_companies WHERE org_id IS NULL) THEN
    UPDATE master_companies_state SET version = version + 1, changed_at = now();
  END IF;
  RETURN NULL;
END
$$;

-- One trigger per event: a trigger with transition tables takes a single event.
CREATE TRIGGER companies_master_version_insert AFTER INSERT ON companies
  REFERENCING NEW TABLE AS changed_companies FOR EACH STATEMENT EXECUTE FUNCTION bump_master_companies_version();
CREATE TRIGGER companies_master_version_update AFTER UPDATE ON companies
  REFERENCING NEW TABLE AS changed_companies FOR EACH STATEMENT EXECUTE FUNCTION bump_master_companies_version();
CREATE TRIGGER companies_master_version_delete AFTER DELETE ON companies
  REFERENCING OLD TABLE AS changed_companies FOR EACH STATEMENT EXECUTE FUNCTION bump_master_companies_version();
