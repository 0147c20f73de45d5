import { describe, expect, it } from 'vitest';
import { enrichmentOutcomeLabel, enrichmentRunStatusLabel } from './enrichmentRunLabels';

describe('Segment Name Enrichment runs in words', () => {
  it('names every run state and record outcome', () => {
    expect(['queued', 'running', 'interrupted', 'succeeded', 'failed'].map(enrichmentRunStatusLabel)).toEqual(['Queued', 'Running', 'Interrupted', 'Succeeded', 'Failed']);
    expect(['written', 'would_write', 'skipped', 'failed'].map(enrichmentOutcomeLabel)).toEqual(['Written', 'Would be written', 'Skipped', 'Failed']);
  });

  it('reads a state it does not know as words', () => {
    expect(enrichmentRunStatusLabel('waiting_for_limit')).toBe('Waiting for limit');
  });
});
