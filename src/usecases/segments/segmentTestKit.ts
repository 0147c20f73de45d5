// Test helpers for segment tests (not used by the app): master companies with a per-test tag, and an in-memory
// CRM source reader that behaves like usecases/integrations/fetchCrmSource (AppError with the spec's message).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../adapters/db/database';
import { upsertCompanies } from '../../adapters/db/repositories/companies';
import { AppError } from '../../domain/appError';
import type { CrmRecord } from '../../ports/crmConnector';
import type { CrmSegmentSource, SegmentSourceReader } from '../../ports/segmentSources';

export interface TestCompany {
  id: string;
  name: string;
  domain: string;
  country: string;
  industry?: string;
  employeeRange?: string;
  revenueRange?: string;
  region?: string;
}

/** Companies named "<name> <tag>" with domains "<slug>-<tag>.example", so tests sharing a database never collide. */
export async function seedCompanies(database: Database, specs: ReadonlyArray<Omit<TestCompany, 'id' | 'domain'> & { domain?: string }>): Promise<{ tag: string; companies: TestCompany[] }> {
  const tag = randomUUID().slice(0, 8);
  const companies = specs.map((spec, i) => ({
    ...spec,
    id: `co-${tag}-${i + 1}`,
    name: `${spec.name} ${tag}`,
    domain: spec.domain ?? `${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}-${tag}.com`,
  }));
  await upsertCompanies(
    database.db,
    companies.map((c) => ({
      id: c.id,
      name: c.name,
      domain: c.domain,
      otherDomains: [],
      country: c.country,
      region: c.region ?? null,
      city: null,
      industry: c.industry ?? null,
      employeeRange: c.employeeRange ?? null,
      revenueRange: c.revenueRange ?? null,
      firmographics: {},
    })),
  );
  return { tag, companies };
}

export function crmAccount(externalId: string, company: Pick<TestCompany, 'name' | 'domain' | 'country'>, extra: Partial<CrmRecord> = {}): CrmRecord {
  return {
    externalId,
    objectType: 'account',
    name: company.name,
    website: `https://www.${company.domain}`,
    email: undefined,
    country: company.country,
    ownerExternalId: '005A',
    ownerName: 'Ada Owner',
    accountExternalId: undefined,
    companyName: undefined,
    isConverted: undefined,
    convertedContactExternalId: undefined,
    modifiedAt: undefined,
    fields: {},
    ...extra,
  };
}

/** A CRM whose lists and reports tests set and break between refreshes. */
export class FakeCrmSources implements SegmentSourceReader {
  readonly sources = new Map<string, CrmSegmentSource | AppError>();
  readonly reads: string[] = [];

  set(sourceId: string, source: CrmSegmentSource | AppError): void {
    this.sources.set(sourceId, source);
  }

  /** A failure as fetchCrmSource reports it (domain/crmSources/messages.ts text, crmErrorKind). */
  static failure(message: string, crmErrorKind: 'permanent' | 'reauth' | 'api_limit' | 'retry' = 'permanent'): AppError {
    const code = crmErrorKind === 'api_limit' ? 'limit_reached' : crmErrorKind === 'retry' ? 'rate_limited' : crmErrorKind === 'reauth' ? 'provider_error' : 'validation_failed';
    return new AppError(code, message, { crmErrorKind, crmErrorCode: 'test' });
  }

  async readCrmSource(_orgId: string, input: { provider: string; kind: string; sourceId: string }): Promise<CrmSegmentSource> {
    this.reads.push(`${input.provider}:${input.kind}:${input.sourceId}`);
    const source = this.sources.get(input.sourceId);
    if (!source) throw FakeCrmSources.failure('The selected CRM list or report no longer exists or is not visible to the integration user.');
    if (source instanceof AppError) throw source;
    return source;
  }
}

/** Segment activations tests set (ad syncs / publishing do not exist yet). */
export class FakeActivations {
  readonly bySegment = new Map<string, { activeSyncCount: number; isPublished: boolean }>();
  async activationsOf(_orgId: string, segmentIds: readonly string[]) {
    return new Map(segmentIds.flatMap((id) => {
      const found = this.bySegment.get(id);
      return found ? [[id, found] as const] : [];
    }));
  }
}
