// How many items a connection's page holds: the limit and the default of `first`/`last`.
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
