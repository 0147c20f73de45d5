import { AppError } from '../../../domain/appError';
import type { EnrichmentSystem, EnrichmentTarget } from '../../../ports/enrichmentTarget';
import type { IntegrationDeps } from '../../integrations/integrationDeps';
import { withSalesforceTarget } from './salesforceTarget';

export type TargetOpener = <T>(orgId: string, deps: IntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>) => Promise<T>;

/** How each target system is opened (no switch on the system): Salesforce here, the MAPs from mapTargets.ts. */
const OPENERS: Partial<Record<EnrichmentSystem, TargetOpener>> = { salesforce: withSalesforceTarget };

export function registerEnrichmentTargets(openers: Partial<Record<EnrichmentSystem, TargetOpener>>): void {
  Object.assign(OPENERS, openers);
}

export function withEnrichmentTarget<T>(orgId: string, system: EnrichmentSystem, deps: IntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>): Promise<T> {
  const opener = OPENERS[system];
  if (!opener) throw new AppError('validation_failed', `Segment Name Enrichment cannot write to ${system} yet.`);
  return opener(orgId, deps, work);
}
