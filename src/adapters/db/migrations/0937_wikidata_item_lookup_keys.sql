-- A Wikidata item is found by its own id too (`wikidata:Q…`, mergeOpenData.ts matchKeysOf): the identifier an
-- operator's CSV row of `wikidata:Q…` claims (migration 0936). Items imported before that key existed carry only
-- their LEI and CIK, and an import adds it only when it writes the item again (keys of the current version are not
-- recomputed): added here, after the identifiers they carry as the import writes them, and as a lookup key.
WITH keyed AS (
  UPDATE company_sources SET identifiers = identifiers || ('wikidata:' || source_id)
  WHERE source = 'wikidata' AND source_id ~ '^Q[1-9][0-9]*$' AND NOT (('wikidata:' || source_id) = ANY (identifiers))
  RETURNING source, source_id
)
INSERT INTO company_source_keys (key, source, source_id)
SELECT 'wikidata:' || keyed.source_id, keyed.source, keyed.source_id FROM keyed
WHERE NOT EXISTS (
  SELECT 1 FROM company_source_keys AS existing
  WHERE existing.source = keyed.source AND existing.source_id = keyed.source_id AND existing.key = 'wikidata:' || keyed.source_id
);
