import type { JobQueue } from '../../../ports/jobQueue';
import type { IntegrationDeps } from '../../integrations/integrationDeps';

export const RUN_ENRICHMENT_JOB = 'publishing.enrichment.run';

/** What the enrichment use cases need: the integrations (sessions, budget) and the queue. AppDeps satisfies it. */
export interface EnrichmentDeps extends IntegrationDeps {
  readonly jobs: JobQueue;
}
