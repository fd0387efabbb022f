import { describe, expect, it } from 'vitest';
import { API_TOKEN_PATTERN, isWellFormedToken, newTokenSecret } from './token-format.ts';

describe('API token format', () => {
  it('INT-1.2 issues yel_ + 36 base62 characters + a 6-character checksum, different every time', () => {
    const secrets = Array.from({ length: 200 }, newTokenSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(API_TOKEN_PATTERN);
      expect(isWellFormedToken(secret)).toBe(true);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('INT-1.2 refuses a token with any character changed, a wrong prefix or length, or a bad checksum', () => {
    const secret = newTokenSecret();
    for (let index = 4; index < secret.length; index += 1) {
      const character = secret[index] === 'a' ? 'b' : 'a';
      expect(isWellFormedToken(`${secret.slice(0, index)}${character}${secret.slice(index + 1)}`)).toBe(false);
    }
    expect(isWellFormedToken(`ghp_${secret.slice(4)}`)).toBe(false);
    expect(isWellFormedToken(secret.slice(0, -1))).toBe(false);
    expect(isWellFormedToken(`${secret}0`)).toBe(false);
    expect(isWellFormedToken('yel_')).toBe(false);
  });
});
