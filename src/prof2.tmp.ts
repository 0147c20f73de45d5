import { openDatabase } from './adapters/db/database';
const d = await openDatabase({ migrate: false });
await d.execScript(`CREATE TABLE o (id uuid PRIMARY KEY); CREATE TABLE s (id uuid PRIMARY KEY, org_id uuid REFERENCES o(id));
INSERT INTO o VALUES ('00000000-0000-4000-8000-000000000001'); INSERT INTO s VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001');`);
const ids = Array.from({ length: 133_000 }, (_, i) => `bc${i}`);
const variants: Record<string, string> = {
  'pk only': `CREATE TABLE m1 (org_id uuid NOT NULL, segment_id uuid NOT NULL, company_id text NOT NULL, PRIMARY KEY (segment_id, company_id))`,
  'pk + idx': `CREATE TABLE m2 (org_id uuid NOT NULL, segment_id uuid NOT NULL, company_id text NOT NULL, PRIMARY KEY (segment_id, company_id)); CREATE INDEX ON m2 (org_id, company_id)`,
  'pk + idx + seg fk': `CREATE TABLE m3 (org_id uuid NOT NULL, segment_id uuid NOT NULL REFERENCES s(id) ON DELETE CASCADE, company_id text NOT NULL, PRIMARY KEY (segment_id, company_id)); CREATE INDEX ON m3 (org_id, company_id)`,
  'pk + idx + 2 fk': `CREATE TABLE m4 (org_id uuid NOT NULL REFERENCES o(id) ON DELETE CASCADE, segment_id uuid NOT NULL REFERENCES s(id) ON DELETE CASCADE, company_id text NOT NULL, PRIMARY KEY (segment_id, company_id)); CREATE INDEX ON m4 (org_id, company_id)`,
};
let n = 1;
for (const [name, ddl] of Object.entries(variants)) {
  await d.execScript(ddl);
  const s = performance.now();
  await d.query(`INSERT INTO m${n} SELECT '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', id FROM unnest($1::text[]) id`, [ids]);
  console.log(name, Math.round(performance.now() - s));
  n++;
}
await d.close();
