import type { SQL } from 'drizzle-orm';
import type { Db } from '../database';

/** Runs one SQL statement and returns its rows, on either driver (both answer { rows }). */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('the database driver returned no rows array');
  return rows as Row[];
}

export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
