import { sobjectForId } from './schema';
import type { ReportCell, ReportColumnDefinition, ReportDefinition } from './sources';
import type { SalesforceOrgState, SObjectRecord } from './state';

/** Reports and Dashboards REST API: only the first 2,000 detail rows are returned (analytics limits page). */
export const REPORT_ROW_LIMIT = 2_000;

function reportUrls(report: ReportDefinition, version: string) {
  const base = `/services/data/v${version}/analytics/reports/${report.id}`;
  return { describeUrl: `${base}/describe`, instancesUrl: `${base}/instances`, url: base };
}

export function reportListItem(report: ReportDefinition, version: string) {
  const urls = reportUrls(report, version);
  return { describeUrl: urls.describeUrl, id: report.id, instancesUrl: urls.instancesUrl, name: report.name, url: urls.url };
}

function groupingKeys(report: ReportDefinition): string[] {
  return [...report.groupingsDown, ...report.groupingsAcross];
}

function columnByKey(report: ReportDefinition, key: string): ReportColumnDefinition {
  const column = report.detailColumns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`report ${report.id} groups on ${key}, which is not one of its columns`);
  return column;
}

/** Grouped columns are not detail columns in the report's metadata. */
function detailColumnsOf(report: ReportDefinition): ReportColumnDefinition[] {
  const grouped = new Set(groupingKeys(report));
  return report.detailColumns.filter((column) => !grouped.has(column.key));
}

export function reportMetadata(report: ReportDefinition) {
  const grouping = (name: string) => ({ name, sortOrder: 'Asc', dateGranularity: 'None', sortAggregate: null });
  return {
    aggregates: ['RowCount'],
    currency: null,
    detailColumns: detailColumnsOf(report).map((column) => column.key),
    developerName: report.developerName,
    division: null,
    folderId: report.folderId,
    groupingsAcross: report.groupingsAcross.map(grouping),
    groupingsDown: report.groupingsDown.map(grouping),
    hasDetailRows: true,
    hasRecordCount: true,
    historicalSnapshotDates: [],
    id: report.id,
    name: report.name,
    reportBooleanFilter: null,
    reportFilters: report.reportFilters.map((filter) => ({ ...filter, isRunPageEditable: true })),
    reportFormat: report.format,
    reportType: report.reportType,
    scope: report.scope,
    showGrandTotal: true,
    showSubtotals: true,
    sortBy: [],
    standardDateFilter: { column: 'CREATED_DATE', durationValue: 'CUSTOM', endDate: null, startDate: null },
    standardFilters: [],
    topRows: null,
  };
}

function extendedMetadata(report: ReportDefinition) {
  return {
    aggregateColumnInfo: { RowCount: { acrossGroupingContext: null, dataType: 'int', downGroupingContext: null, label: 'Record Count' } },
    detailColumnInfo: Object.fromEntries(detailColumnsOf(report).map((column) => [column.key, { dataType: column.dataType, label: column.label }])),
    groupingColumnInfo: Object.fromEntries(
      groupingKeys(report).map((key, level) => {
        const column = columnByKey(report, key);
        return [key, { dataType: column.dataType, groupingLevel: report.groupingsDown.includes(key) ? level : level - report.groupingsDown.length, label: column.label }];
      }),
    ),
  };
}

export function describeReport(report: ReportDefinition, version: string) {
  const scopeValues = report.rowSObject === 'Lead'
    ? [{ allowsDivision: false, label: 'My leads', value: 'user' }, { allowsDivision: false, label: 'All leads', value: 'organization' }]
    : [{ allowsDivision: false, label: `My ${report.rowSObject.toLowerCase()}s`, value: 'user' }, { allowsDivision: false, label: `All ${report.rowSObject.toLowerCase()}s`, value: 'organization' }];
  return {
    attributes: { ...reportUrls(report, version), reportId: report.id, reportName: report.name, type: 'Report' },
    reportExtendedMetadata: extendedMetadata(report),
    reportMetadata: reportMetadata(report),
    reportTypeMetadata: {
      categories: [{ label: report.reportType.label, columns: Object.fromEntries(report.detailColumns.map((column) => [column.key, { dataType: column.dataType, filterable: true, label: column.label }])) }],
      divisionInfo: null,
      scopeInfo: { defaultValue: 'organization', values: scopeValues },
      standardDateFilterDurationGroups: [],
      standardFilterInfos: {},
    },
  };
}

