import { describe, expect, it } from 'vitest';
import { profileValueLabel, rangeLowerBound, sortProfileValues } from './profileValues';

describe('sortProfileValues', () => {
  it('orders employee ranges by size, not as text', () => {
    expect(sortProfileValues('employeeRange', ['1-10', '10001+', '1001-5000', '11-50', '201-500', '5001-10000', '51-200', '501-1000'])).toEqual([
      '1-10',
      '11-50',
      '51-200',
      '201-500',
      '501-1000',
      '1001-5000',
      '5001-10000',
      '10001+',
    ]);
  });

  it('orders revenue ranges by size, with "<$1M" first and "$1B+" last', () => {
    expect(sortProfileValues('revenueRange', ['$1B+', '$100M-$500M', '$10M-$50M', '<$1M', '$500M-$1B', '$1M-$10M', '$50M-$100M'])).toEqual([
      '<$1M',
      '$1M-$10M',
      '$10M-$50M',
      '$50M-$100M',
      '$100M-$500M',
      '$500M-$1B',
      '$1B+',
    ]);
  });

  it('keeps text that names no size after the ranges, and sorts other fields alphabetically', () => {
    expect(sortProfileValues('employeeRange', ['Unknown', '11-50', '1-10'])).toEqual(['1-10', '11-50', 'Unknown']);
    expect(sortProfileValues('industry', ['Software', 'Banking', 'Retail'])).toEqual(['Banking', 'Retail', 'Software']);
  });

  it('reads thousands, millions and billions', () => {
    expect([rangeLowerBound('$2.5K-$10K'), rangeLowerBound('€1,000,000+'), rangeLowerBound('1B')]).toEqual([2500, 1_000_000, 1e9]);
  });
});

describe('profileValueLabel', () => {
  it('names a country code in English so it can be found by name', () => {
    expect(profileValueLabel('country', 'DE')).toBe('Germany (DE)');
    expect(profileValueLabel('country', 'gb')).toBe('United Kingdom (GB)');
  });

  it('leaves unknown codes and other fields as they are', () => {
    expect(profileValueLabel('country', 'XX')).toBe('XX');
    expect(profileValueLabel('industry', 'Software')).toBe('Software');
  });
});
