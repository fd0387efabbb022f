// Positions in ordered lists (board columns, tasks in a column): fractional-index keys, so a move
// writes one row. Keys compare byte-wise (the columns use COLLATE "C").
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** A key between two neighbours; either may be absent (start or end of the list). */
export function positionBetween(before: string | null | undefined, after: string | null | undefined): string {
  return generateKeyBetween(before ?? null, after ?? null);
}

/** `count` increasing keys, for a list created at once. */
export function initialPositions(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}
