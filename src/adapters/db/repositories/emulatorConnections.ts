import { and, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { adChannelConnections, crmConnections, mapConnections } from '../schema/index';
import type { AdChannelConnectionRow, AdChannelConnectionValues } from './adChannelConnections';
import type { CrmConnectionInsert, CrmConnectionRow } from './crmConnections';
import type { MapConnectionInsert, MapConnectionRow } from './mapConnections';

/**
 * Connections made to the sandbox's own provider emulators (environment 'emulator'), across organisations: read and
 * re-pointed once at sandbox start-up, before any request or job runs (reattachSandboxConnections). Each update still
 * filters on the row's orgId.
 */
export interface EmulatorConnections {
  readonly crm: CrmConnectionRow[];
  readonly map: MapConnectionRow[];
  readonly adChannel: AdChannelConnectionRow[];
}

export async function listEmulatorConnections(db: Db): Promise<EmulatorConnections> {
  const [crm, map, adChannel] = [
    await db.select().from(crmConnections).where(eq(crmConnections.environment, 'emulator')),
    await db.select().from(mapConnections).where(eq(mapConnections.environment, 'emulator')),
    await db.select().from(adChannelConnections).where(eq(adChannelConnections.environment, 'emulator')),
  ];
  return { crm, map, adChannel };
}

export async function updateEmulatorCrmConnection(db: Db, row: Pick<CrmConnectionRow, 'orgId' | 'id'>, patch: Partial<CrmConnectionInsert>): Promise<void> {
  await db.update(crmConnections).set(patch).where(and(eq(crmConnections.orgId, row.orgId), eq(crmConnections.id, row.id), eq(crmConnections.environment, 'emulator')));
}

export async function updateEmulatorMapConnection(db: Db, row: Pick<MapConnectionRow, 'orgId' | 'id'>, patch: Partial<MapConnectionInsert>): Promise<void> {
  await db.update(mapConnections).set(patch).where(and(eq(mapConnections.orgId, row.orgId), eq(mapConnections.id, row.id), eq(mapConnections.environment, 'emulator')));
}

export async function updateEmulatorAdChannelConnection(db: Db, row: Pick<AdChannelConnectionRow, 'orgId' | 'id'>, patch: Partial<AdChannelConnectionValues>): Promise<void> {
  await db
    .update(adChannelConnections)
    .set(patch)
    .where(and(eq(adChannelConnections.orgId, row.orgId), eq(adChannelConnections.id, row.id), eq(adChannelConnections.environment, 'emulator')));
}
