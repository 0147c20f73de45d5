import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDateTime, toId15 } from './ids';
import { contextOf, notFound, sendError } from './http';
import { describeReport, reportListItem, runReport } from './reportRun';
import type { ReportDefinition } from './sources';
import type { SalesforceOrgState } from './state';

/** Reports list holds at most 200 recently viewed reports (analytics limits page). */
const RECENT_REPORTS_MAX = 200;

type Params = { id: string; instanceId: string };
type Query = { includeDetails?: string };

interface ReportInstance {
  readonly id: string;
  readonly reportId: string;
  readonly isIncludingDetails: boolean;
  readonly requestDate: string;
  readonly ownerId: string;
}

export function registerReportRoutes(scope: FastifyInstance, state: SalesforceOrgState): void {
  const instances: ReportInstance[] = [];
  const findReport = (id: string, reply: FastifyReply): ReportDefinition | undefined => {
    const report = state.reports.find((candidate) => toId15(candidate.id) === toId15(id));
    if (!report) {
      notFound(reply);
      return undefined;
    }
    if (!report.isAccessible) {
      // The exact body is undocumented (reference §4); any 403 other than REQUEST_LIMIT_EXCEEDED means permissions.
      sendError(reply, 403, 'INSUFFICIENT_ACCESS', "You don't have sufficient privileges to perform this operation.");
      return undefined;
    }
    return report;
  };
  const isIncludingDetails = (query: Query) => query.includeDetails === 'true';

  scope.get('/analytics/reports', async (request) => state.reports.slice(0, RECENT_REPORTS_MAX).map((report) => reportListItem(report, contextOf(request).version)));

  scope.get('/analytics/reportTypes', async (request) => {
    const { version } = contextOf(request);
    const types = new Map(state.reports.map((report) => [report.reportType.type, report.reportType.label]));
    return [{ label: 'Reports', reportTypes: [...types].map(([type, label]) => ({ describeUrl: `/services/data/v${version}/analytics/reportTypes/${type}`, isHidden: false, label, supportsJoinedFormat: true, type })) }];
  });

  scope.get<{ Params: Params }>('/analytics/reports/:id/describe', async (request, reply) => {
    const report = findReport(request.params.id, reply);
    return report ? describeReport(report, contextOf(request).version) : reply;
  });

  const run = async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) => {
    const report = findReport(request.params.id, reply);
    if (!report) return reply;
    const { version, userId } = contextOf(request);
    state.countReportRun();
    return runReport(state, report, { userId, isIncludingDetails: isIncludingDetails(request.query), version });
  };
  scope.get('/analytics/reports/:id', run);
  scope.post('/analytics/reports/:id', run);

  scope.post<{ Params: Params; Querystring: Query }>('/analytics/reports/:id/instances', async (request, reply) => {
    const report = findReport(request.params.id, reply);
    if (!report) return reply;
    const { version, userId } = contextOf(request);
    const instance: ReportInstance = { id: `0LG${randomBytes(6).toString('hex').slice(0, 12)}`, reportId: report.id, isIncludingDetails: isIncludingDetails(request.query), requestDate: formatDateTime(state.now()), ownerId: userId };
    instances.push(instance);
    return { completionDate: null, hasDetailRows: instance.isIncludingDetails, id: instance.id, ownerId: userId, queryable: true, requestDate: instance.requestDate, status: 'New', url: `/services/data/v${version}/analytics/reports/${report.id}/instances/${instance.id}` };
  });

  scope.get<{ Params: Params }>('/analytics/reports/:id/instances', async (request, reply) => {
    const report = findReport(request.params.id, reply);
    if (!report) return reply;
    const { version } = contextOf(request);
    return instances
      .filter((instance) => instance.reportId === report.id)
      .map((instance) => ({ completionDate: instance.requestDate, hasDetailRows: instance.isIncludingDetails, id: instance.id, ownerId: instance.ownerId, queryable: true, requestDate: instance.requestDate, status: 'Success', url: `/services/data/v${version}/analytics/reports/${report.id}/instances/${instance.id}` }));
  });

  scope.get<{ Params: Params }>('/analytics/reports/:id/instances/:instanceId', async (request, reply) => {
    const report = findReport(request.params.id, reply);
    if (!report) return reply;
    const instance = instances.find((candidate) => candidate.id === request.params.instanceId && candidate.reportId === report.id);
    if (!instance) return notFound(reply);
    const { version, userId } = contextOf(request);
    state.countReportRun();
    const result = runReport(state, report, { userId, isIncludingDetails: instance.isIncludingDetails, version });
    return { ...result, attributes: { completionDate: instance.requestDate, id: instance.id, ownerId: instance.ownerId, reportId: report.id, reportName: report.name, requestDate: instance.requestDate, status: 'Success', type: 'ReportInstance' } };
  });
}
