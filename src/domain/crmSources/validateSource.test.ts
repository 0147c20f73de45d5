import { describe, expect, it } from 'vitest';
import { CRM_MESSAGES } from './messages';
import { listViewProblems, reportVerdict, type ReportFacts } from './validateSource';

const goodView = { objectName: 'Account', isPublic: true, accountCount: 24_999, hiddenFilterFields: [] };

describe('listViewProblems', () => {
  it.each([
    ['a usable view', goodView, []],
    ['a contact view', { ...goodView, objectName: 'Contact' }, [CRM_MESSAGES.listViewNotAccountList]],
    ['a private view', { ...goodView, isPublic: false }, [CRM_MESSAGES.listViewNotPublic]],
    ['exactly 25,000 accounts', { ...goodView, accountCount: 25_000 }, [CRM_MESSAGES.listViewTooLarge]],
    ['a hidden filter field', { ...goodView, hiddenFilterFields: ['Secret__c'] }, [CRM_MESSAGES.listViewFieldsNotPermitted]],
    ['unknown publicity and size', { ...goodView, isPublic: undefined, accountCount: undefined }, []],
  ])('%s', (_title, facts, expected) => {
    expect(listViewProblems(facts)).toEqual(expected);
  });
});

const accountIdColumn = { key: 'ACCOUNT_ID', dataType: 'id', label: 'Account ID' };
const goodReport: ReportFacts = {
  reportType: 'AccountList',
  columns: [{ key: 'ACCOUNT.NAME', dataType: 'string', label: 'Account Name' }, accountIdColumn],
  isPublic: true,
  rowCount: 2_000,
  isAllData: true,
  isPermissionDenied: false,
};

describe('reportVerdict', () => {
  it('accepts a standard Accounts report with 2,000 rows and an Account ID column', () => {
    expect(reportVerdict(goodReport)).toEqual({ objectType: 'account', idColumnKey: 'ACCOUNT_ID', problems: [] });
  });

  it.each([
    ['a custom report type', { reportType: 'Accounts_With_Scores__c' }, [CRM_MESSAGES.reportCustomType]],
    ['an Opportunity report', { reportType: 'Opportunity' }, [CRM_MESSAGES.reportUnsupportedType]],
    ['2,001 rows', { rowCount: 2_001 }, [CRM_MESSAGES.reportTooManyRecords]],
    ['rows cut (allData false)', { isAllData: false, rowCount: undefined }, [CRM_MESSAGES.reportTooManyRecords]],
    ['a private report', { isPublic: false }, [CRM_MESSAGES.reportNotPublic]],
    [
      'a look-alike custom ID column',
      { columns: [{ key: 'Account.Account_ID__c', dataType: 'string', label: 'Account ID' }] },
      ['The selected Report could not be synced because it does not contain a column for Account ID.'],
    ],
    [
      'a contacts report with only the Account ID',
      { reportType: 'ContactList' },
      ['The selected Report could not be synced because it does not contain a column for Contact ID.'],
    ],
    ['a 403 on describe', { isPermissionDenied: true }, [CRM_MESSAGES.reportInsufficientPermissions]],
  ] as Array<[string, Partial<ReportFacts>, string[]]>)('refuses %s', (_title, change, expected) => {
    expect(reportVerdict({ ...goodReport, ...change }).problems).toEqual(expected);
  });

  it('finds the Lead ID of a converted-lead report', () => {
    const verdict = reportVerdict({
      ...goodReport,
      reportType: 'OpportunityLead',
      columns: [{ key: 'LEAD_ID', dataType: 'id', label: 'Lead ID' }],
    });
    expect(verdict).toEqual({ objectType: 'lead', idColumnKey: 'LEAD_ID', problems: [] });
  });
});
