// Segment Name Enrichment of N Salesforce leads from the emulator (default 100,000): first run writes every changed
// record in sObject Collections of 200; the second run, with nothing changed, writes nothing.
// Usage: npx tsx bench/publish/enrichment.ts [leadCount]
import { openDatabase } from '../../src/adapters/db/database';
import { startSalesforceEmulator } from '../../src/adapters/emulators/salesforce/index';
import { createOrchestration } from '../../src/usecases/publishing/enrichment/createOrchestration';
import { connectedEnrichmentOrg, publishedEnrichmentSegment, runNow } from '../../src/usecases/publishing/enrichment/enrichmentTestKit';
import { listEnrichmentRuns } from '../../src/usecases/publishing/enrichment/listEnrichmentRuns';
import { seedCompanies } from '../../src/usecases/segments/segmentTestKit';

const leadCount = Number(process.argv[2] ?? 100_000);
const COLLECTIONS = '/services/data/v62.0/composite/sobjects';

async function main() {
  const database = await openDatabase({});
  const emulator = await startSalesforceEmulator({ accountCount: 0, contactCount: 0, leadCount: 0 });
  emulator.state.dailyApiLimit = 1_000_000;
  const { companies } = await seedCompanies(database, Array.from({ length: 100 }, (_, i) => ({ name: `Bench Co ${i}`, country: 'US' })));
  for (let i = 0; i < leadCount; i += 1) {
    const company = companies[i % companies.length];
    // Every tenth lead has a personal address: no account, nothing to write.
    emulator.state.insert('Lead', { LastName: `L${i}`, Company: 'x', Status: 'Open - Not Contacted', Email: i % 10 === 0 ? `p${i}@gmail.com` : `p${i}@${company?.domain}` });
  }
  let started = Date.now();
  const { org, deps, actor } = await connectedEnrichmentOrg(database, emulator, { dailyApiAllowance: 1_000_000 });
  console.log(`CRM sync of ${leadCount} leads: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await publishedEnrichmentSegment(database, org.orgId, 'Even Tier', companies.filter((_, i) => i % 2 === 0).map((company) => company.id));
  await publishedEnrichmentSegment(database, org.orgId, 'All Tier', companies.map((company) => company.id));
  const orchestration = await createOrchestration({ orgId: org.orgId, actor, input: { name: 'Bench', targetSystem: 'salesforce', targetObject: 'Lead', targetField: 'Segment_Names__c', conflictPolicy: 'keep_others' } }, deps);
  for (const label of ['first run', 'second run']) {
    const patchesBefore = emulator.server.requestsTo(COLLECTIONS, 'PATCH').length;
    started = Date.now();
    await runNow(deps, org.orgId, orchestration.id);
    const seconds = (Date.now() - started) / 1000;
    const [run] = (await listEnrichmentRuns({ orgId: org.orgId, actor, input: { orchestrationId: orchestration.id, page: 1, pageSize: 1 } }, deps)).runs;
    const patches = emulator.server.requestsTo(COLLECTIONS, 'PATCH').length - patchesBefore;
    console.log(
      `${label}: ${seconds.toFixed(1)} s, scanned ${run?.recordsScanned}, written ${run?.recordsWritten}, unchanged ${run?.recordsUnchanged}, ` +
        `API calls ${run?.apiCalls} (collections PATCH ${patches}, minimum ${Math.ceil((run?.recordsWritten ?? 0) / 200)}), RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
    deps.clock.advance(60_000);
  }
  await emulator.close();
  await database.close();
}

await main();
