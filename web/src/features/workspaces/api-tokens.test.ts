import { describe, expect, it } from 'vitest';
import { curlExample, expiryOf, parseScopes, tokenStatus } from './api-tokens.ts';

const now = new Date('2026-03-10T12:00:00.000Z');
const day = 24 * 60 * 60 * 1000;

describe('API tokens in the web app', () => {
  it('INT-1.9 a new token expires after the chosen number of days, or at the end of the chosen day', () => {
    expect(expiryOf('30', '', now)?.getTime()).toBe(now.getTime() + 30 * day);
    expect(expiryOf('90', '2026-05-01', now)?.getTime()).toBe(now.getTime() + 90 * day);
    expect(expiryOf('365', '', now)?.getTime()).toBe(now.getTime() + 365 * day);
    const endOfDay = expiryOf('date', '2026-05-01', now);
    expect([endOfDay?.getFullYear(), endOfDay?.getMonth(), endOfDay?.getDate()]).toEqual([2026, 4, 1]);
    expect([endOfDay?.getHours(), endOfDay?.getMinutes()]).toEqual([23, 59]);
    expect(expiryOf('date', '', now)).toBeUndefined();
    expect(expiryOf('date', '2026-13-45', now)).toBeUndefined();
    expect(expiryOf('forever', '', now)).toBeUndefined();
  });

  it('INT-1.9 scopes are read from the form in order, unknown values left out', () => {
    expect(parseScopes(['ADMIN', 'READ', 'OWNER'])).toEqual(['READ', 'ADMIN']);
    expect(parseScopes([])).toEqual([]);
  });

  it('INT-1.9 a token is revoked once revoked, expired from its expiry on, active before', () => {
    const expiresAt = new Date(now.getTime() + day).toISOString();
    expect(tokenStatus({ revokedAt: null, expiresAt }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: now.toISOString(), expiresAt }, now)).toBe('revoked');
    expect(tokenStatus({ revokedAt: null, expiresAt: now.toISOString() }, now)).toBe('expired');
  });

  it('INT-1.9 the example request sends the secret as a bearer token to the API', () => {
    expect(curlExample('https://yello.example', 'yel_secret', 'acme')).toBe(
      [
        'curl https://yello.example/graphql \\',
        "  -H 'Authorization: Bearer yel_secret' \\",
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"query":"{ workspace(slug: \\"acme\\") { name } }"}'`,
      ].join('\n'),
    );
  });
});
