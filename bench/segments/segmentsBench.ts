// Segments at scale: filter counts over 1,000,000 master companies, storing a 100,000-account membership, and
// refreshing 1,000 segments of one organisation — through the real use cases, on PGlite and (with --pg) PostgreSQL.
// Run: npx tsx bench/segments/segmentsBench.ts [--pg postgres://user@host:port/db] [--companies 1000000] [--segments 1000]
//      [--only pglite|postgres] [--concurrency 1,4]
// The PostgreSQL database should be empty (it is migrated, and companies are replaced).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/adapters/db/database';
import { countFilterQuery } from '../../src/adapters/db/segments/compileFilter';
import { queryRows } from '../../src/adapters/db/segments/rows';
import { crmConnectors } from '../../src/adapters/connectors/registry';
import { testConfig } from '../../src/apps/config';
import { and, type FilterNode } from '../../src/domain/segments/filterTree';
import { systemClock } from '../../src/ports/clock';
import type { CrmRecord } from '../../src/ports/crmConnector';
import type { SegmentSourceReader } from '../../src/ports/segmentSources';
import { RecordingJobQueue } from '../../src/test/testApp';
import { buildMembership } from '../../src/usecases/segments/buildMembership';
import { createSegment } from '../../src/usecases/segments/createSegment';
import { refreshSegment } from '../../src/usecases/segments/refreshSegment';
import type { SegmentDeps } from '../../src/usecases/segments/segmentDeps';
import { storeMembership } from '../../src/usecases/segments/storeMembership';
import { insertSegment } from '../../src/adapters/db/segments/segmentsRepo';
import { organizations } from '../../src/adapters/db/schema/index';
import { loadMasterIndex } from '../../src/usecases/matching/loadMasterIndex';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]?.replace(/^--/, '') ?? '', process.argv[i + 1] ?? '');
const companyCount = Number(args.get('companies') ?? 1_000_000);
const segmentCount = Number(args.get('segments') ?? 1_000);
const reportRows = 200;
const concurrencies = (args.get('concurrency') ?? '1,4').split(',').map(Number);

const INDUSTRIES = ['Software', 'Retail', 'Manufacturing', 'Healthcare', 'Financial Services', 'Education', 'Construction', 'Media', 'Telecommunications', 'Energy', 'Transportation', 'Hospitality', 'Real Estate', 'Insurance', 'Pharmaceuticals', 'Legal', 'Government', 'Non-Profit', 'Agriculture', 'Aerospace'];
const EMPLOYEES = ['1 - 9', '10 - 49', '50 - 99', '100 - 499', '500 - 999', '1,000 - 4,999', '5,000 - 9,999', '10,000+'];
// US 20 %, DE 10 % (the 100,000-member segment), the rest spread.
const COUNTRIES = ['US', 'US', 'DE', 'GB', 'FR', 'IN', 'JP', 'BR', 'CA', 'AU'];

const typicalFilter: FilterNode = and(
  { kind: 'company_profile', field: 'country', operation: { op: 'in', values: ['US'] } },
  { kind: 'company_profile', field: 'industry', operation: { op: 'in', values: ['Software'] } },
  { kind: 'company_profile', field: 'employeeRange', operation: { op: 'in', values: ['1,000 - 4,999', '5,000 - 9,999'] } },
);

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function loadCompanies(database: Database): Promise<void> {
  await database.execScript('TRUNCATE companies');
  const batch = 100_000;
  for (let start = 1; start <= companyCount; start += batch) {
    const end = Math.min(companyCount, start + batch - 1);
    // Deterministic pseudo-random spread without correlation between the columns.
    await database.query(
      `INSERT INTO companies (id, name, domain, country, region, industry, employee_range, revenue_range)
       SELECT 'bc' || g, 'Benchco ' || to_hex(g * 2654435761 % 4294967296) || ' Holdings', 'benchco-' || g || '.example',
         ($1::text[])[1 + (g * 7 + g / 3) % 10], 'Region ' || (g % 7),
         ($2::text[])[1 + (g * 13 + g / 7) % 20], ($3::text[])[1 + (g * 31 + g / 11) % 8], 'Revenue ' || (g % 6)
       FROM generate_series($4::int, $5::int) g`,
      [COUNTRIES, INDUSTRIES, EMPLOYEES, start, end],
    );
  }
  await database.execScript('ANALYZE companies');
}

function depsFor(database: Database, reader: SegmentSourceReader): SegmentDeps {
  return { db: database.db, clock: systemClock, jobs: new RecordingJobQueue(), config: testConfig(), sandboxUrls: {}, connectors: crmConnectors, segmentSources: reader };
}

