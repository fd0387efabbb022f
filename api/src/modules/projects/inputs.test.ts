import { describe, expect, it } from 'vitest';
import { colorSchema, projectKeySchema } from './inputs.ts';

describe('project inputs', () => {
  it.for(['YE', 'yel', ' Acme ', 'ABCDEF'])('PT-1.2 accepts the key %s, upper-cased', (key) => {
    expect(projectKeySchema.parse(key)).toBe(key.trim().toUpperCase());
  });

  it.for(['Y', 'ABCDEFG', 'YE1', 'Y-E', 'ÉTÉ'])('PT-1.2 refuses the key %s', (key) => {
    expect(projectKeySchema.safeParse(key).success).toBe(false);
  });

  it('PT-2.3 accepts #RRGGBB colours only', () => {
    expect(colorSchema.parse('#3b82f6')).toBe('#3B82F6');
    for (const bad of ['3b82f6', '#fff', '#3b82f6aa', 'blue']) expect(colorSchema.safeParse(bad).success).toBe(false);
  });
});