interface Group {
  readonly label: string;
  readonly value: ReportCell['value'];
  readonly records: SObjectRecord[];
}

function groupRecords(records: SObjectRecord[], column: ReportColumnDefinition, lookup: (id: string | null) => SObjectRecord | undefined): Group[] {
  const groups = new Map<string, Group>();
  for (const record of records) {
    const cell = column.cell(record, lookup);
    const group = groups.get(cell.label) ?? { label: cell.label, value: cell.value, records: [] };
    group.records.push(record);
    groups.set(cell.label, group);
  }
  return [...groups.values()].sort((left, right) => left.label.localeCompare(right.label));
}

/** Runs a report as the given user: fact map per format, detail rows cut at 2,000 with allData:false. */
export function runReport(state: SalesforceOrgState, report: ReportDefinition, options: { userId: string; isIncludingDetails: boolean; version: string }) {
  const lookup = (id: string | null) => {
    const type = id ? sobjectForId(id) : undefined;
    return id && type ? state.get(type.name, id) : undefined;
  };
  let records = state.records(report.rowSObject).filter((record) => report.rowFilter(record));
  if (report.scope === 'user') records = records.filter((record) => record.OwnerId === options.userId);
  const detailColumns = detailColumnsOf(report);
  let rowBudget = REPORT_ROW_LIMIT;
  const rowsOf = (group: SObjectRecord[]) => {
    const taken = group.slice(0, Math.max(0, rowBudget));
    rowBudget -= taken.length;
    return taken.map((record) => ({ dataCells: detailColumns.map((column) => column.cell(record, lookup)) }));
  };
  const aggregates = (count: number) => [{ label: count.toLocaleString('en-US'), value: count }];
  const cell = (group: SObjectRecord[], hasRows: boolean) => ({ aggregates: aggregates(group.length), ...(options.isIncludingDetails ? { rows: hasRows ? rowsOf(group) : [] } : {}) });
  const factMap: Record<string, unknown> = {};
  const toGrouping = (group: Group, key: string) => ({ dateValue: null, groupings: [], key, label: group.label, value: group.value });
  let groupingsDown: unknown[] = [];
  let groupingsAcross: unknown[] = [];

  if (report.format === 'TABULAR') {
    factMap['T!T'] = cell(records, true);
  } else {
    const down = groupRecords(records, columnByKey(report, report.groupingsDown[0] ?? ''), lookup);
    groupingsDown = down.map((group, index) => toGrouping(group, String(index)));
    if (report.format === 'SUMMARY') {
      down.forEach((group, index) => (factMap[`${index}!T`] = cell(group.records, true)));
    } else {
      const acrossColumn = columnByKey(report, report.groupingsAcross[0] ?? '');
      const across = groupRecords(records, acrossColumn, lookup);
      groupingsAcross = across.map((group, index) => toGrouping(group, String(index)));
      down.forEach((downGroup, downIndex) => {
        const acrossLabels = new Map(downGroup.records.map((record) => [record.Id, acrossColumn.cell(record, lookup).label]));
        across.forEach((acrossGroup, acrossIndex) => {
          const inBoth = downGroup.records.filter((record) => acrossLabels.get(record.Id) === acrossGroup.label);
          factMap[`${downIndex}!${acrossIndex}`] = cell(inBoth, true);
        });
        factMap[`${downIndex}!T`] = { aggregates: aggregates(downGroup.records.length) };
      });
      across.forEach((group, index) => (factMap[`T!${index}`] = { aggregates: aggregates(group.records.length) }));
    }
    // jsforce's live test on a summary report still reads factMap['T!T'].rows as an array.
    factMap['T!T'] = cell(records, false);
  }
  return {
    attributes: { ...reportUrls(report, options.version), reportId: report.id, reportName: report.name, type: 'Report' },
    allData: records.length <= REPORT_ROW_LIMIT,
    factMap,
    groupingsAcross: { groupings: groupingsAcross },
    groupingsDown: { groupings: groupingsDown },
    hasDetailRows: options.isIncludingDetails,
    reportExtendedMetadata: extendedMetadata(report),
    reportMetadata: reportMetadata(report),
  };
}
