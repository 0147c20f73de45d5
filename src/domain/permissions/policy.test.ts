import { describe, expect, it } from 'vitest';
import { ACTIONS, can, canAssignRole, type Action } from './policy';
import { ROLES, type Role } from './roles';

const Y = true;
const N = false;
// Rows: action; columns: primary_admin, abm_admin, marketing_user, view_only.
const TABLE: ReadonlyArray<[Action, boolean, boolean, boolean, boolean]> = [
  ['view', Y, Y, Y, Y],
  ['segment.create', Y, Y, Y, N],
  ['segment.edit', Y, Y, Y, N],
  ['segment.delete', Y, Y, Y, N],
  ['sync.create', Y, Y, Y, N],
  ['sync.pause', Y, Y, Y, N],
  ['segment.publish', Y, Y, N, N],
  ['integrations.manage', Y, Y, N, N],
  ['channels.connect', Y, Y, Y, N],
  ['users.manage', Y, Y, N, N],
  ['apiKeys.manage', Y, Y, N, N],
  ['notifications.manage', Y, Y, N, N],
  ['companies.manage', Y, Y, N, N],
  ['ce.manage', Y, Y, Y, N],
];

describe('can(actor, action)', () => {
  it('has a row for every action', () => {
    expect(TABLE.map(([action]) => action).sort()).toEqual([...ACTIONS].sort());
  });

  for (const [action, ...expected] of TABLE) {
    ROLES.forEach((role, i) => {
      it(`${role} ${expected[i] ? 'may' : 'may not'} ${action}`, () => {
        expect(can({ role, userId: 'u1' }, action)).toBe(expected[i]);
      });
    });
  }

  it.each<[Role, string, boolean]>([
    ['marketing_user', 'u1', true],
    ['marketing_user', 'someone-else', false],
    ['abm_admin', 'someone-else', true],
    ['primary_admin', 'someone-else', true],
    ['view_only', 'u1', false],
  ])('sync.pause by %s of a sync owned by %s → %s', (role, ownerUserId, expected) => {
    expect(can({ role, userId: 'u1' }, 'sync.pause', { ownerUserId })).toBe(expected);
  });
});

describe('canAssignRole', () => {
  it.each<[Role, Role, boolean]>([
    ['primary_admin', 'primary_admin', true],
    ['primary_admin', 'view_only', true],
    ['abm_admin', 'primary_admin', false],
    ['abm_admin', 'abm_admin', true],
    ['marketing_user', 'view_only', false],
    ['view_only', 'view_only', false],
  ])('%s assigning %s → %s', (actor, role, expected) => {
    expect(canAssignRole({ role: actor }, role)).toBe(expected);
  });
});
