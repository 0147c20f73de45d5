-- Web visits: the visitor index back to a b-tree (issue 11; 0713 made it a hash index). A hash index keeps every row
-- of one visitor id in one bucket, and PostgreSQL walks a bucket's whole overflow chain on each insert into it: one id
-- with many rows makes each further row of it cost more. Measured on PostgreSQL 15 with 876,897 rows of one visitor
-- id (what the load benchmark sends, and what anyone holding an org's public tag key can send): COPY of 100,000 more
-- rows took 46.6 s with the hash index (2,150 rows/s — the collector's queue filled and beacons got 503) and 0.86 s
-- with a b-tree, which stores duplicates deduplicated at the right edge (45 MB hash index, 7.4 MB b-tree). With random
-- ids the b-tree costs more per row (300,000 rows with the time index beside it: 2.3-3.2 s against 2.0 s), a price
-- paid for a cost per row that no visitor id can drive up. It serves the same statement: a privacy opt-out deleting
-- one visitor's visits (the org stays in the condition).
DROP INDEX IF EXISTS web_visits_visitor_idx;
CREATE INDEX web_visits_visitor_idx ON web_visits (visitor_id);
