-- Where a master company was imported from when it came from an open data set (`openabm companies import
-- --format gleif|sec|wikidata`): {source, sourceId, dataset, licence, file, importedAt}. NULL for CSV imports.
ALTER TABLE companies ADD COLUMN provenance jsonb;
