// Bearer secrets handed to one person (refresh tokens, invitation links): 256 random bits, or 256 bits derived from
// another secret with a server key, kept at rest only as a SHA-256 hash, which is enough for values that cannot be
// guessed.
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A key for one purpose, derived from a server secret (HKDF-SHA256), so that one secret never keys two uses. */
export function purposeKey(secret: Uint8Array, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), purpose, 32));
}

/**
 * A bearer secret derived from another (HMAC-SHA256, 256 bits like `newSecretToken`): whoever holds the key and
 * `from` can derive it again, so it need not be stored; without the key it cannot be told from a random one.
 */
export function derivedSecretToken(key: Uint8Array, from: string): string {
  return createHmac('sha256', key).update(from).digest('base64url');
}
