import { describe, expect, it } from 'vitest';
import { suggestSlug } from './slug.ts';

describe('suggestSlug', () => {
  it.each([
    ['Acme', 'acme'],
    ['  Acme Corp.  ', 'acme-corp'],
    ['Café Crème & Co', 'cafe-creme-co'],
    ['R&D -- Team', 'r-d-team'],
    ['42 Labs', 'labs'],
    ['---', ''],
    ['', ''],
  ])('WS-6.1 suggests a slug for %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it('WS-6.1 keeps a suggestion within 40 characters and without a trailing hyphen', () => {
    const slug = suggestSlug(`${'a'.repeat(39)} bcd`);
    expect(slug).toBe('a'.repeat(39));
    expect(suggestSlug('x'.repeat(60))).toHaveLength(40);
  });
});
