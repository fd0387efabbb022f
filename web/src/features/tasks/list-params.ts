// The list view's filters and order as URL query parameters, so a filtered view can be shared; the board reads the
// same parameters (WEB-7.2), all but those its columns already stand for.
import type { graphql } from '../../graphql.ts';
import { parsePriority, type TaskPriority } from './priority.ts';

export type TaskFilter = ReturnType<typeof graphql.scalar<'TaskFilter'>>;
type TaskOrder = ReturnType<typeof graphql.scalar<'TaskOrder'>>;
export type StateCategory = ReturnType<typeof graphql.scalar<'StateCategory'>>;
export type OrderField = ReturnType<typeof graphql.scalar<'TaskOrderField'>>;

/** The query parameters the list view reads; each holds one value, lists are comma-separated. */
export interface ListParams {
  readonly state?: string | undefined;
  readonly category?: string | undefined;
  /** Assignee ids; `none` stands for unassigned tasks. */
  readonly assignee?: string | undefined;
  readonly label?: string | undefined;
  readonly priority?: string | undefined;
  readonly dueBefore?: string | undefined;
  readonly dueAfter?: string | undefined;
  readonly q?: string | undefined;
  readonly sort?: string | undefined;
  readonly dir?: string | undefined;
}

export const unassigned = 'none';

const listParamNames = [
  'state',
  'category',
  'assignee',
  'label',
  'priority',
  'dueBefore',
  'dueAfter',
  'q',
  'sort',
  'dir',
] as const;

/** The list's parameters in a URL's query, as the router parses it; a parameter given twice counts by its first value. */
export function listParamsOf(query: Readonly<Record<string, string | readonly string[] | undefined>>): ListParams {
  const params: Record<string, string> = {};
  for (const name of listParamNames) {
    const value = query[name];
    const first = typeof value === 'string' ? value : value?.[0];
    if (first !== undefined) params[name] = first;
  }
  return params;
}

export const stateCategories = [
  'BACKLOG',
  'UNSTARTED',
  'STARTED',
  'COMPLETED',
  'CANCELED',
] as const satisfies readonly StateCategory[];

export const categoryLabels: Readonly<Record<StateCategory, string>> = {
  BACKLOG: 'Backlog',
  UNSTARTED: 'Not started',
  STARTED: 'Started',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
};

export const orderFields = [
  'POSITION',
  'PRIORITY',
  'DUE_DATE',
  'CREATED',
  'UPDATED',
] as const satisfies readonly OrderField[];

export const orderLabels: Readonly<Record<OrderField, string>> = {
  POSITION: 'Board order',
  PRIORITY: 'Priority',
  DUE_DATE: 'Due date',
  CREATED: 'Created',
  UPDATED: 'Updated',
};

