import type { RouteDefinition } from '../../defineRoute';
import addExcludedDomains from './addExcludedDomains';
import importCompanies from './importCompanies';
import listExcludedDomains from './listExcludedDomains';
import removeExcludedDomain from './removeExcludedDomain';

/** The master company database and exclusion-list routes, listed in ../index.ts as one entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const companyRoutes: ReadonlyArray<RouteDefinition<any>> = [listExcludedDomains, addExcludedDomains, removeExcludedDomain, importCompanies];
