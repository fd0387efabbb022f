import { describe, expect, it } from 'vitest';
import { citedIds, citedIdsWithRanges, compareIds, startsWithBareNumber } from './ids.ts';

describe('criterion IDs', () => {
  it('TRACE-1.1 reads qualified IDs wherever they stand, once each', () => {
    expect(
      citedIds('AUTH-3.2, WS-5.7 refuses; see AUTH-3.2 and _Requirements: PT-1.5_. Not 5.3, not AUTH-3, not X-1.2'),
    ).toEqual(['AUTH-3.2', 'WS-5.7', 'PT-1.5']);
  });

  it('TRACE-1.1 expands ranges in tasks over the criteria that exist, within and across requirements', () => {
    const existing = new Set(['PT-1.1', 'PT-1.2', 'PT-1.3', 'PT-2.1', 'PT-2.2', 'PT-3.1', 'WS-1.2']);
    expect(citedIdsWithRanges('_Requirements: PT-1.2–2.1_', existing).sort(compareIds)).toEqual([
      'PT-1.2',
      'PT-1.3',
      'PT-2.1',
    ]);
    expect(citedIdsWithRanges('PT-2.1-PT-2.9', existing).sort(compareIds)).toEqual(['PT-2.1', 'PT-2.2', 'PT-2.9']);
  });

  it('TRACE-2.5 recognises the old bare-number titles', () => {
    expect(startsWithBareNumber('5.3 OWNER may read')).toBe(true);
    expect(startsWithBareNumber('WS-5.3 OWNER may read')).toBe(false);
    expect(startsWithBareNumber('a body over 102400 bytes')).toBe(false);
  });

  it('TRACE-1.1 orders IDs by code and then numerically', () => {
    expect(['PT-2.10', 'AUTH-1.1', 'PT-2.9', 'PT-10.1'].sort(compareIds)).toEqual([
      'AUTH-1.1',
      'PT-2.9',
      'PT-2.10',
      'PT-10.1',
    ]);
  });
});
