import { describe, expect, it } from 'vitest';
import { and, or, type FilterNode } from './filterTree';
import { validateFilter } from './validateFilter';

const country: FilterNode = { kind: 'company_profile', field: 'country', operation: { op: 'in', values: ['US', 'DE'] } };

describe('validateFilter', () => {
  it('accepts nested AND/OR groups of each condition kind', () => {
    const filter = and(
      country,
      or(
        { kind: 'crm_field', system: 'salesforce', object: 'account', field: 'Type', operation: { op: 'equals', value: 'Customer' } },
        { kind: 'in_crm_report', provider: 'salesforce', sourceId: '00O000000000001' },
        { kind: 'in_uploaded_list', uploadId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
      ),
    );
    expect(validateFilter(filter)).toEqual({ isValid: true, filter });
  });

  it.each<[string, unknown, string]>([
    ['an unknown field', { kind: 'company_profile', field: 'ceoName', operation: { op: 'equals', value: 'x' } }, 'expected one of "industry"'],
    ['an empty IN list', { kind: 'company_profile', field: 'industry', operation: { op: 'in', values: [] } }, 'pick at least one value'],
    ['an empty value', { kind: 'company_profile', field: 'industry', operation: { op: 'equals', value: '  ' } }, 'must not be empty'],
    ['a CRM field name with SQL in it', { kind: 'crm_field', system: 'salesforce', field: "x'; DROP TABLE segments; --", operation: { op: 'is_empty' } }, 'must be a CRM field API name'],
    ['a range without bounds', { kind: 'crm_field', system: 'salesforce', field: 'AnnualRevenue', operation: { op: 'range' } }, 'a range needs a minimum, a maximum or both'],
    ['a reversed range', { kind: 'crm_field', system: 'salesforce', field: 'AnnualRevenue', operation: { op: 'range', min: 10, max: 5 } }, 'the range minimum is above its maximum'],
    ['mixed range bounds', { kind: 'crm_field', system: 'salesforce', field: 'X', operation: { op: 'range', min: 1, max: '2026-01-01' } }, 'both range bounds must be numbers or both dates'],
    ['an empty OR group', or(), 'an OR group needs at least one condition'],
    ['groups nested too deep', and(and(and(and(and(and(country)))))), 'groups may be nested at most 5 deep'],
    ['an unknown operator', { kind: 'company_profile', field: 'industry', operation: { op: 'regex', value: '.*' } }, "Expected 'equals' | 'in' | 'contains' | 'range' | 'is_empty'"],
  ])('rejects %s', (_title, input, message) => {
    const result = validateFilter(input);
    expect(result).toMatchObject({ isValid: false });
    const problems = 'problems' in result ? result.problems : [];
    expect(problems.map((p) => p.message).join(' | ')).toContain(message);
  });
});
