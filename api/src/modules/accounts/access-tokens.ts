// Short-lived access tokens: HS256 JWTs tied to a server-side session.
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../shared/clock.ts';

/** Verified tokens kept per instance, so that a client's repeated requests check its token's signature once. */
const VERIFIED_TOKENS = 10_000;

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'yello';
const AUDIENCE = 'yello-api';
const ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  /** When the token stops being accepted (its `exp`). */
  expiresAt: Date;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export interface AccessTokens {
  issue(claims: Omit<AccessTokenClaims, 'expiresAt'>): Promise<IssuedAccessToken>;
  /** The claims of a valid token; undefined for an expired, tampered or foreign one. */
  verify(token: string): Promise<AccessTokenClaims | undefined>;
}

export function createAccessTokens(
  secret: Uint8Array,
  clock: Clock,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): AccessTokens {
  // A signature checked once stays checked: only the expiry is read again (the session is checked every time).
  const verified = new LRUCache<string, AccessTokenClaims>({ max: VERIFIED_TOKENS });
  return {
    async issue({ userId, sessionId }) {
      const issuedAt = Math.floor(clock.now().getTime() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const token = await new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(crypto.randomUUID())
        .sign(secret);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) return known.expiresAt > clock.now() ? known : undefined;
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: clock.now(),
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || payload.exp === undefined)
          return undefined;
        const claims = { userId: payload.sub, sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
        // Dropped from memory once it has expired; whether it has is still read from the clock at every use.
        verified.set(token, claims, { ttl: Math.max(1, claims.expiresAt.getTime() - clock.now().getTime()) });
        return claims;
      } catch (error) {
        if (error instanceof errors.JOSEError) return undefined;
        throw error;
      }
    },
  };
}
