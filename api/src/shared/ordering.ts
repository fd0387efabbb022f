// Positions in ordered lists (board columns, tasks in a column): fractional-index keys, so a move
// writes one row. Keys compare byte-wise (the columns use COLLATE "C").
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** A row of an ordered list. */
export interface Positioned {
  readonly id: string;
  readonly position: string;
}

/** A key between two neighbours; either may be absent (start or end of the list). */
export function positionBetween(before: string | null | undefined, after: string | null | undefined): string {
  return generateKeyBetween(before ?? null, after ?? null);
}

/** `count` increasing keys between two neighbours; either may be absent (start or end of the list). */
export function positionsBetween(
  before: string | null | undefined,
  after: string | null | undefined,
  count: number,
): string[] {
  return generateNKeysBetween(before ?? null, after ?? null, count);
}

/** `count` increasing keys, for a list created at once. */
export function initialPositions(count: number): string[] {
  return positionsBetween(null, null, count);
}

/**
 * New positions for the rows of `sorted` (in the order reads show them: position, then id) that share a
 * position with another: each run of equal positions is spread, in the same order, between the rows around
 * it. Only the rows of such runs are returned; the others keep their positions.
 */
export function untied(sorted: readonly Positioned[]): Positioned[] {
  const changes: Positioned[] = [];
  let lower: string | undefined;
  let start = 0;
  while (start < sorted.length) {
    const position = sorted[start]?.position;
    let end = start + 1;
    while (end < sorted.length && sorted[end]?.position === position) end += 1;
    const run = sorted.slice(start, end);
    if (run.length > 1) {
      const keys = positionsBetween(lower, sorted[end]?.position, run.length);
      changes.push(...run.map((row, index) => ({ id: row.id, position: keys[index] ?? row.position })));
      lower = keys.at(-1);
    } else {
      lower = position;
    }
    start = end;
  }
  return changes;
}
