import { describe, expect, it } from 'vitest';
import { suggestKey } from './project-key.ts';

describe('project key suggestion', () => {
  it('PT-8.1 suggests initials or the first letters', () => {
    expect(suggestKey('Yello')).toBe('YEL');
    expect(suggestKey('Mobile app redesign')).toBe('MAR');
    expect(suggestKey('Ünïcode 2 Things')).toBe('UT');
    expect(suggestKey('a b c d e f g h')).toBe('ABCDEF');
    expect(suggestKey('X 1')).toBe('');
    expect(suggestKey('Go')).toBe('GO');
  });
});