async function benchOne(kind: 'pglite' | 'postgres', databaseUrl: string | undefined): Promise<void> {
  console.log(`\n=== ${kind} ===`);
  const database = await openDatabase({ databaseUrl });
  const [, loadMs] = await timed(() => loadCompanies(database));
  console.log(`loaded ${companyCount.toLocaleString('en-US')} companies in ${(loadMs / 1000).toFixed(1)} s`);
  const [org] = await database.db.insert(organizations).values({ name: 'Bench' }).returning({ id: organizations.id });
  const orgId = org?.id ?? '';

  // 1. Filter count (country + industry + employee range), warm, 20 runs.
  const counts: number[] = [];
  let matchedCount = 0;
  for (let run = 0; run < 21; run++) {
    const [rows, took] = await timed(() => queryRows<{ n: number }>(database.db, countFilterQuery(orgId, typicalFilter)));
    matchedCount = rows[0]?.n ?? 0;
    if (run > 0) counts.push(took);
  }
  console.log(`filter count (${matchedCount.toLocaleString('en-US')} of ${companyCount.toLocaleString('en-US')}): p50 ${ms(percentile(counts, 50))}, p95 ${ms(percentile(counts, 95))}, min ${ms(Math.min(...counts))}`);

  // 2. A 100,000-account membership: compute (one query) and store (members + diff + history, one transaction).
  const records: CrmRecord[] = [];
  const deps = depsFor(database, {
    async readCrmSource(_o, input) {
      const segment = Number(input.sourceId.replace('bench-', ''));
      const rows = Array.from({ length: reportRows }, (_, r) => records[(segment * 7919 + r * 104_729) % records.length] as CrmRecord);
      return { name: input.sourceId, objectType: 'account', records: rows };
    },
  });
  const bigFilter: FilterNode = { kind: 'company_profile', field: 'country', operation: { op: 'equals', value: 'DE' } };
  const [built, buildMs] = await timed(() => buildMembership(orgId, { id: undefined, source: { type: 'filters' }, filter: bigFilter }, deps));
  const now = new Date();
  const segment = await insertSegment(database.db, orgId, { name: 'Germany', sourceType: 'filters', sourceConfig: {}, filter: bigFilter, status: 'pending', createdAt: now, updatedAt: now });
  const [stored, storeMs] = await timed(() => storeMembership(database.db, orgId, segment.id, built, { trigger: 'create', startedAt: now, now, wasInError: false }));
  console.log(`membership of ${stored.counts.members.toLocaleString('en-US')}: selected in ${ms(buildMs)}, stored in ${ms(storeMs)} (diff: ${stored.diff.added.length.toLocaleString('en-US')} added)`);
  const [again, againMs] = await timed(() => refreshSegment({ orgId, segmentId: segment.id, trigger: 'schedule' }, deps));
  console.log(`refresh of that segment with no change: ${ms(againMs)} (${again.kind})`);

  // 3. 1,000 segments of one org: 200-row reports matched against the master, a third narrowed by a filter.
  const sample = await queryRows<{ id: string; name: string; domain: string; country: string }>(database.db, sql`SELECT id, name, domain, country FROM companies ORDER BY id LIMIT 50000`);
  for (const company of sample) {
    records.push({ externalId: `001${company.id}`, objectType: 'account', name: company.name, website: `https://www.${company.domain}`, email: undefined, country: company.country, ownerExternalId: undefined, ownerName: 'Owner', accountExternalId: undefined, companyName: undefined, isConverted: undefined, convertedContactExternalId: undefined, modifiedAt: undefined, fields: {} });
  }
  const [, indexMs] = await timed(() => loadMasterIndex(database.db));
  console.log(`master index for matching built from the database in ${(indexMs / 1000).toFixed(1)} s (once per worker process)`);
  const segmentIds: string[] = [];
  const [, createMs] = await timed(async () => {
    for (let s = 0; s < segmentCount; s++) {
      const filter = s % 3 === 0 ? { kind: 'company_profile' as const, field: 'employeeRange' as const, operation: { op: 'in' as const, values: EMPLOYEES.slice(0, 4) } } : undefined;
      const created = await createSegment({ orgId, actor: undefined, input: { name: `Report ${s}`, source: { type: 'crm_report', provider: 'salesforce', sourceId: `bench-${s}` }, filter } }, deps);
      segmentIds.push(created.id);
    }
  });
  console.log(`created ${segmentCount} report segments (${reportRows} rows each) in ${(createMs / 1000).toFixed(1)} s`);
  for (const concurrency of concurrencies) {
    let next = 0;
    const perSegment: number[] = [];
    const [, refreshMs] = await timed(async () => {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < segmentIds.length) {
            const id = segmentIds[next++] as string;
            const [outcome, took] = await timed(() => refreshSegment({ orgId, segmentId: id, trigger: 'schedule' }, deps));
            if (outcome.kind !== 'refreshed') throw new Error(`refresh ${id}: ${outcome.kind}`);
            perSegment.push(took);
          }
        }),
      );
    });
    console.log(`refresh ${segmentCount} segments, ${concurrency} at a time: ${(refreshMs / 1000).toFixed(1)} s total, p50 ${ms(percentile(perSegment, 50))}, p95 ${ms(percentile(perSegment, 95))} per segment`);
  }
  console.log(`RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  await database.close();
}

const only = args.get('only');
if (only !== 'postgres') await benchOne('pglite', undefined);
if (only !== 'pglite' && args.get('pg')) await benchOne('postgres', args.get('pg'));
