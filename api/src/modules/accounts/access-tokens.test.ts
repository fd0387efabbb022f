import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, createAccessTokens } from './access-tokens.ts';

const secret = new TextEncoder().encode('k'.repeat(48));
const claims = { userId: 'user-1', sessionId: 'session-1' };

function clockAt(date: Date) {
  return { now: () => date };
}

describe('access tokens', () => {
  const start = new Date('2026-11-26T10:00:00Z');
  const tokens = createAccessTokens(secret, clockAt(start));

  it('AUTH-4.1 round-trips the user and session and expires after 15 minutes', async () => {
    const issued = await tokens.issue(claims);
    expect(issued.expiresAt.getTime() - start.getTime()).toBe(ACCESS_TOKEN_TTL_SECONDS * 1000);
    expect(ACCESS_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(15 * 60);
    await expect(tokens.verify(issued.token)).resolves.toEqual({ ...claims, expiresAt: issued.expiresAt });
  });

  it('AUTH-4.3 refuses a token once it has expired', async () => {
    const { token } = await tokens.issue(claims);
    const later = createAccessTokens(
      secret,
      clockAt(new Date(start.getTime() + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000)),
    );
    await expect(later.verify(token)).resolves.toBeUndefined();
  });

  it('AUTH-4.3 refuses a tampered payload', async () => {
    const { token } = await tokens.issue(claims);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'user-2' }),
    ).toString('base64url');
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).resolves.toBeUndefined();
  });

  it('AUTH-4.3 refuses a token signed with another key', async () => {
    const other = createAccessTokens(new TextEncoder().encode('x'.repeat(48)), clockAt(start));
    const { token } = await other.issue(claims);
    await expect(tokens.verify(token)).resolves.toBeUndefined();
  });

  it('AUTH-4.3 refuses alg "none" and other algorithms', async () => {
    const unsigned = new UnsecuredJWT({ sid: 'session-1' })
      .setSubject('user-1')
      .setIssuer('yello')
      .setAudience('yello-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    await expect(tokens.verify(unsigned)).resolves.toBeUndefined();
    const hs512 = await new SignJWT({ sid: 'session-1' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('user-1')
      .setIssuer('yello')
      .setAudience('yello-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('k'.repeat(64)));
    await expect(tokens.verify(hs512)).resolves.toBeUndefined();
  });

  it('AUTH-4.3 refuses a token for another audience or issuer', async () => {
    const foreign = await new SignJWT({ sid: 'session-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setIssuer('someone-else')
      .setAudience('yello-api')
      .setIssuedAt(Math.floor(start.getTime() / 1000))
      .setExpirationTime(Math.floor(start.getTime() / 1000) + 60)
      .sign(secret);
    await expect(tokens.verify(foreign)).resolves.toBeUndefined();
  });

  it('PT-9.8 a token verified once is still refused at its expiry, and a tampered copy of it is refused', async () => {
    let now = start;
    const remembering = createAccessTokens(secret, { now: () => now });
    const issued = await remembering.issue(claims);
    await expect(remembering.verify(issued.token)).resolves.toEqual({ ...claims, expiresAt: issued.expiresAt });
    const [header, payload, signature] = issued.token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'user-2' }),
    ).toString('base64url');
    await expect(remembering.verify(`${header}.${forged}.${signature}`)).resolves.toBeUndefined();
    now = new Date(issued.expiresAt.getTime() - 1);
    await expect(remembering.verify(issued.token)).resolves.toEqual({ ...claims, expiresAt: issued.expiresAt });
    now = issued.expiresAt;
    await expect(remembering.verify(issued.token)).resolves.toBeUndefined();
  });
});
