import { describe, expect, it } from 'vitest';
import { parseRole } from './roles.ts';

describe('parseRole', () => {
  it('WS-6.3 reads a role from a form value', () => {
    expect(parseRole('ADMIN')).toBe('ADMIN');
    expect(parseRole('admin')).toBeUndefined();
  });
});
