import type { z } from 'zod';
import type { JobDefinition, ScheduleDefinition } from './defineJob';
import cleanUpSessions from './jobs/system/cleanUpSessions';
import crmRunDataSync from './jobs/crm/runDataSync';
import crmScheduleDataSyncs from './jobs/crm/scheduleDataSyncs';
import crmLinkAccounts from './jobs/crm/linkCrmAccounts';
import segmentsRefresh from './jobs/segments/refreshSegment';
import segmentsEnqueueDueRefreshes from './jobs/segments/enqueueDueRefreshes';
import segmentsRefreshCrmSources from './jobs/segments/refreshCrmSources';
import publishingRunEnrichment from './jobs/publishing/runEnrichment';
import publishingScheduleEnrichments from './jobs/publishing/scheduleEnrichments';
import { notificationJobs } from './jobs/notifications/index';
import adSyncsRun from './jobs/adSyncs/runSync';
import adSyncsEnqueueDue from './jobs/adSyncs/enqueueDueSyncs';
import { conversationalEmailJobs } from './jobs/conversationalEmail/index';

/** Every job the worker runs. Add yours here; `enqueueJob` is typed by this list. */
export const jobCatalog = [cleanUpSessions, crmRunDataSync, crmScheduleDataSyncs, crmLinkAccounts, segmentsRefresh, segmentsEnqueueDueRefreshes, segmentsRefreshCrmSources, publishingRunEnrichment, publishingScheduleEnrichments, ...notificationJobs, ...conversationalEmailJobs, adSyncsRun, adSyncsEnqueueDue] as const;

/** Recurring jobs (crons only enqueue). Later issues add daily segment refreshes and 15-minute report polls. */
export const schedules: readonly ScheduleDefinition[] = [
  { jobName: cleanUpSessions.name, cron: '17 3 * * *', payload: {} },
  // Daily CRM data sync (and credential-expiry check) for every connected org.
  { jobName: crmScheduleDataSyncs.name, cron: '30 2 * * *', payload: {} },
  // Hourly: enqueue the segments whose daily refresh is due (each refreshes 24 h after its last run).
  { jobName: segmentsEnqueueDueRefreshes.name, cron: '12 * * * *', payload: {} },
  // Daily Segment Name Enrichment, after the 02:30 CRM sync and the night's segment refreshes.
  { jobName: publishingScheduleEnrichments.name, cron: '40 4 * * *', payload: {} },
  // Notifications: the outbox every minute, alert conditions hourly (issue 11).
  { jobName: 'notifications.sweep', cron: '* * * * *', payload: {} },
  { jobName: 'notifications.evaluateAll', cron: '5 * * * *', payload: {} },
  // Ad syncs follow each segment refresh (within 5 minutes) and run daily (issue 9).
  { jobName: 'adSyncs.enqueueDue', cron: '*/5 * * * *', payload: {} },
  // Conversational Email: watched reports every 15 minutes; due e-mails and write-back retries every 5 (issue 12).
  { jobName: 'ce.report.pollAll', cron: '*/15 * * * *', payload: {} },
  { jobName: 'ce.send.all', cron: '*/5 * * * *', payload: {} },
];

type Catalog = (typeof jobCatalog)[number];
export type JobName = Catalog['name'];
export type JobPayload<N extends JobName> = z.input<Extract<Catalog, { name: N }>['payload']>;

export function findJob(name: string): JobDefinition | undefined {
  return (jobCatalog as readonly JobDefinition[]).find((job) => job.name === name);
}
