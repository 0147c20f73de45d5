/**
 * API-call and storage estimate (conversational-email-salesforce.txt, "Number and frequency of API calls",
 * "Salesforce storage considerations"): the specification's worst case beside openabm's batched expectation.
 */
export const POLLS_PER_DAY = 96; // every 15 minutes
export const SPEC_REPORT_CALLS_PER_DAY = 200;
export const SPEC_WORST_CALLS_PER_ENROLLED = 4;
export const STORAGE_KB_PER_EMAIL = 1;
export const COLLECTION_BATCH = 200;

export interface EstimateInput {
  readonly watchedReports: number;
  readonly contacts: number;
  readonly emailsInMainSequence: number;
  readonly days: number;
  readonly isActivitySyncOn: boolean;
}

export interface Estimate {
  readonly reportCalls: number;
  readonly importCalls: number;
  readonly activityCalls: number;
  readonly completionCalls: number;
  readonly totalCalls: number;
  readonly storageMb: number;
}

/** The specification's example: 2 reports × 200 × 30 days, 2–4 per contact (worst 4), one per activity and completion. */
export function specWorstCase(input: EstimateInput): Estimate {
  const reportCalls = input.watchedReports * SPEC_REPORT_CALLS_PER_DAY * input.days;
  const importCalls = input.contacts * SPEC_WORST_CALLS_PER_ENROLLED;
  const activityCalls = input.isActivitySyncOn ? input.contacts * input.emailsInMainSequence : 0;
  const completionCalls = input.contacts;
  return total(reportCalls, importCalls, activityCalls, completionCalls, input);
}

/**
 * openabm: one report run per poll (96 a day), imports fetched 200 ids per query and written 200 records per
 * sObject Collections call, Tasks created 200 per call, completions written 200 per call.
 */
export function batchedExpectation(input: EstimateInput): Estimate {
  const batches = (count: number) => Math.ceil(count / COLLECTION_BATCH);
  const reportCalls = input.watchedReports * POLLS_PER_DAY * input.days;
  const importCalls = batches(input.contacts) * 2;
  const activityCalls = input.isActivitySyncOn ? batches(input.contacts) * input.emailsInMainSequence : 0;
  const completionCalls = batches(input.contacts);
  return total(reportCalls, importCalls, activityCalls, completionCalls, input);
}

function total(reportCalls: number, importCalls: number, activityCalls: number, completionCalls: number, input: EstimateInput): Estimate {
  const storageKb = input.isActivitySyncOn ? input.contacts * input.emailsInMainSequence * STORAGE_KB_PER_EMAIL : 0;
  return { reportCalls, importCalls, activityCalls, completionCalls, totalCalls: reportCalls + importCalls + activityCalls + completionCalls, storageMb: storageKb / 1000 };
}
