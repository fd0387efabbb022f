import { describe, expect, it } from 'vitest';
import { hasRole, mayManage, permissionsOf, requiredRole, roleNeededToAssign, WorkspaceRole } from './roles.ts';

const { OWNER, ADMIN, MEMBER, VIEWER } = WorkspaceRole;

describe('roles', () => {
  it('WS-5.5 orders the roles OWNER > ADMIN > MEMBER > VIEWER', () => {
    const order = [VIEWER, MEMBER, ADMIN, OWNER];
    for (const [i, role] of order.entries()) {
      for (const [j, other] of order.entries()) expect(hasRole(role, other)).toBe(i >= j);
    }
  });

  it('WS-5.5 matches the role table of the spec', () => {
    expect(requiredRole).toEqual({ read: VIEWER, write: MEMBER, manage: ADMIN, own: OWNER });
  });

  it('WS-4.2, WS-3.2 anything touching OWNER needs an OWNER', () => {
    expect(roleNeededToAssign(MEMBER, ADMIN)).toBe(ADMIN);
    expect(roleNeededToAssign(undefined, VIEWER)).toBe(ADMIN);
    expect(roleNeededToAssign(ADMIN, OWNER)).toBe(OWNER);
    expect(roleNeededToAssign(OWNER, MEMBER)).toBe(OWNER);
    expect(roleNeededToAssign(OWNER, undefined)).toBe(OWNER);
  });

  it('WS-6.3 permissions follow the table', () => {
    expect(permissionsOf(OWNER)).toEqual({
      writeContent: true,
      updateSettings: true,
      manageMembers: true,
      deleteWorkspace: true,
      assignableRoles: [OWNER, ADMIN, MEMBER, VIEWER],
    });
    expect(permissionsOf(ADMIN)).toMatchObject({ deleteWorkspace: false, assignableRoles: [ADMIN, MEMBER, VIEWER] });
    expect(permissionsOf(MEMBER)).toEqual({
      writeContent: true,
      updateSettings: false,
      manageMembers: false,
      deleteWorkspace: false,
      assignableRoles: [],
    });
    expect(permissionsOf(VIEWER).writeContent).toBe(false);
    expect([
      mayManage(ADMIN, MEMBER),
      mayManage(ADMIN, OWNER),
      mayManage(OWNER, OWNER),
      mayManage(MEMBER, VIEWER),
    ]).toEqual([true, false, true, false]);
  });
});
