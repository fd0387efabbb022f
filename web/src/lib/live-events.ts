// A workspace's live events (Subscription.workspaceEvents) in the app client: which ones change anything (versions),
// what each does to the normalised cache, and what the subscription's owner hears from its connection.
import type { OperationContext } from '@urql/core';
import type { Cache } from '@urql/exchange-graphcache';
import { graphql } from '../graphql.ts';
import {
  entity,
  forgetWorkspace,
  hasNextPage,
  invalidateField,
  invalidateFilteredBoards,
  invalidateProjectStates,
  invalidateTaskLists,
  invalidateViewerWorkspaces,
  invalidateWorkspaceLists,
  isRecord,
  optionalString,
  placeOnBoard,
  removeTask,
  stringKeys,
} from './cache.ts';

/** The entity an event is about (as `Typename:id`), and the entity's version after the event. */
export interface EventSubject {
  readonly key: string;
  readonly version: number;
}

/** The entity each deletion names by id: its type and the event's field holding the id. */
const deletions: Readonly<Record<string, readonly [typename: string, idField: string]>> = {
  TaskDeleted: ['Task', 'taskId'],
  CommentDeleted: ['Comment', 'commentId'],
  LabelDeleted: ['Label', 'labelId'],
  ProjectDeleted: ['Project', 'projectId'],
  WorkflowStateDeleted: ['WorkflowState', 'stateId'],
  MemberRemoved: ['Membership', 'membershipId'],
};

/** The field holding the entity of every other event (null when it was deleted since). */
const entityFields = ['task', 'comment', 'label', 'project', 'state', 'membership', 'workspace'] as const;

const entityKey = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.__typename === 'string' && typeof value.id === 'string'
    ? `${value.__typename}:${value.id}`
    : undefined;

/** What an event is about; none for `ResyncRequired`, or an entity event whose entity is gone. */
export function eventSubject(event: unknown): EventSubject | undefined {
  if (!isRecord(event) || typeof event.__typename !== 'string' || typeof event.version !== 'number') return undefined;
  const { version } = event;
  const deletion = deletions[event.__typename];
  if (deletion) {
    const id = optionalString(event[deletion[1]]);
    return id ? { key: `${deletion[0]}:${id}`, version } : undefined;
  }
  for (const field of entityFields) {
    const key = entityKey(event[field]);
    if (key) return { key, version };
  }
  return undefined;
}

/** The value of a result's one root field, e.g. the event of a `workspaceEvents` result. */
export const rootField = (data: unknown): unknown => (isRecord(data) ? Object.values(data)[0] : undefined);

interface FieldNode {
  readonly name: { readonly value: string };
  readonly alias?: { readonly value: string };
  readonly selectionSet?: unknown;
}

const fieldNode = (node: unknown): node is FieldNode =>
  isRecord(node) && node.kind === 'Field' && isRecord(node.name) && typeof node.name.value === 'string';

/** The response keys a selection set selects, its inline fragments' included (fragment spreads are not followed). */
function selectedKeys(selectionSet: unknown): string[] {
  const selections = isRecord(selectionSet) && Array.isArray(selectionSet.selections) ? selectionSet.selections : [];
  return selections.flatMap((selection: unknown): string[] => {
    if (fieldNode(selection)) return [selection.alias?.value ?? selection.name.value];
    return isRecord(selection) && selection.kind === 'InlineFragment' ? selectedKeys(selection.selectionSet) : [];
  });
}

/**
 * A subscription result with every field its root field's selection names, and the event lacks (those of the other
 * event types' fragments), set to null. Without a schema, graphcache writes each inline fragment whatever the
 * event's type, and warns in development about each of their fields missing from the data; a null is written
 * nowhere, as an event is not stored.
 */
export function withOtherTypesFieldsNull<Data extends Record<string, unknown>>(
  data: Data | null | undefined,
  document: unknown,
): Data | Record<string, unknown> | null | undefined {
  const definitions = isRecord(document) && Array.isArray(document.definitions) ? document.definitions : [];
  const operation: unknown = definitions.find(
    (definition: unknown) => isRecord(definition) && definition.kind === 'OperationDefinition',
  );
  const root: unknown =
    isRecord(operation) && isRecord(operation.selectionSet) ? operation.selectionSet.selections : [];
  const field: unknown = Array.isArray(root) ? root[0] : undefined;
  if (!fieldNode(field) || !data) return data;
  const key = field.alias?.value ?? field.name.value;
  const event = data[key];
  if (!isRecord(event)) return data;
  const missing = selectedKeys(field.selectionSet).filter((name) => event[name] === undefined);
  return { ...data, [key]: { ...event, ...Object.fromEntries(missing.map((name) => [name, null])) } };
}