const sortParams: Readonly<Record<OrderField, string>> = {
  POSITION: 'position',
  PRIORITY: 'priority',
  DUE_DATE: 'due',
  CREATED: 'created',
  UPDATED: 'updated',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The values of a comma-separated parameter. */
export const paramValues = (param: string | undefined): string[] =>
  (param ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);

/** The parameter for a list of values; none leaves it out of the URL. */
export const valuesParam = (values: readonly string[]): string | undefined =>
  values.length > 0 ? [...new Set(values)].join(',') : undefined;

const date = (param: string | undefined): string | undefined => (param && isoDate.test(param) ? param : undefined);

/**
 * Which view reads the parameters: the list applies them all; the board, whose columns are the states in board order,
 * applies the filters but the state, the category and the order, and keeps those in its URL for the list.
 */
export type TaskView = 'list' | 'board';

/** The parameters `view` applies (see `TaskView`). */
export function viewParams(view: TaskView, params: ListParams): ListParams {
  return view === 'list'
    ? params
    : { ...params, state: undefined, category: undefined, sort: undefined, dir: undefined };
}

/** The most words and characters the API takes in a search; past either it refuses it (AUTH-13.11, 13.12). */
export const maxSearchWords = 20;
export const maxSearchLength = 200;

export interface LimitedSearch {
  /** What is searched for: the first 20 words, cut to 200 characters; undefined when blank. */
  readonly search: string | undefined;
  /** The limits the text went past, e.g. "20 words". */
  readonly over: readonly string[];
}

/**
 * The part of a search the API takes. A typed search holds at most 200 characters (the box's `maxlength`), a URL's
 * any number, and a search of more words than the API takes narrows by the first 20 instead of failing the view. A
 * word cut short still finds every task the whole word finds.
 */
export function limitSearch(text: string | undefined): LimitedSearch {
  const trimmed = text?.trim() ?? '';
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { search: undefined, over: [] };
  const over: string[] = [];
  let search = trimmed;
  if (words.length > maxSearchWords) {
    over.push(`${maxSearchWords} words`);
    search = words.slice(0, maxSearchWords).join(' ');
  }
  if (search.length > maxSearchLength) {
    over.push(`${maxSearchLength} characters`);
    // Never end on the first half of a surrogate pair.
    search = search
      .slice(0, maxSearchLength)
      .replace(/[\uD800-\uDBFF]$/, '')
      .trimEnd();
  }
  return { search, over };
}

/** The `filter` argument `view` sends for the URL's parameters, its search cut to what the API takes. */
export function viewFilter(view: TaskView, params: ListParams): TaskFilter {
  return filterFromParams({ ...viewParams(view, params), q: limitSearch(params.q).search });
}

/**
 * The query string of `view` with its filters cleared: none for the list (its order goes too); the board keeps the
 * parameters it does not apply, for the list.
 */
export function clearedQuery(view: TaskView, params: ListParams): string {
  if (view === 'list') return '';
  const kept = new URLSearchParams();
  for (const name of ['state', 'category', 'sort', 'dir'] as const) {
    const value = params[name];
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : '';
}

/** The `filter` argument of `project.tasks` for the URL's parameters; unknown values are ignored. */
export function filterFromParams(params: ListParams): TaskFilter {
  const assignees = paramValues(params.assignee);
  const assigneeIds = assignees.filter((id) => id !== unassigned);
  const priorities = paramValues(params.priority).flatMap((value): TaskPriority[] => {
    const priority = parsePriority(value.toUpperCase());
    return priority ? [priority] : [];
  });
  const categories = paramValues(params.category).flatMap((value): StateCategory[] =>
    stateCategories.filter((category) => category === value.toUpperCase()),
  );
  const search = params.q?.trim();
  const filter: TaskFilter = {
    ...(paramValues(params.state).length > 0 ? { stateIds: paramValues(params.state) } : {}),
    ...(categories.length > 0 ? { stateCategories: categories } : {}),
    ...(assigneeIds.length > 0 ? { assigneeIds } : {}),
    ...(assignees.includes(unassigned) ? { unassigned: true } : {}),
    ...(paramValues(params.label).length > 0 ? { labelIds: paramValues(params.label) } : {}),
    ...(priorities.length > 0 ? { priorities } : {}),
    ...(date(params.dueBefore) ? { dueBefore: date(params.dueBefore) } : {}),
    ...(date(params.dueAfter) ? { dueAfter: date(params.dueAfter) } : {}),
    ...(search ? { search } : {}),
  };
  return filter;
}

/** The `orderBy` argument for the URL's parameters (any case): board order, ascending, unless they say otherwise. */
export function orderFromParams(params: ListParams): TaskOrder & { field: OrderField; direction: 'ASC' | 'DESC' } {
  const sort = params.sort?.toLowerCase();
  const field = orderFields.find((candidate) => sortParams[candidate] === sort) ?? 'POSITION';
  return { field, direction: params.dir?.toLowerCase() === 'desc' ? 'DESC' : 'ASC' };
}

/** The `sort` parameter for an order field; board order is the default and leaves the URL clean. */
export function sortParam(field: OrderField): string | undefined {
  return field === 'POSITION' ? undefined : sortParams[field];
}

/** Whether any filter is set, so the view can offer to clear them. */
export function hasFilters(params: ListParams): boolean {
  return Object.keys(filterFromParams(params)).length > 0;
}

/**
 * How many of the filters besides the search are set (state, assignee, label, priority, due after, due before), as
 * the list's "Filters (n)" button says at phone width; values the list ignores are not counted.
 */
export function filterCount(params: ListParams): number {
  const filter = filterFromParams({ ...params, q: undefined });
  return [
    filter.stateIds ?? filter.stateCategories,
    filter.assigneeIds ?? filter.unassigned,
    filter.labelIds,
    filter.priorities,
    filter.dueAfter,
    filter.dueBefore,
  ].filter(Boolean).length;
}
