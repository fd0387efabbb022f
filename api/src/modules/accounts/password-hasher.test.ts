import { describe, expect, it } from 'vitest';
import { createPasswordHasher, PRODUCTION_BCRYPT_COST } from './password-hasher.ts';

describe('password hasher', () => {
  it('AUTH-2.4 hashes with bcrypt at cost 12 or more in production', async () => {
    expect(PRODUCTION_BCRYPT_COST).toBeGreaterThanOrEqual(12);
    const hasher = await createPasswordHasher();
    const hash = await hasher.hash('lantern-oyster-quiet-47');
    expect(hash).toMatch(new RegExp(`^\\$2b\\$${PRODUCTION_BCRYPT_COST}\\$`));
    await expect(hasher.verify('lantern-oyster-quiet-47', hash)).resolves.toBe(true);
    await expect(hasher.verify('lantern-oyster-quiet-48', hash)).resolves.toBe(false);
  });

  it('AUTH-3.3 answers false for a missing hash after doing the same work', async () => {
    const hasher = await createPasswordHasher(4);
    await expect(hasher.verify('yello-timing-equaliser', undefined)).resolves.toBe(false);
  });
});
