import { describe, expect, it } from 'vitest';
import { parseRole } from './roles.ts';

describe('parseRole', () => {
  it('reads a role from a form value', () => {
    expect(parseRole('ADMIN')).toBe('ADMIN');
    expect(parseRole('admin')).toBeUndefined();
  });
});
