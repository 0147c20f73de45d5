import { describe, expect, it } from 'vitest';
import { inWords, labelFor } from './inWords';

describe('stored values in words', () => {
  it('turns snake_case and camelCase values into words with a capital first letter', () => {
    expect(inWords('stopped_responding')).toBe('Stopped responding');
    expect(inWords('stopped_api_limit')).toBe('Stopped api limit');
    expect(inWords('webVisits')).toBe('Web visits');
    expect(inWords('conversationalEmailPeople')).toBe('Conversational email people');
    expect(inWords('failed')).toBe('Failed');
    expect(inWords('__')).toBe('__');
  });

  it('prefers the label and falls back to words, never to an inherited property', () => {
    const labels = { succeeded: 'Succeeded', would_write: 'Would write' };
    expect(labelFor(labels, 'would_write')).toBe('Would write');
    expect(labelFor(labels, 'not_yet_known')).toBe('Not yet known');
    expect(labelFor(labels, 'toString')).toBe('To string');
  });
});
