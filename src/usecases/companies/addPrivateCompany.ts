import { randomUUID } from 'node:crypto';
import { upsertCompanies } from '../../adapters/db/repositories/companies';
import { findMasterCompaniesByDomainCountry, findPrivateCompany } from '../../adapters/db/repositories/privateCompanies';
import { AppError } from '../../domain/appError';
import { toCompanyRecord } from '../../domain/matching/companyRecord';
import { privateCompanyId } from '../../domain/matching/privateCompanies';
import type { UseCaseDeps } from '../deps';
import { masterCollisionReason } from './importCompanies';
import { toPrivateCompanyView } from './privateCompanyViews';

const FORM_COLUMNS = ['company_id', 'name', 'domain', 'country', 'industry', 'employee_range'];

/** Adds one private company from the Settings form; its id is generated. */
export async function addPrivateCompany(
  { orgId, input }: { orgId: string; input: { name: string; domain?: string | undefined; country?: string | undefined; industry?: string | undefined; employeeRange?: string | undefined } },
  deps: Pick<UseCaseDeps, 'db'>,
) {
  const externalId = randomUUID().slice(0, 8);
  // The form's fields are validated exactly as a file's row is.
  const result = toCompanyRecord(FORM_COLUMNS, [externalId, input.name, input.domain ?? '', input.country ?? '', input.industry ?? '', input.employeeRange ?? '']);
  if (!result.isValid) throw new AppError('validation_failed', `${result.reason.charAt(0).toUpperCase()}${result.reason.slice(1)}.`);
  const company = result.company;
  if (company.domain) {
    const [master] = await findMasterCompaniesByDomainCountry(deps.db, [{ domain: company.domain, country: company.country }]);
    if (master) throw new AppError('conflict', masterCollisionReason(master).replace('; your accounts', '. Your accounts'));
  }
  const id = privateCompanyId(orgId, externalId);
  await upsertCompanies(deps.db, [{ ...company, id }], orgId);
  const stored = await findPrivateCompany(deps.db, orgId, id);
  if (!stored) throw new Error(`private company ${id} was not stored`);
  return { company: toPrivateCompanyView(stored) };
}
