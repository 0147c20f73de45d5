import { afterEach, describe, expect, it } from 'vitest';
import { startWireClient, type WireClient } from './testClient';

let client: WireClient;
afterEach(async () => client?.emulator.close());

type SaveResult = { id?: string; success: boolean; errors: { statusCode: string; message: string; fields: string[] }[] };

describe('Salesforce emulator writes', () => {
  it('creates a Task with 201 {id, success, errors} and org defaults for Status and Priority', async () => {
    client = await startWireClient();
    const lead = client.emulator.state.records('Lead')[0];
    const response = await client.api('/sobjects/Task', { method: 'POST', body: JSON.stringify({ WhoId: lead?.Id, Subject: 'Email: Intro', ActivityDate: '2025-06-02', TaskSubtype: 'Email', Description: 'Hello' }) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as SaveResult;
    expect(body).toEqual({ id: expect.stringMatching(/^00T\w{15}$/), success: true, errors: [] });
    expect(client.emulator.state.get('Task', body.id ?? '')).toMatchObject({ WhoId: lead?.Id, Status: 'Not Started', Priority: 'Normal', TaskSubtype: 'Email' });
  });

  it('refuses a Task with a bad restricted picklist value or a too-long Subject with 400 and the field', async () => {
    client = await startWireClient();
    const response = await client.api('/sobjects/Task', { method: 'POST', body: JSON.stringify({ Subject: 'x'.repeat(256), Status: 'Done' }) });
    expect(response.status).toBe(400);
    const errors = (await response.json()) as { errorCode: string; fields: string[] }[];
    expect(errors.map((error) => error.errorCode).sort()).toEqual(['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'STRING_TOO_LONG']);
  });

  it('updates one record with PATCH → 204, reads it back, and answers 404 for an unknown id', async () => {
    client = await startWireClient();
    const contact = client.emulator.state.records('Contact')[3];
    const patch = await client.api(`/sobjects/Contact/${contact?.Id}`, { method: 'PATCH', body: JSON.stringify({ sixsense_ce__status__c: 'In Progress' }) });
    expect(patch.status).toBe(204);
    const read = await client.json<Record<string, unknown>>(`/sobjects/Contact/${contact?.Id}?fields=Id,sixsense_ce__status__c`);
    expect(read).toEqual({ attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${contact?.Id}` }, Id: contact?.Id, sixsense_ce__status__c: 'In Progress' });
    expect((await client.api('/sobjects/Contact/0035g00000ZZZZZAAA', { method: 'PATCH', body: '{}' })).status).toBe(404);
  });

  it('sObject Collections PATCH with allOrNone:false applies the good records and reports each failure in order', async () => {
    client = await startWireClient();
    const [account] = client.emulator.state.records('Account');
    const [lead] = client.emulator.state.records('Lead');
    const response = await client.api('/composite/sobjects', {
      method: 'PATCH',
      body: JSON.stringify({
        allOrNone: false,
        records: [
          { attributes: { type: 'Account' }, id: account?.Id, Segment_Names__c: 'ICP Tier 1;Q3 Intent' },
          { attributes: { type: 'Contact' }, id: account?.Id, Segment_Names__c: 'ICP Tier 1' },
          { attributes: { type: 'Lead' }, id: lead?.Id, Segment_Names__c: 'ICP Tier 1' },
          { attributes: { type: 'Lead' }, id: lead?.Id, No_Such_Field__c: 'x' },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const results = (await response.json()) as SaveResult[];
    expect(results[0]).toEqual({ id: account?.Id, success: true, errors: [] });
    expect(results[1]).toMatchObject({ success: false, errors: [{ statusCode: 'MALFORMED_ID', fields: ['Id'] }] });
    expect(results[1]?.errors[0]?.message).toContain('Contact ID: id value of incorrect type');
    expect(results[2]).toEqual({ id: lead?.Id, success: true, errors: [] });
    expect(results[3]).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_FIELD' }] });
    expect(client.emulator.state.get('Account', account?.Id ?? '')?.Segment_Names__c).toBe('ICP Tier 1;Q3 Intent');
  });

  it('sObject Collections with allOrNone:true rolls back the good records when one fails', async () => {
    client = await startWireClient();
    const [first, second] = client.emulator.state.records('Lead');
    const response = await client.api('/composite/sobjects', {
      method: 'PATCH',
      body: JSON.stringify({ allOrNone: true, records: [{ attributes: { type: 'Lead' }, id: first?.Id, Segment_Names__c: 'A' }, { attributes: { type: 'Lead' }, id: second?.Id, Status: null }] }),
    });
    const results = (await response.json()) as SaveResult[];
    expect(results[0]).toEqual({ id: first?.Id, success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] });
    expect(results[1]?.success).toBe(false);
    expect(client.emulator.state.get('Lead', first?.Id ?? '')?.Segment_Names__c ?? null).toBeNull();
  });

  it('refuses more than 200 records per collection request with 400', async () => {
    client = await startWireClient();
    const lead = client.emulator.state.records('Lead')[0];
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Lead' }, id: lead?.Id, Segment_Names__c: 'x' }));
    const response = await client.api('/composite/sobjects', { method: 'PATCH', body: JSON.stringify({ allOrNone: false, records }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode: string }[])[0]?.errorCode).toBe('EXCEEDED_ID_LIMIT');
  });

  it('creates Tasks through POST /composite/sobjects', async () => {
    client = await startWireClient();
    const contact = client.emulator.state.records('Contact')[0];
    const response = await client.api('/composite/sobjects', { method: 'POST', body: JSON.stringify({ allOrNone: false, records: [{ attributes: { type: 'Task' }, WhoId: contact?.Id, Subject: 'Call' }] }) });
    const [result] = (await response.json()) as SaveResult[];
    expect(result).toEqual({ id: expect.stringMatching(/^00T/), success: true, errors: [] });
  });

  it('answers a malformed JSON body with 400 JSON_PARSER_ERROR in the error array', async () => {
    client = await startWireClient();
    const response = await client.api('/composite/sobjects', { method: 'PATCH', body: '{"records": [' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode: string }[])[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });
});
