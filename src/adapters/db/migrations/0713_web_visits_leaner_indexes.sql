-- Web visits, second pass at what each inserted row costs the database (issue 11; the first was 0712). Measured on
-- the backend's own CPU time, 1,000-row batches of realistic visits (random visitor ids), PostgreSQL 15: 14-17 µs a
-- row before, 10-11 µs after; a bare four-column table without indexes costs 5 µs.
-- * The identity primary key: nothing reads a visit by id or refers to one; the sequence and its b-tree were paid on
--   every row for nothing.
-- * The visitor index serves one statement, a privacy opt-out deleting one visitor's visits. Visitor ids are random,
--   so the b-tree took every insert at a random leaf; a hash index answers the same equality lookup at about a third
--   of the cost. The org stays in the statement's condition (checked on the few rows found).
ALTER TABLE web_visits DROP COLUMN id;
DROP INDEX web_visits_org_visitor_idx;
CREATE INDEX web_visits_visitor_idx ON web_visits USING hash (visitor_id);
