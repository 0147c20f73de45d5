import { AppError } from '../../../domain/appError';
import type { EnrichmentSystem, EnrichmentTarget } from '../../../ports/enrichmentTarget';
import type { IntegrationDeps } from '../../integrations/integrationDeps';
import { MAP_TARGET_OPENERS } from './mapTargets';
import { withSalesforceTarget } from './salesforceTarget';

export type TargetOpener = <T>(orgId: string, deps: IntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>) => Promise<T>;

/** How each target system is opened (no switch on the system): Salesforce through the CRM session, the MAPs from mapTargets.ts. */
const OPENERS: Readonly<Record<EnrichmentSystem, TargetOpener>> = { salesforce: withSalesforceTarget, ...MAP_TARGET_OPENERS };

export function withEnrichmentTarget<T>(orgId: string, system: EnrichmentSystem, deps: IntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>): Promise<T> {
  const opener = OPENERS[system] as TargetOpener | undefined;
  if (!opener) throw new AppError('validation_failed', `Segment Name Enrichment cannot write to ${system}.`);
  return opener(orgId, deps, work);
}
