import { describe, expect, it } from 'vitest';
import type { listUsers, updateUser } from './users';
import { ApiError, buildRequestPath, toApiError } from './request';
import type { ContractInput } from './request';

describe('buildRequestPath', () => {
  it.each([
    ['/api/users', undefined, undefined, '/api/users'],
    ['/api/users/:userId', { userId: 'a b/c' }, undefined, '/api/users/a%20b%2Fc'],
    ['/api/segments', undefined, { page: 2, pageSize: 50 }, '/api/segments?page=2&pageSize=50'],
    ['/api/segments', undefined, { q: 'x&y', skip: undefined, status: ['a', 'b'] }, '/api/segments?q=x%26y&status=a&status=b'],
  ])('%s with %j %j → %s', (path, params, query, expected) => {
    expect(buildRequestPath(path, params, query)).toBe(expected);
  });

  it('refuses a missing path parameter', () => {
    expect(() => buildRequestPath('/api/users/:userId', {}, undefined)).toThrow('Missing path parameter "userId"');
  });
});

describe('toApiError', () => {
  it('keeps the code, message and request id of a JSON error body', () => {
    const error = toApiError(401, JSON.stringify({ code: 'invalid_credentials', message: 'Wrong e-mail or password.', requestId: 'r1' }));
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message, error.requestId]).toEqual([401, 'invalid_credentials', 'Wrong e-mail or password.', 'r1']);
  });

  it('turns a non-JSON 502 into an internal error with a plain message', () => {
    const error = toApiError(502, '<html>Bad gateway</html>');
    expect([error.code, error.message]).toEqual(['internal', 'The server failed (HTTP 502). Try again in a moment.']);
  });
});

describe('ContractInput', () => {
  it('requires the params and body a contract declares, and nothing for one without', () => {
    const updateInput = (input: ContractInput<typeof updateUser>) => input;
    const listInput = (input: ContractInput<typeof listUsers>) => input;
    // @ts-expect-error updateUser needs params.userId and a body
    updateInput({});
    // @ts-expect-error listUsers takes no body
    listInput({ body: { name: 'x' } });
    expect(updateInput({ params: { userId: 'u1' }, body: { isActive: false } }).params.userId).toBe('u1');
    expect(listInput({})).toEqual({});
  });
});
