import { describe, expect, it } from 'vitest';
import { loginPath, pathAfterSignIn, registerPath, withPathSegment } from './redirect.ts';

describe('pathAfterSignIn', () => {
  it('AUTH-14.5 goes to the requested path on this origin', () => {
    expect(pathAfterSignIn('/profile')).toBe('/profile');
    expect(pathAfterSignIn('/tasks/YEL-42?view=board#comments')).toBe('/tasks/YEL-42?view=board#comments');
  });

  it.each([undefined, '', 'profile', 'https://evil.example/', '//evil.example/x', '/\\evil.example/x', ['/a']])(
    'AUTH-14.5 falls back to home for %j',
    (next) => {
      expect(pathAfterSignIn(next)).toBe('/');
    },
  );
});

describe('loginPath', () => {
  it('AUTH-16.2 carries the page to return to', () => {
    expect(loginPath('/profile?tab=sessions')).toBe('/login?next=%2Fprofile%3Ftab%3Dsessions');
  });
});

describe('registerPath', () => {
  it('WS-6.4 carries the invitation to return to after registering', () => {
    expect(registerPath('/invite/abc_123')).toBe('/register?next=%2Finvite%2Fabc_123');
  });

  it('PT-1.5 puts a project’s current key in place of the one in the URL, keeping the rest', () => {
    expect(withPathSegment('/acme/projects/OLD/list?q=login', 2, 'NEW')).toBe('/acme/projects/NEW/list?q=login');
    expect(withPathSegment('/acme/old-7', 1, 'NEW-7')).toBe('/acme/NEW-7');
    expect(withPathSegment('/acme', 3, 'NEW')).toBe('/acme');
  });
});
