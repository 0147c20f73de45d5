-- An operator's CSV row of an open data company (company_id lei:…, cik:…, wikidata:Q…; source 'csv') is matched by
-- its id, an identifier claim as strong as the data sets' own: a GLEIF record, or a Wikidata item carrying the LEI,
-- joins the company the row of `lei:<LEI>` made, whichever came first. Such records were written with no match keys:
-- marked stale, the next open data import writes their identifier (`lei:<LEI>`, `cik:<10 digits>`, `wikidata:Q…`)
-- before it matches anything (refreshStaleMatchKeys).
UPDATE company_sources SET keys_version = 0 WHERE source = 'csv';
