import { describe, expect, it } from 'vitest';
import { slugSchema } from './inputs.ts';

describe('slug rules', () => {
  it.for(['acme', 'acme-inc', 'team42', 'a-b-c'])('WS-1.2 accepts %s', (slug) => {
    expect(slugSchema.parse(slug)).toBe(slug);
  });

  it('WS-1.2 trims and lower-cases', () => {
    expect(slugSchema.parse('  Acme-Inc ')).toBe('acme-inc');
  });

  it.for(['ab', '1acme', 'acme--inc', '-acme', 'acme-', 'acme_inc', 'ac me', 'é-team', 'x'.repeat(41)])(
    'WS-1.2 refuses %s',
    (slug) => {
      expect(slugSchema.safeParse(slug).success).toBe(false);
    },
  );

  it.for(['login', 'invite', 'settings', 'graphql'])('WS-1.2 refuses the reserved %s', (slug) => {
    expect(slugSchema.safeParse(slug).error?.issues[0]?.message).toMatch(/reserved/);
  });
});