/** An event's cursor, to resume after it. */
export const eventCursor = (event: unknown): string | undefined =>
  isRecord(event) ? optionalString(event.cursor) : undefined;

/**
 * The newest version of each entity this client has received, in any answer or event. Events arrive in order, but
 * the entity they carry is read when they are sent, and one's own mutation answers race them: an event whose
 * version is not newer than what the client already holds would only put an older state back.
 */
export interface KnownVersions {
  /** Notes the version of every entity in an answer (query, mutation or event). */
  record(data: unknown): void;
  /** Whether an event may change the cache: true, and noted, unless its version is not newer than the known one. */
  admit(event: unknown): boolean;
}

export function createKnownVersions(): KnownVersions {
  const versions = new Map<string, number>();
  const note = (key: string, version: number) => {
    if (version > (versions.get(key) ?? 0)) versions.set(key, version);
  };
  const record = (data: unknown): void => {
    if (Array.isArray(data)) {
      for (const item of data) record(item);
      return;
    }
    if (!isRecord(data)) return;
    const key = entityKey(data);
    if (key && typeof data.version === 'number') note(key, data.version);
    for (const value of Object.values(data)) {
      if (typeof value === 'object' && value !== null) record(value);
    }
  };
  return {
    record,
    admit(event) {
      const subject = eventSubject(event);
      if (!subject) return true;
      const known = versions.get(subject.key);
      if (known !== undefined && subject.version <= known) return false;
      note(subject.key, subject.version);
      return true;
    },
  };
}

const TaskCommentCount = graphql(`
  fragment TaskCommentCount on Task {
    id
    commentCount
  }
`);

function changeCommentCount(cache: Cache, taskId: string, change: number): void {
  const count = cache.resolve(entity('Task', taskId), 'commentCount');
  if (typeof count === 'number') {
    cache.writeFragment(TaskCommentCount, { id: taskId, commentCount: Math.max(0, count + change) });
  }
}

/** The cached pages of a task's comments, as cache keys of their connections. */
function commentPages(cache: Cache, taskId: string): string[] {
  const task = entity('Task', taskId);
  return cache
    .inspectFields(task)
    .filter((info) => info.fieldName === 'comments')
    .flatMap((info) => stringKeys([cache.resolve(task, info.fieldKey)]));
}

/** Adds a new comment to the last page of its task's comments (pages still to come will bring it), and counts it. */
function addComment(cache: Cache, taskId: string, commentId: string): void {
  const comment = cache.keyOfEntity({ __typename: 'Comment', id: commentId });
  if (!comment) return;
  const pages = commentPages(cache, taskId);
  if (pages.some((page) => stringKeys(cache.resolve(page, 'nodes')).includes(comment))) return;
  const last = pages.find((page) => !hasNextPage(cache, page));
  if (last) cache.link(last, 'nodes', [...stringKeys(cache.resolve(last, 'nodes')), comment]);
  changeCommentCount(cache, taskId, 1);
}

function removeComment(cache: Cache, taskId: string, commentId: string): void {
  const comment = cache.keyOfEntity({ __typename: 'Comment', id: commentId });
  for (const page of commentPages(cache, taskId)) {
    const nodes = stringKeys(cache.resolve(page, 'nodes'));
    if (comment && nodes.includes(comment)) {
      cache.link(
        page,
        'nodes',
        nodes.filter((node) => node !== comment),
      );
    }
  }
  cache.invalidate(entity('Comment', commentId));
  changeCommentCount(cache, taskId, -1);
}

/** Fetches everything of the workspace on screen again: events were missed (RT-4.3, RT-6.2). */
function resync(cache: Cache): void {
  for (const info of cache.inspectFields('Query')) {
    if (['workspace', 'project', 'task', 'node'].includes(info.fieldName)) {
      cache.invalidate('Query', info.fieldName, info.arguments);
    }
  }
}

const idOf = (value: unknown): string | undefined => (isRecord(value) ? optionalString(value.id) : undefined);

/**
 * Applies one event of `workspaceId` to the cache, after graphcache has stored the entity it carries (edits and
 * moves need nothing more). Creations join their lists, deletions leave them, once: an event applied twice, or
 * after the answer to one's own mutation, changes nothing more. Events that `KnownVersions` turns away never get
 * here. Lists whose order or filter the event may change are fetched again, as after one's own mutations.
 */
