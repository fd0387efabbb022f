import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('AUTH-2.3 accepts a long, uncommon passphrase', () => {
    expect(passwordProblem('lantern-oyster-quiet-47')).toBeUndefined();
  });

  it('AUTH-2.1 refuses fewer than 8 characters, counting characters not bytes', () => {
    expect(passwordProblem('Zx9!qw')).toMatch(/at least 8/);
    expect(passwordProblem('ééééééé')).toMatch(/at least 8/);
  });

  it('AUTH-2.2 refuses more than 72 bytes instead of truncating', () => {
    expect(passwordProblem(`${'a7#Kq'.repeat(14)}xy`)).toBeUndefined();
    expect(passwordProblem(`${'a7#Kq'.repeat(14)}xyz`)).toMatch(/at most 72 bytes/);
    expect(passwordProblem('ü'.repeat(37))).toMatch(/at most 72 bytes/);
  });

  it('AUTH-2.3 refuses common passwords', () => {
    for (const common of ['password123', 'qwertyuiop', '12345678', 'iloveyou1']) {
      expect(passwordProblem(common)).toMatch(/too common/);
    }
  });

  it('AUTH-2.3 refuses a password built from the user’s own name or email', () => {
    expect(passwordProblem('margaretha1', ['margaretha@example.com', 'Margaretha'])).toMatch(/too common/);
  });
});
