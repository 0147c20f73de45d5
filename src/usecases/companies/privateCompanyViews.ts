import type { CompanyRow } from '../../adapters/db/repositories/privateCompanies';
import type { PrivateCompanyView } from '../../contracts/companies';
import { externalCompanyId } from '../../domain/matching/privateCompanies';

export function toPrivateCompanyView(row: CompanyRow): PrivateCompanyView {
  return {
    id: row.id,
    companyId: externalCompanyId(row.id),
    name: row.name,
    domain: row.domain,
    country: row.country,
    industry: row.industry,
    employeeRange: row.employeeRange,
    createdAt: row.createdAt.toISOString(),
  };
}
