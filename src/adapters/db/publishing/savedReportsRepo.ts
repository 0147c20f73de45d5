import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { savedReports, savedReportSegments } from '../schema/index';

export type SavedReportRow = typeof savedReports.$inferSelect;

export async function insertSavedReport(db: Db, orgId: string, values: { kind: string; name: string; createdBy: string | null; segmentIds: readonly string[]; now: Date }): Promise<SavedReportRow> {
  return db.transaction(async (tx) => {
    const [report] = await tx.insert(savedReports).values({ orgId, kind: values.kind, name: values.name, createdBy: values.createdBy, createdAt: values.now }).returning();
    if (!report) throw new Error('saved report insert returned nothing');
    if (values.segmentIds.length > 0) {
      await tx.insert(savedReportSegments).values([...new Set(values.segmentIds)].map((segmentId) => ({ orgId, reportId: report.id, segmentId })));
    }
    return report;
  });
}

export async function listSavedReportRows(db: Db, orgId: string): Promise<Array<SavedReportRow & { segmentIds: string[] }>> {
  const reports = await db.select().from(savedReports).where(eq(savedReports.orgId, orgId)).orderBy(desc(savedReports.createdAt));
  const links = await db.select().from(savedReportSegments).where(eq(savedReportSegments.orgId, orgId));
  return reports.map((report) => ({ ...report, segmentIds: links.filter((link) => link.reportId === report.id).map((link) => link.segmentId) }));
}

export async function deleteSavedReportRow(db: Db, orgId: string, reportId: string): Promise<boolean> {
  const deleted = await db.delete(savedReports).where(and(eq(savedReports.orgId, orgId), eq(savedReports.id, reportId))).returning({ id: savedReports.id });
  return deleted.length > 0;
}
