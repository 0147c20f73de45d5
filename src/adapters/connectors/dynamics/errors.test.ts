import { describe, expect, it } from 'vitest';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { classifyTokenAnswer, classifyWebApiAnswer } from './errors';
import { readPagingCookie, withPaging } from './fetchXmlPaging';

const now = new Date('2026-03-02T09:00:00Z');
const odata = (code: string, message: string) => ({ error: { code, message } });

describe('classifyWebApiAnswer', () => {
  it.each([
    [{ status: 401, retryAfter: null, body: undefined }, { kind: 'reauth' }],
    [{ status: 429, retryAfter: '12', body: odata('0x80072322', 'Number of requests exceeded…') }, { kind: 'retry', afterMs: 12_000 }],
    [{ status: 429, retryAfter: '54000', body: odata('0x80072322', 'daily') }, { kind: 'permanent', code: 'daily_limit', message: CRM_MESSAGES.apiLimitReached }],
    [{ status: 503, retryAfter: null, body: '<html>' }, { kind: 'retry', afterMs: 1000 }],
    [{ status: 403, retryAfter: null, body: odata('0x80040220', 'missing prvReadAccount privilege') }, { kind: 'permanent', code: '0x80040220', message: 'missing prvReadAccount privilege' }],
    [{ status: 403, retryAfter: null, body: odata('0x80040220', "missing read access to the secured field 'x'") }, { kind: 'permanent', code: 'field_not_permitted', message: "missing read access to the secured field 'x'" }],
    [{ status: 404, retryAfter: null, body: odata('0x80040217', 'Does Not Exist') }, { kind: 'permanent', code: 'not_found', message: 'Does Not Exist' }],
  ] as const)('%j → %j', (answer, expected) => {
    expect(classifyWebApiAnswer(answer, 0, now)).toEqual(expected);
  });
});

describe('classifyTokenAnswer', () => {
  it.each([
    [{ error: 'invalid_grant', error_description: 'AADSTS700082: expired', error_codes: [700082] }, { kind: 'reauth' }],
    [{ error: 'invalid_client', error_codes: [7000215] }, { kind: 'reauth' }],
    [{ error: 'invalid_scope', error_description: "AADSTS70011: The provided value for the input parameter 'scope' is not valid.\r\nTrace ID: x", error_codes: [70011] }, { kind: 'permanent', code: 'AADSTS70011', message: "AADSTS70011: The provided value for the input parameter 'scope' is not valid." }],
  ] as const)('%j → %j', (body, expected) => {
    expect(classifyTokenAnswer({ status: 400, retryAfter: null, body }, 0, now)).toEqual(expected);
  });
});

describe('FetchXML paging', () => {
  it('replaces paging attributes and XML-encodes the cookie', () => {
    const fetch = withPaging("<fetch version='1.0' count='50' page='9'><entity name='account'/></fetch>", { page: 2, count: 5000, pagingCookie: '<cookie page="1"><accountid last="{A}" /></cookie>' });
    expect(fetch).toBe(`<fetch version='1.0' count="5000" page="2" paging-cookie="&lt;cookie page=&quot;1&quot;&gt;&lt;accountid last=&quot;{A}&quot; /&gt;&lt;/cookie&gt;"><entity name='account'/></fetch>`);
  });

  it('decodes the pagingcookie attribute twice', () => {
    const inner = '<cookie page="1"><accountid last="{A}" first="{B}" /></cookie>';
    const annotation = `<cookie pagenumber="2" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;
    expect(readPagingCookie(annotation)).toEqual({ pageNumber: 2, pagingCookie: inner });
  });
});
