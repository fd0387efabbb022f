// What the normalised cache does after a change, whoever made it: the updaters of mutations (client.ts) and of the
// workspace's live events (live-events.ts) both use these.
import { stringifyVariables } from '@urql/core';
import type { Cache, Entity, Variables } from '@urql/exchange-graphcache';
import { graphql } from '../graphql.ts';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const entity = (__typename: string, id: string | undefined): Entity => (id ? { __typename, id } : undefined);

/** Drops `field` of `owner` under every set of arguments it was read with, so the queries using it fetch again. */
export function invalidateField(cache: Cache, owner: Entity, field: string): void {
  for (const info of cache.inspectFields(owner)) {
    if (info.fieldName === field) cache.invalidate(owner, field, info.arguments);
  }
}

/** The signed-in user's workspaces changed: created, joined, left, deleted or renamed. */
export function invalidateViewerWorkspaces(cache: Cache): void {
  invalidateField(cache, 'Query', 'workspaces');
  const viewer = cache.resolve('Query', 'me');
  if (typeof viewer === 'string') invalidateField(cache, viewer, 'memberships');
}

/**
 * Drops every page of `field` on the workspaces opened in this session, after one of its rows went away: a
 * merged list with a page missing or a dangling row would show the wrong rows, so it is fetched again.
 */
export function invalidateWorkspaceLists(
  cache: Cache,
  field: 'members' | 'invitations' | 'projects' | 'labels' | 'webhooks',
): void {
  for (const info of cache.inspectFields('Query')) {
    const workspace = info.fieldName === 'workspace' ? cache.resolve('Query', info.fieldKey) : null;
    if (typeof workspace === 'string') invalidateField(cache, workspace, field);
  }
}

/** Drops a workspace the user no longer reaches, and every list it was in. */
export function forgetWorkspace(cache: Cache, id: string | undefined): void {
  cache.invalidate(entity('Workspace', id));
  invalidateViewerWorkspaces(cache);
}

export const stringKeys = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The projects opened in this session (`project(workspaceSlug, key)`), as cache keys. */
function cachedProjects(cache: Cache): string[] {
  return cache
    .inspectFields('Query')
    .filter((info) => info.fieldName === 'project')
    .flatMap((info) => stringKeys([cache.resolve('Query', info.fieldKey)]));
}

/** A cached page of a board column: its state, the page (a `tasks` list) and the arguments it was read with. */
interface ColumnList {
  readonly state: string;
  readonly list: string;
  readonly args: Variables | null;
}

/** Every board column read in this session: a state and each of its cached `tasks` lists (pages, filters). */
function boardColumns(cache: Cache): ColumnList[] {
  return cachedProjects(cache)
    .flatMap((project) => stringKeys(cache.resolve(project, 'states')))
    .flatMap((state) =>
      cache
        .inspectFields(state)
        .filter((info) => info.fieldName === 'tasks')
        .flatMap((info) =>
          stringKeys([cache.resolve(state, info.fieldKey)]).map((list) => ({ state, list, args: info.arguments })),
        ),
    );
}

const pagingArguments = new Set(['first', 'last', 'after', 'before']);

/** The column a page belongs to: its state and its arguments but the paging ones (the board's filter). */
const columnOf = (page: ColumnList): string => {
  const rest = Object.entries(page.args ?? {}).filter(([name]) => !pagingArguments.has(name));
  return `${page.state} ${stringifyVariables(Object.fromEntries(rest))}`;
};

/** Whether a page was read with a filter (WEB-7.2). */
const isFiltered = (page: ColumnList): boolean => page.args?.filter != null;

const ColumnTaskCount = graphql(`
  fragment ColumnTaskCount on WorkflowState {
    id
    tasks(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
      __typename
      totalCount
    }
  }
`);

/** Adds `change` to the `totalCount` a column's page holds (the one the board shows is its first page's). */
function changeTotalCount(cache: Cache, page: ColumnList, change: number): void {
  const count = cache.resolve(page.list, 'totalCount');
  const id = cache.resolve(page.state, 'id');
  if (typeof count !== 'number' || typeof id !== 'string') return;
  cache.writeFragment(
    ColumnTaskCount,
    { id, tasks: { __typename: 'WorkflowStateTasksConnection', totalCount: Math.max(0, count + change) } },
    // The page's own arguments, so that the count is written where the page was read.
    page.args ?? {},
  );
}

const StateTaskCount = graphql(`
  fragment StateTaskCount on WorkflowState {
    id
    taskCount
  }
`);

function setStateTaskCount(cache: Cache, state: string, change: number): void {
  const count = cache.resolve(state, 'taskCount');
  const id = cache.resolve(state, 'id');
  if (typeof count !== 'number' || typeof id !== 'string') return;
  cache.writeFragment(StateTaskCount, { id, taskCount: Math.max(0, count + change) });
}

export interface Placement {
  readonly stateId: string;
  readonly afterId?: string | undefined;
  readonly beforeId?: string | undefined;
  /**
   * The task's own position, when its neighbours are not known (a teammate's change): it goes before the first card
   * placed after it. Positions compare as bytes, as the API orders them.
   */
  readonly position?: string | undefined;
}

interface ColumnPage extends ColumnList {
  readonly nodes: string[];
}

/** Where in `nodes` a task at `position` goes: before the first card after it, or at the end; none when unknown. */
function indexByPosition(cache: Cache, nodes: readonly string[], position: string): number {
  const index = nodes.findIndex((node) => {
    const other = cache.resolve(node, 'position');
    return typeof other === 'string' && other > position;
  });
  return index >= 0 ? index : nodes.length;
}