export function applyWorkspaceEvent(cache: Cache, workspaceId: string | undefined, event: unknown): void {
  if (!isRecord(event)) return;
  const workspace = entity('Workspace', workspaceId);
  switch (event.__typename) {
    case 'TaskCreated':
    case 'TaskMoved':
    case 'TaskUpdated': {
      const task = event.task;
      const id = idOf(task);
      if (!id || !isRecord(task)) return;
      const stateId = idOf(task.state);
      const placed = event.__typename !== 'TaskUpdated' || stringKeys(event.fields).includes('state');
      if (stateId && placed) placeOnBoard(cache, id, { stateId, position: optionalString(task.position) });
      invalidateField(cache, entity('Task', id), 'activity');
      invalidateTaskLists(cache);
      // Whether the task matches a board's filter now is the server's to say (WEB-7.2).
      invalidateFilteredBoards(cache);
      return;
    }
    case 'TaskDeleted':
      removeTask(cache, optionalString(event.taskId));
      return;
    case 'CommentAdded': {
      const taskId = optionalString(event.taskId);
      const commentId = idOf(event.comment);
      if (taskId && commentId) addComment(cache, taskId, commentId);
      return;
    }
    case 'CommentDeleted': {
      const taskId = optionalString(event.taskId);
      const commentId = optionalString(event.commentId);
      if (taskId && commentId) removeComment(cache, taskId, commentId);
      return;
    }
    case 'LabelCreated':
      invalidateField(cache, workspace, 'labels');
      return;
    case 'LabelDeleted':
      cache.invalidate(entity('Label', optionalString(event.labelId)));
      invalidateWorkspaceLists(cache, 'labels');
      return;
    case 'ProjectCreated':
      invalidateField(cache, workspace, 'projects');
      return;
    case 'ProjectUpdated':
      // It may have been archived or brought back.
      invalidateWorkspaceLists(cache, 'projects');
      return;
    case 'ProjectDeleted':
      cache.invalidate(entity('Project', optionalString(event.projectId)));
      invalidateWorkspaceLists(cache, 'projects');
      return;
    case 'WorkflowStateCreated':
    case 'WorkflowStateUpdated':
      // A new column, or one that may have moved: the board's columns are fetched again.
      invalidateField(cache, entity('Project', optionalString(event.projectId)), 'states');
      return;
    case 'WorkflowStateDeleted':
      // Its tasks moved to another state: the project is fetched again.
      invalidateProjectStates(cache);
      invalidateTaskLists(cache);
      cache.invalidate(entity('WorkflowState', optionalString(event.stateId)));
      return;
    case 'MemberJoined':
      invalidateField(cache, workspace, 'members');
      return;
    case 'MemberRoleChanged':
      if (isRecord(event.membership) && event.membership.isViewer === true) {
        invalidateField(cache, workspace, 'viewerRole');
        invalidateField(cache, workspace, 'viewerCan');
      }
      return;
    case 'MemberRemoved': {
      const viewer = cache.resolve('Query', 'me');
      const removed = cache.keyOfEntity(entity('User', optionalString(event.userId)));
      cache.invalidate(entity('Membership', optionalString(event.membershipId)));
      invalidateWorkspaceLists(cache, 'members');
      if (removed && viewer === removed) forgetWorkspace(cache, workspaceId);
      return;
    }
    case 'WorkspaceUpdated':
      invalidateViewerWorkspaces(cache);
      return;
    case 'ResyncRequired':
      resync(cache);
      return;
  }
}

/** What the owner of a live subscription hears from its connection, and where each (re)connection resumes. */
export interface LiveConnection {
  /** The cursor of the last event applied; every connection, retries included, resumes after it. */
  after(): string | undefined;
  /** An event was applied, or turned away as not newer: either way it needs no replay. */
  applied(cursor: string): void;
  /** A connection is being opened; `retrying` after the last one was lost or could not be opened. */
  connecting(retrying: boolean): void;
  /** The server accepted the connection: missed events, then live ones, follow. */
  connected(): void;
}

const liveConnectionKey = 'liveConnection';

/** The operation context that gives a subscription its `LiveConnection`. */
export const withLiveConnection = (connection: LiveConnection): Partial<OperationContext> => ({
  [liveConnectionKey]: connection,
});

const isLiveConnection = (value: unknown): value is LiveConnection =>
  isRecord(value) &&
  typeof value.after === 'function' &&
  typeof value.applied === 'function' &&
  typeof value.connecting === 'function' &&
  typeof value.connected === 'function';

export function liveConnectionOf(context: OperationContext): LiveConnection | undefined {
  const value: unknown = context[liveConnectionKey];
  return isLiveConnection(value) ? value : undefined;
}

/**
 * How long to wait before connection attempt `retries + 1`: half a second, doubling up to half a minute, with up to
 * a quarter more at random so that clients cut off together do not come back together.
 */
export function reconnectDelay(retries: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** retries);
  return Math.round(base * (1 + random() / 4));
}
