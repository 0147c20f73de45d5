-- Open company data sets (GLEIF, SEC EDGAR, Wikidata) describe the same company under their own ids. Each data
-- set's record is kept here, by its id in that set, and one master company gathers the records of several sets (at
-- most one per set): an import matches an incoming record against the companies already imported from the other
-- sets and merges it into the one it names, and a re-import finds its earlier record (and so its company) by id.
-- The company's columns are composed from its records, the earliest attached first (seq).
CREATE TABLE company_sources (
  source text NOT NULL,
  source_id text NOT NULL,
  company_id text NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  -- The record as the data set gave it at its last import (CompanyRecord, with its provenance).
  record jsonb NOT NULL,
  -- What other sets' records are matched on: the normalised names (legal and other names), the country (SEC's
  -- registrants count as US), the domains. Recomputed by the import when keys_version is not the current name
  -- normalisation's (rows copied below have none yet).
  name_keys text[] NOT NULL DEFAULT '{}',
  match_country char(2),
  domains text[] NOT NULL DEFAULT '{}',
  keys_version integer NOT NULL DEFAULT 0,
  PRIMARY KEY (source, source_id)
);
CREATE INDEX company_sources_company_idx ON company_sources (company_id, seq);
CREATE INDEX company_sources_name_keys_idx ON company_sources USING gin (name_keys);
CREATE INDEX company_sources_domains_idx ON company_sources USING gin (domains);

-- A company's other names (GLEIF trading, previous and transliterated names; other data sets' names for it): the
-- matcher finds the company by them too.
ALTER TABLE companies ADD COLUMN other_names text[] NOT NULL DEFAULT '{}';

-- Companies imported before this migration: their one record, as stored (other names were kept in firmographics).
INSERT INTO company_sources (source, source_id, company_id, record)
SELECT provenance ->> 'source', provenance ->> 'sourceId', id,
  jsonb_build_object(
    'id', id, 'name', name, 'domain', domain, 'otherDomains', to_jsonb(other_domains), 'country', country,
    'region', region, 'city', city, 'industry', industry, 'employeeRange', employee_range, 'revenueRange', revenue_range,
    'firmographics', firmographics - 'other_names',
    'otherNames', to_jsonb(CASE WHEN firmographics ? 'other_names' THEN string_to_array(firmographics ->> 'other_names', '; ') ELSE '{}'::text[] END),
    'provenance', provenance)
FROM companies
WHERE org_id IS NULL AND jsonb_typeof(provenance) = 'object' AND provenance ? 'source' AND provenance ? 'sourceId'
ON CONFLICT DO NOTHING;

-- Provenance becomes a list (one entry per data set the company was imported from); other names get their column.
UPDATE companies
SET provenance = jsonb_build_array(provenance),
  other_names = CASE WHEN firmographics ? 'other_names' THEN string_to_array(firmographics ->> 'other_names', '; ') ELSE other_names END,
  firmographics = firmographics - 'other_names'
WHERE jsonb_typeof(provenance) = 'object';
