// Bearer secrets handed to one person (refresh tokens, invitation links): 256 random bits, kept
// at rest only as a SHA-256 hash, which is enough for values that cannot be guessed.
import { createHash, randomBytes } from 'node:crypto';

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
