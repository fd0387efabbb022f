// Which cards of a virtualised board column are rendered (WEB-6.1) and when it asks for its next page (WEB-6.2).
// Pure: BoardColumn.tsx feeds it the virtualiser's range.

/**
 * The indexes to render: those the virtualiser chose (in and near view), and the pinned ones wherever the column is
 * scrolled (the card being dragged, the one with focus, the one a keyboard move is bringing into view), so that
 * none of them leaves the page under the user's hand. Ascending, each once; pins outside the column are dropped.
 */
export function renderedIndexes(inRange: readonly number[], pinned: readonly number[], count: number): number[] {
  const indexes = new Set(inRange);
  for (const index of pinned) if (index >= 0 && index < count) indexes.add(index);
  return [...indexes].sort((a, b) => a - b);
}

/** How many cards before the end of those loaded a column asks for its next page: about a screen of them. */
export const prefetchCards = 10;

/**
 * Whether the column should ask for the page after `cursor`: it has one, the last card in view is within
 * `prefetchCards` of the end of those loaded, and that page was not asked for already (a failed one is asked for
 * again through Retry, not by scrolling).
 */
export function wantsNextPage(column: {
  readonly lastInView: number;
  readonly loaded: number;
  readonly hasNextPage: boolean;
  readonly cursor: string | null;
  readonly requested: string | undefined;
}): boolean {
  if (!column.hasNextPage || !column.cursor || column.cursor === column.requested) return false;
  return column.lastInView >= column.loaded - 1 - prefetchCards;
}

/** Estimated heights of a card before it is measured, in px, with the space after it: generous, as TanStack advises. */
export const estimatedCardHeight = { comfortable: 96, compact: 44 } as const;
