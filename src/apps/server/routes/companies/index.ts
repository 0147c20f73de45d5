import type { RouteDefinition } from '../../defineRoute';
import addExcludedDomains from './addExcludedDomains';
import addPrivateCompany from './addPrivateCompany';
import deletePrivateCompany from './deletePrivateCompany';
import getMatchSettings from './getMatchSettings';
import importPrivateCompanies from './importPrivateCompanies';
import listExcludedDomains from './listExcludedDomains';
import listPrivateCompanies from './listPrivateCompanies';
import removeExcludedDomain from './removeExcludedDomain';
import updateMatchSettings from './updateMatchSettings';

/**
 * The organisation's private companies and exclusion list, listed in ../index.ts as one entry. The master company
 * database is the instance operator's (../../operator/routes.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const companyRoutes: ReadonlyArray<RouteDefinition<any>> = [
  listExcludedDomains,
  addExcludedDomains,
  removeExcludedDomain,
  getMatchSettings,
  updateMatchSettings,
  listPrivateCompanies,
  addPrivateCompany,
  importPrivateCompanies,
  deletePrivateCompany,
];
