import type { PreflightFacts } from '../domain/conversationalEmail/preflight';
import type { ReportFacts } from '../domain/conversationalEmail/reportEligibility';
import type { CrmCallContext } from './crmConnector';

/**
 * What Conversational Email needs from the CRM (Salesforce; issue 12). Every call goes through the CrmCallContext, so
 * it is counted against the org's allowance like any other provider call. Implemented by
 * adapters/connectors/salesforce/ceWrites.ts + ceReports.ts.
 */
export type PersonObject = 'lead' | 'contact';

export interface CeReportDescription extends ReportFacts {
  readonly id: string;
  readonly name: string;
}

export interface CePersonRecord {
  readonly crmId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly ownerId: string | null;
  readonly ownerEmail: string | null;
  /** Lead, contact and account values for merge tags: FirstName, LastName, Title, Company, Account.Name, … */
  readonly fields: Readonly<Record<string, string | null>>;
  readonly isDoNotContact: boolean;
}

export interface CeRecordUpdate {
  readonly object: PersonObject;
  readonly crmId: string;
  readonly fields: Readonly<Record<string, string | boolean | null>>;
}

export interface CeTaskInput {
  readonly whoId: string;
  readonly subject: string;
  readonly activityDate: string;
  readonly status: 'Completed' | 'Not Started';
  readonly priority: 'High' | 'Normal' | 'Low';
  readonly description: string;
  readonly taskSubtype: 'Email' | 'Task';
  /** Embedded in Description so a resumed run can find a Task that was created before a crash. */
  readonly marker: string;
}

export type CeWriteResult = { readonly isSuccess: true; readonly id: string } | { readonly isSuccess: false; readonly code: string; readonly message: string };

export interface CeFieldSpec {
  readonly apiName: string;
  readonly label: string;
  readonly type: 'Text' | 'DateTime' | 'Url' | 'Checkbox';
  readonly length?: number;
}

export interface CeCrmGateway {
  describeReport(ctx: CrmCallContext, reportId: string): Promise<CeReportDescription>;
  /** The record ids in the report's id column, every grouping included. */
  runReport(ctx: CrmCallContext, reportId: string, personObject: PersonObject): Promise<{ crmIds: string[]; isAllData: boolean }>;
  /** Records by id, 200 per query. `extraFields` are mapped fields to read besides the standard ones. */
  fetchPeople(ctx: CrmCallContext, object: PersonObject, crmIds: readonly string[], options: { dncField: string | null; extraFields: readonly string[] }): Promise<CePersonRecord[]>;
  /** Field names visible to the integration user on Lead and Contact, and which of them it may edit. */
  describePersonFields(ctx: CrmCallContext): Promise<Record<PersonObject, { readable: string[]; updateable: string[] }>>;
  createCustomField(ctx: CrmCallContext, object: PersonObject, spec: CeFieldSpec): Promise<'created' | 'exists'>;
  readPreflightFacts(ctx: CrmCallContext): Promise<Omit<PreflightFacts, 'assistantCount'>>;
  /** sObject Collections PATCH, 200 records per call, allOrNone false: one result per record, in order. */
  updateRecords(ctx: CrmCallContext, updates: readonly CeRecordUpdate[]): Promise<CeWriteResult[]>;
  /** sObject Collections POST of Tasks, 200 per call: one result per task, in order. */
  createTasks(ctx: CrmCallContext, tasks: readonly CeTaskInput[]): Promise<CeWriteResult[]>;
  /** Tasks on these people created since `since` whose Description carries one of the markers: marker → Task id. */
  findTasksByMarker(ctx: CrmCallContext, whoIds: readonly string[], since: Date, markers: readonly string[]): Promise<Map<string, string>>;
  findUserIdByEmail(ctx: CrmCallContext, email: string): Promise<string | undefined>;
}
