import {
  importMasterCompaniesLegacy,
  operatorCreateOrganization,
  operatorDeactivateOrganization,
  operatorImportMasterCompanies,
  operatorListOrganizations,
} from '../../../contracts/operator';
import { importCompaniesCsv } from '../../../usecases/companies/importCompaniesCsv';
import { createOrganization } from '../../../usecases/organizations/createOrganization';
import { deactivateOrganization } from '../../../usecases/organizations/deactivateOrganization';
import { listOrganizations } from '../../../usecases/organizations/listOrganizations';
import { defineOperatorRoute, MASTER_IS_OPERATOR_WORK, ORGANISATIONS_ARE_OPERATOR_WORK, type OperatorRouteDefinition } from './defineOperatorRoute';

const createOrganizationRoute = defineOperatorRoute({
  contract: operatorCreateOrganization,
  refusalForOrganisations: ORGANISATIONS_ARE_OPERATOR_WORK,
  handler: async ({ body, deps }) => createOrganization({ input: body }, deps),
});

const listOrganizationsRoute = defineOperatorRoute({
  contract: operatorListOrganizations,
  refusalForOrganisations: ORGANISATIONS_ARE_OPERATOR_WORK,
  handler: async ({ deps }) => listOrganizations(deps),
});

const deactivateOrganizationRoute = defineOperatorRoute({
  contract: operatorDeactivateOrganization,
  refusalForOrganisations: ORGANISATIONS_ARE_OPERATOR_WORK,
  handler: async ({ params, deps }) => deactivateOrganization({ input: { orgId: params.orgId } }, deps),
});

const importMasterCompaniesRoute = defineOperatorRoute({
  contract: operatorImportMasterCompanies,
  refusalForOrganisations: MASTER_IS_OPERATOR_WORK,
  handler: async ({ body, deps }) => importCompaniesCsv({ input: { csv: body.csv } }, deps),
});

/** The organisation route of old: organisation callers now get 403 and where to go; the operator may still use it. */
const importMasterCompaniesLegacyRoute = defineOperatorRoute({ ...importMasterCompaniesRoute, contract: importMasterCompaniesLegacy });

/** Every instance-operator route (registered beside routes/index.ts, outside tenancy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const operatorRoutes: ReadonlyArray<OperatorRouteDefinition<any>> = [
  createOrganizationRoute,
  listOrganizationsRoute,
  deactivateOrganizationRoute,
  importMasterCompaniesRoute,
  importMasterCompaniesLegacyRoute,
];
