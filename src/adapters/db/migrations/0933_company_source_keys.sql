-- The match keys of open data records (company_sources.name_keys and domains) as rows with a plain b-tree index. An
-- import looks up the ~2,500 keys of each batch of records: `key = ANY(…)` on this index is one probe per key, where
-- the array-overlap (&&) search over the GIN indexes grew with the table (a first 50,000-record GLEIF import spent
-- most of its 85–100 s there). Name keys are written `n:<key>`, domains `d:<domain>`. The arrays stay on
-- company_sources (the import reads them back); this table is rewritten with them by the import.
CREATE TABLE company_source_keys (
  key text NOT NULL,
  source text NOT NULL,
  source_id text NOT NULL,
  FOREIGN KEY (source, source_id) REFERENCES company_sources (source, source_id) ON DELETE CASCADE
);
CREATE INDEX company_source_keys_key_idx ON company_source_keys (key);
CREATE INDEX company_source_keys_record_idx ON company_source_keys (source, source_id);

INSERT INTO company_source_keys (key, source, source_id)
SELECT DISTINCT 'n:' || name_key, source, source_id FROM company_sources, unnest(name_keys) AS name_key
UNION
SELECT DISTINCT 'd:' || domain, source, source_id FROM company_sources, unnest(domains) AS domain;

DROP INDEX company_sources_name_keys_idx;
DROP INDEX company_sources_domains_idx;
