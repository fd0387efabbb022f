import { describe, expect, it } from 'vitest';
import { prefetchCards, renderedIndexes, wantsNextPage } from './board-window.ts';

describe('the cards a board column renders', () => {
  it('WEB-6.1 renders the virtualiser’s range and the pinned cards wherever they are, each once, in order', () => {
    expect(renderedIndexes([40, 41, 42, 43], [], 500)).toEqual([40, 41, 42, 43]);
    // The card being dragged (3) and the one with focus (42, already in range); none for a pin out of the column.
    expect(renderedIndexes([40, 41, 42, 43], [3, 42, -1, 500], 500)).toEqual([3, 40, 41, 42, 43]);
    expect(renderedIndexes([], [7], 8)).toEqual([7]);
  });
});

describe('a board column’s next page', () => {
  const column = { lastInView: 20, loaded: 100, hasNextPage: true, cursor: 'c100', requested: undefined };

  it('WEB-6.2 is asked for once the last card in view nears the end of those loaded', () => {
    expect(wantsNextPage(column)).toBe(false);
    expect(wantsNextPage({ ...column, lastInView: 99 - prefetchCards - 1 })).toBe(false);
    expect(wantsNextPage({ ...column, lastInView: 99 - prefetchCards })).toBe(true);
    expect(wantsNextPage({ ...column, lastInView: 99 })).toBe(true);
    // A short column shows its end at once.
    expect(wantsNextPage({ ...column, loaded: 3, lastInView: 2 })).toBe(true);
  });

  it('WEB-6.2 is not asked for when there is none, or twice', () => {
    expect(wantsNextPage({ ...column, lastInView: 99, hasNextPage: false })).toBe(false);
    expect(wantsNextPage({ ...column, lastInView: 99, cursor: null })).toBe(false);
    expect(wantsNextPage({ ...column, lastInView: 99, requested: 'c100' })).toBe(false);
    // The page after it is another cursor.
    expect(wantsNextPage({ ...column, loaded: 200, lastInView: 199, cursor: 'c200', requested: 'c100' })).toBe(true);
  });
});
