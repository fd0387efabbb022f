import { describe, expect, it } from 'vitest';
import { assignableRoles, canManageMember, hasRole, parseRole } from './roles.ts';

describe('hasRole', () => {
  it('orders OWNER > ADMIN > MEMBER > VIEWER', () => {
    expect(hasRole('OWNER', 'ADMIN')).toBe(true);
    expect(hasRole('ADMIN', 'ADMIN')).toBe(true);
    expect(hasRole('MEMBER', 'ADMIN')).toBe(false);
    expect(hasRole('VIEWER', 'MEMBER')).toBe(false);
    expect(hasRole('VIEWER', 'VIEWER')).toBe(true);
  });
});

describe('assignableRoles', () => {
  it.each([
    ['OWNER', ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']],
    ['ADMIN', ['ADMIN', 'MEMBER', 'VIEWER']],
    ['MEMBER', []],
    ['VIEWER', []],
  ] as const)('6.3 offers a %s only the roles it may give', (viewerRole, roles) => {
    expect(assignableRoles(viewerRole)).toEqual(roles);
  });
});

describe('canManageMember', () => {
  it('6.3 lets admins manage everyone below owner, and owners everyone', () => {
    expect(canManageMember('ADMIN', 'ADMIN')).toBe(true);
    expect(canManageMember('ADMIN', 'VIEWER')).toBe(true);
    expect(canManageMember('ADMIN', 'OWNER')).toBe(false);
    expect(canManageMember('OWNER', 'OWNER')).toBe(true);
  });

  it('6.3 lets members and viewers manage no one', () => {
    expect(canManageMember('MEMBER', 'VIEWER')).toBe(false);
    expect(canManageMember('VIEWER', 'VIEWER')).toBe(false);
  });
});

describe('parseRole', () => {
  it('reads a role from a form value', () => {
    expect(parseRole('ADMIN')).toBe('ADMIN');
    expect(parseRole('admin')).toBeUndefined();
  });
});
