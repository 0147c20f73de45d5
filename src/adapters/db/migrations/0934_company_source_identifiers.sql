-- Exact identifiers of open data records (LEI, SEC CIK), beside their name keys and domains: a GLEIF record's LEI,
-- an SEC record's CIK (10 digits), a Wikidata item's LEI (P1278) and CIK (P5531). An import merges a record with the
-- company holding a record of another data set that carries the same identifier before it looks at names and
-- domains. Written `lei:<LEI>` and `cik:<10 digits>`, here and as keys in company_source_keys.
ALTER TABLE company_sources ADD COLUMN identifiers text[] NOT NULL DEFAULT '{}';

-- Records imported before: GLEIF's and SEC's carry their own id (Wikidata exports had no identifier columns).
UPDATE company_sources SET identifiers = ARRAY['lei:' || source_id] WHERE source = 'gleif';
UPDATE company_sources SET identifiers = ARRAY['cik:' || source_id] WHERE source = 'sec';

INSERT INTO company_source_keys (key, source, source_id)
SELECT identifier, source, source_id FROM company_sources, unnest(identifiers) AS identifier;