/** Whether a cached page of a connection says more pages follow it. */
export const hasNextPage = (cache: Cache, list: string): boolean => {
  const pageInfo = cache.resolve(list, 'pageInfo');
  return typeof pageInfo === 'string' && cache.resolve(pageInfo, 'hasNextPage') === true;
};

/**
 * The page of the target column that gets the task: the one holding its neighbour; by position, the page with
 * the first card after it, else the column's last page (a position past a page with more to come belongs to a
 * page not read yet); else the first page.
 */
function targetPage(
  cache: Cache,
  pages: readonly ColumnPage[],
  task: string,
  anchors: { after: string | null; before: string | null; position: string | undefined },
): ColumnPage | undefined {
  const { after, before, position } = anchors;
  if (position !== undefined) {
    const rest = (page: ColumnPage) => page.nodes.filter((node) => node !== task);
    return (
      pages.find((page) => indexByPosition(cache, rest(page), position) < rest(page).length) ??
      pages.find((page) => !hasNextPage(cache, page.list))
    );
  }
  return pages.find(({ nodes }) => (after && nodes.includes(after)) || (before && nodes.includes(before))) ?? pages[0];
}

/**
 * Puts a task into a board column between its neighbours (or by its position), taking it out of any other column,
 * so the board shows a move (or a new task) before the server answers, or as a teammate made it. Placing a task
 * where it already is changes nothing, so an event and the answer to one's own mutation may both place it. Lists
 * that were never read are left alone. A column read in several pages gets the task in the page holding its
 * neighbour, or else in the first page.
 */
export function placeOnBoard(cache: Cache, taskId: string, placement: Placement | undefined): void {
  const task = cache.keyOfEntity({ __typename: 'Task', id: taskId });
  if (!task) return;
  const target = placement && cache.keyOfEntity({ __typename: 'WorkflowState', id: placement.stateId });
  const anchor = (id: string | undefined) => (id ? cache.keyOfEntity({ __typename: 'Task', id }) : null);
  const after = anchor(placement?.afterId);
  const before = anchor(placement?.beforeId);
  const position = placement?.position;
  const columns: ColumnPage[] = boardColumns(cache).map((column) => ({
    ...column,
    nodes: stringKeys(cache.resolve(column.list, 'nodes')),
  }));
  // One page gets the task in each column of the target state read (with each filter the board had).
  const targets = new Map<string, ColumnPage[]>();
  for (const column of columns) {
    if (column.state !== target) continue;
    targets.set(columnOf(column), [...(targets.get(columnOf(column)) ?? []), column]);
  }
  const into = new Set(
    [...targets.values()].flatMap((pages) => targetPage(cache, pages, task, { after, before, position }) ?? []),
  );
  const was = new Set<string>();
  const is = new Set<string>();
  /** The same per column read (each filter apart), whose `totalCount` follows. */
  const wasIn = new Set<string>();
  const isIn = new Set<string>();
  for (const column of columns) {
    const { state, list, nodes } = column;
    const rest = nodes.filter((node) => node !== task);
    const next = [...rest];
    if (into.has(column)) {
      const afterIndex = after ? rest.indexOf(after) : -1;
      const beforeIndex = before ? rest.indexOf(before) : -1;
      const index =
        position !== undefined
          ? indexByPosition(cache, rest, position)
          : afterIndex >= 0
            ? afterIndex + 1
            : beforeIndex >= 0
              ? beforeIndex
              : rest.length;
      next.splice(index, 0, task);
    }
    if (nodes.length !== rest.length) {
      was.add(state);
      wasIn.add(columnOf(column));
    }
    if (next.length !== rest.length) {
      is.add(state);
      isIn.add(columnOf(column));
    }
    if (nodes.join() !== next.join()) cache.link(list, 'nodes', next);
  }
  for (const state of new Set([...was, ...is])) {
    if (was.has(state) !== is.has(state)) setStateTaskCount(cache, state, is.has(state) ? 1 : -1);
  }
  for (const column of columns) {
    const key = columnOf(column);
    if (wasIn.has(key) !== isIn.has(key)) changeTotalCount(cache, column, isIn.has(key) ? 1 : -1);
  }
}

/** Takes a deleted task off the boards and out of the cache; the list views fetch again. */
export function removeTask(cache: Cache, id: string | undefined): void {
  if (id) placeOnBoard(cache, id, undefined);
  cache.invalidate(entity('Task', id));
  invalidateTaskLists(cache);
}

/** Drops the states (the board's columns) of every project read, after one was added, moved or deleted. */
export function invalidateProjectStates(cache: Cache): void {
  for (const project of cachedProjects(cache)) invalidateField(cache, project, 'states');
}

/** Drops the list views' pages (`project.tasks` with filters) of every project read, to be fetched again. */
export function invalidateTaskLists(cache: Cache): void {
  for (const project of cachedProjects(cache)) {
    invalidateField(cache, project, 'tasks');
    invalidateField(cache, project, 'taskCount');
  }
}

/**
 * Drops the filtered board columns (WEB-7.2) of every project read, to be fetched again: a teammate's change or an
 * edit may make a task match a filter or no longer match it. A task one moves or creates on a filtered board stays
 * where it was put until then.
 */
export function invalidateFilteredBoards(cache: Cache): void {
  for (const column of boardColumns(cache)) {
    if (isFiltered(column)) cache.invalidate(column.state, 'tasks', column.args ?? undefined);
  }
}

export function invalidateBoards(cache: Cache): void {
  for (const { state } of boardColumns(cache)) {
    invalidateField(cache, state, 'tasks');
    invalidateField(cache, state, 'taskCount');
  }
}
