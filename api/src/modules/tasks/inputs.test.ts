import { describe, expect, it } from 'vitest';
import { parseTaskKey } from './inputs.ts';

describe('task keys', () => {
  it('PT-3.6 reads keys case-insensitively', () => {
    expect(parseTaskKey('YEL-42')).toEqual({ projectKey: 'YEL', number: 42 });
    expect(parseTaskKey(' yel-7 ')).toEqual({ projectKey: 'YEL', number: 7 });
  });

  it.for(['YEL', 'YEL-', '42', 'Y-1', 'YEL-4a', 'ABCDEFG-1', 'YEL--1'])('PT-3.6 refuses %s', (key) => {
    expect(parseTaskKey(key)).toBeUndefined();
  });
});
