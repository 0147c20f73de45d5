// The peer to beat: what a data engineer would write instead of our engine — a Splink-style matcher on DuckDB.
// Blocking on exact domain and on (first name token, country); Jaro-Winkler >= 0.92 on normalised names; the best
// candidate per row; later rows resolving to an already matched company are duplicates.
import { loadDuckDb } from './loadDuckDb';

export interface PeerResult {
  rowId: string;
  status: 'matched' | 'duplicate' | 'unmatched';
  companyId: string | null;
}

export interface PeerRun {
  loadMs: number;
  matchMs: number;
  /** CPU time of the whole process (all DuckDB threads) during the load and the match. */
  loadCpuMs: number;
  matchCpuMs: number;
  results: PeerResult[];
}

const legalSuffixes = ['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'ltd', 'limited', 'plc', 'llp', 'lp', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy', 'pty', 'pvt', 'kk'];

// SQL macros: the normalisation a careful engineer writes in SQL (lower case, accents, punctuation, "the", legal suffixes).
const macros = `
CREATE MACRO norm_name(n) AS trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  lower(strip_accents(coalesce(n, ''))), '&', ' and ', 'g'), '[^a-z0-9 ]+', ' ', 'g'),
  '^(the )|( (${legalSuffixes.join('|')}))+$', '', 'g'), '\\s+', ' ', 'g'));
CREATE MACRO norm_domain(d) AS nullif(regexp_replace(regexp_replace(regexp_replace(lower(trim(coalesce(d, ''))),
  '^.*@', ''), '^[a-z]+://', ''), '^www\\.|[/?#:].*$', '', 'g'), '');
CREATE MACRO norm_country(c) AS CASE
  WHEN c IS NULL OR trim(c) = '' THEN NULL
  WHEN length(trim(c)) = 2 THEN upper(trim(c))
  WHEN lower(regexp_replace(c, '[^A-Za-z]', '', 'g')) IN ('usa', 'us', 'unitedstates', 'unitedstatesofamerica', 'america') THEN 'US'
  WHEN lower(regexp_replace(c, '[^A-Za-z]', '', 'g')) IN ('uk', 'unitedkingdom', 'greatbritain', 'england', 'gbr') THEN 'GB'
  WHEN lower(regexp_replace(c, '[^A-Za-z]', '', 'g')) IN ('germany', 'deutschland', 'deu') THEN 'DE'
  WHEN lower(regexp_replace(c, '[^A-Za-z]', '', 'g')) IN ('france', 'fra') THEN 'FR'
  WHEN lower(regexp_replace(c, '[^A-Za-z]', '', 'g')) IN ('canada', 'can') THEN 'CA'
  WHEN lower(regexp_replace(c, '[^A-Za-z]', '', 'g')) IN ('india', 'ind') THEN 'IN'
  ELSE upper(left(trim(c), 2)) END;
`;

export async function runDuckDbPeer(masterCsv: string, accountsCsv: string): Promise<PeerRun> {
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(macros);
    const loadCpu = process.cpuUsage();
    const loadStart = performance.now();
    await connection.run(`
      CREATE TABLE m AS SELECT company_id, norm_name(name) AS nn, norm_domain(domain) AS dom, norm_country(country) AS cc
      FROM read_csv('${masterCsv}', header = true, all_varchar = true);
      CREATE TABLE mt AS SELECT *, split_part(nn, ' ', 1) AS tok FROM m;`);
    const loadMs = performance.now() - loadStart;
    const loadCpuMs = cpuMsSince(loadCpu);
    const matchCpu = process.cpuUsage();
    const matchStart = performance.now();
    const reader = await connection.runAndReadAll(`
      WITH raw AS (SELECT row_number() OVER () AS idx, * FROM read_csv('${accountsCsv}', header = true, all_varchar = true)),
      a AS (SELECT idx, row_id, norm_name(name) AS nn, split_part(norm_name(name), ' ', 1) AS tok,
                   norm_domain(domain) AS dom, norm_country(country) AS cc FROM raw),
      cand AS (
        SELECT a.idx, mt.company_id, 1 + jaro_winkler_similarity(a.nn, mt.nn) AS score
        FROM a JOIN mt ON a.dom = mt.dom
        UNION ALL
        SELECT a.idx, mt.company_id, jaro_winkler_similarity(a.nn, mt.nn) AS score
        FROM a JOIN mt ON a.tok = mt.tok AND a.tok <> '' AND (a.cc IS NULL OR mt.cc IS NULL OR a.cc = mt.cc)
        WHERE jaro_winkler_similarity(a.nn, mt.nn) >= 0.92
      ),
      best AS (SELECT idx, arg_max(company_id, score) AS company_id FROM cand GROUP BY idx),
      ranked AS (SELECT a.idx, a.row_id, best.company_id,
                        row_number() OVER (PARTITION BY best.company_id ORDER BY a.idx) AS nth
                 FROM a LEFT JOIN best USING (idx))
      SELECT row_id, company_id, nth FROM ranked ORDER BY idx`);
    const matchMs = performance.now() - matchStart;
    const matchCpuMs = cpuMsSince(matchCpu);
    const results: PeerResult[] = reader.getRowObjects().map((row) => {
      const companyId = row.company_id === null ? null : String(row.company_id);
      const status = companyId === null ? 'unmatched' : Number(row.nth) === 1 ? 'matched' : 'duplicate';
      return { rowId: String(row.row_id), status, companyId };
    });
    return { loadMs, matchMs, loadCpuMs, matchCpuMs, results };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
