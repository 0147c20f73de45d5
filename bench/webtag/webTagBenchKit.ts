// What both web tag benches set up: the database, an organisation whose tag key and loopback IP range make every
// beacon count and resolve to a company, the beacon body, and autocannon's arguments for it.
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/database';
import { getOrCreateTagKey } from '../../src/adapters/db/repositories/webVisits';
import { cidrToRange } from '../../src/domain/webTag/ipRanges';
import { createTestOrg } from '../../src/test/createTestOrg';

export const autocannonBin = path.resolve(import.meta.dirname, '../../node_modules/.bin/autocannon');

/** PGlite in memory, or a fresh database `name` on BENCH_PG (dropped and created again). */
export async function openBenchDatabase(name: string): Promise<Database> {
  const server = process.env.BENCH_PG;
  if (!server) return openDatabase({});
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openDatabase({ databaseUrl: `${server}/${name}` });
}

/** An organisation with its tag key and 127.0.0.0/8 as a company's range; the beacon body a visitor would send. */
export async function seedTaggedOrg(database: Database, orgName: string, visitorId: string): Promise<{ orgId: string; body: string }> {
  const org = await createTestOrg(database, orgName);
  const tagKey = await getOrCreateTagKey(database.db, org.orgId);
  const loopback = cidrToRange('127.0.0.0/8');
  if (!loopback) throw new Error('127.0.0.0/8 did not parse');
  await database.query(`INSERT INTO web_ip_ranges (org_id, range_start, range_end, company_name, company_id) VALUES ($1, $2, $3, 'Loopback Inc', 'cmp-loopback')`, [
    org.orgId,
    loopback.start.toString(),
    loopback.end.toString(),
  ]);
  const body = JSON.stringify({ k: tagKey, v: visitorId, u: 'https://www.example.com/pricing?utm=bench', r: 'https://www.google.com/', t: Date.now() });
  return { orgId: org.orgId, body };
}

/** autocannon's request options for a beacon: a browser's content type and user agent (the bot filter lets it in). */
export function beaconRequestArgs(body: string, url: string): string[] {
  return ['-m', 'POST', '-H', 'content-type=text/plain;charset=UTF-8', '-H', 'user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', '-b', body, url];
}
