import { labelFor } from '../inWords';

/** Segment Name Enrichment run states in words (Settings > Orchestrations showed `succeeded`, `interrupted`). */
export const ENRICHMENT_RUN_STATUS_LABELS: Readonly<Record<string, string>> = {
  queued: 'Queued',
  running: 'Running',
  interrupted: 'Interrupted',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

/** What happened to one record in a run (the run's records list). */
export const ENRICHMENT_OUTCOME_LABELS: Readonly<Record<string, string>> = {
  written: 'Written',
  would_write: 'Would be written',
  skipped: 'Skipped',
  failed: 'Failed',
};

export function enrichmentRunStatusLabel(status: string): string {
  return labelFor(ENRICHMENT_RUN_STATUS_LABELS, status);
}

export function enrichmentOutcomeLabel(outcome: string): string {
  return labelFor(ENRICHMENT_OUTCOME_LABELS, outcome);
}
