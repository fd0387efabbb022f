// The events module's part of the GraphQL schema: the WorkspaceEvent interface and one type per kind, the live
// subscription and the polling query (RT-4). Each event type's scope is membership of the event's workspace, and its
// entity is read with the reader's own selection and scopes, so a VIEWER sees what a VIEWER may read (RT-5.6).
import type { FieldMap } from '@pothos/core';
import { encodeGlobalID, resolveCursorConnection } from '@pothos/plugin-relay';
import { builder } from '../../graphql/builder.ts';
import { isSequenceCursor } from '../../graphql/connection-cursors.ts';
import type { Context } from '../../graphql/context.ts';
import { badUserInput, unauthenticated } from '../../shared/errors.ts';
import { UserRef } from '../accounts/schema.ts';
import { ProjectRef, WorkflowStateRef } from '../projects/schema.ts';
import { LabelRef, TaskRef } from '../tasks/schema.ts';
import { MembershipRef, WorkspaceRef } from '../workspaces/schema.ts';
import { sessionTopic, tokenTopic } from './event-bus.ts';
import type { EventKind, LoggedEvent, LoggedEventOf } from './event-kinds.ts';
import type { ResyncRequired, StreamItem } from './event-stream.ts';

/** The sequence a cursor names; BAD_USER_INPUT at `argument` for anything else. */
export function parseSequenceCursor(cursor: string, argument: string): number {
  const value = isSequenceCursor(cursor) ? Number(cursor || '0') : Number.NaN;
  if (!Number.isSafeInteger(value) || value > 2_147_483_647) {
    throw badUserInput([
      { path: [argument], message: 'This cursor is not one Yello gave out: use an event’s cursor.' },
    ]);
  }
  return value;
}

/** The GraphQL type of each kind of event. */
export const typeNames = {
  TASK_CREATED: 'TaskCreated',
  TASK_UPDATED: 'TaskUpdated',
  TASK_MOVED: 'TaskMoved',
  TASK_DELETED: 'TaskDeleted',
  COMMENT_ADDED: 'CommentAdded',
  COMMENT_EDITED: 'CommentEdited',
  COMMENT_DELETED: 'CommentDeleted',
  LABEL_CREATED: 'LabelCreated',
  LABEL_UPDATED: 'LabelUpdated',
  LABEL_DELETED: 'LabelDeleted',
  PROJECT_CREATED: 'ProjectCreated',
  PROJECT_UPDATED: 'ProjectUpdated',
  PROJECT_DELETED: 'ProjectDeleted',
  STATE_CREATED: 'WorkflowStateCreated',
  STATE_UPDATED: 'WorkflowStateUpdated',
  STATE_DELETED: 'WorkflowStateDeleted',
  MEMBER_JOINED: 'MemberJoined',
  MEMBER_ROLE_CHANGED: 'MemberRoleChanged',
  MEMBER_REMOVED: 'MemberRemoved',
  WORKSPACE_UPDATED: 'WorkspaceUpdated',
} as const satisfies Record<EventKind, string>;

export const WorkspaceEventRef = builder.interfaceRef<StreamItem>('WorkspaceEvent').implement({
  description:
    'A change to a workspace, in the order of its log. Apply an entity only when its `version` is newer than the one you hold.',
  resolveType: (item) => (item.kind === 'RESYNC_REQUIRED' ? 'ResyncRequired' : typeNames[item.kind]),
  fields: (t) => ({
    cursor: t.string({
      description: 'The event’s place in its workspace’s log (1, 2, 3… with no gap): pass it as `after` to resume.',
      resolve: (item) => String(item.sequence),
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the change was written to the log; for ResyncRequired, when it was sent.',
      resolve: (item) => item.occurredAt,
    }),
  }),
});

const ResyncReasonEnum = builder.enumType('ResyncReason', {
  values: {
    RETENTION: { description: 'The events after your cursor are older than the log keeps.' },
    OVERFLOW: { description: 'Events came faster than you read them; the stream ends after this.' },
  },
});

builder.objectRef<ResyncRequired>('ResyncRequired').implement({
  description: 'Refetch what you show, then resume from this event’s cursor: events you missed can no longer be sent.',
  interfaces: [WorkspaceEventRef],
  isTypeOf: (item) => typeof item === 'object' && item !== null && 'kind' in item && item.kind === 'RESYNC_REQUIRED',
  authScopes: (item) => ({ member: item.workspaceId }),
  fields: (t) => ({
    reason: t.field({
      type: ResyncReasonEnum,
      description: 'Why the events before this one cannot be sent.',
      resolve: (item) => item.reason,
    }),
  }),
});

const globalId = (typename: string, id: string) => encodeGlobalID(typename, id);

/** The actor, if the reader still shares a workspace with them (as `Task.creator`); null for a deleted user. */
async function actorOf(event: LoggedEvent, context: Context) {
  if (event.actorId === null) return null;
  const visible =
    event.actorId === context.viewer?.userId || (await context.memberships.sharesWorkspaceWith(event.actorId));
  return visible ? context.db.user.findUnique({ where: { id: event.actorId } }) : null;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type EventFieldBuilder<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

/** One object type per kind: its scope, the interface, and `actor` and `version`, with `fields` of its own. */
function eventType<K extends EventKind>(
  kind: K,
  description: string,
  fields: (t: EventFieldBuilder<LoggedEventOf<K>>) => FieldMap,
) {
  return builder.objectRef<LoggedEventOf<K>>(typeNames[kind]).implement({
    description,
    interfaces: [WorkspaceEventRef],
    isTypeOf: (item) => typeof item === 'object' && item !== null && 'kind' in item && item.kind === kind,
    authScopes: (event) => ({ member: event.workspaceId }),
    fields: (t) => ({
      actor: t.field({
        type: UserRef,
        nullable: true,
        description: 'Who made the change; null once they no longer share a workspace with you.',
        resolve: (event, _args, context) => actorOf(event, context),
      }),
      version: t.int({
        description: 'The version of the entity after this change.',
        resolve: (event) => event.version,
      }),
      ...fields(t),
    }),
  });
}

const NULL_WHEN_DELETED = 'Null when it was deleted since.';

for (const kind of ['TASK_CREATED', 'TASK_UPDATED', 'TASK_MOVED'] as const) {
  const what = { TASK_CREATED: 'created', TASK_UPDATED: 'changed', TASK_MOVED: 'moved' }[kind];
  eventType(kind, `A task was ${what}.`, (t) => ({
    task: t.prismaField({
      type: TaskRef,
      nullable: true,
      description: `The task as it is now. ${NULL_WHEN_DELETED}`,
      resolve: (query, event, _args, context) =>
        context.db.task.findFirst({ ...query, where: { id: event.entityId, workspaceId: event.workspaceId } }),
    }),
    projectId: t.id({
      description: 'The global id of the task’s project.',
      resolve: (event) => globalId('Project', event.payload.projectId),
    }),
    ...(kind === 'TASK_UPDATED'
      ? {
          fields: t.stringList({
            description: 'The fields this change set: title, description, priority, dueDate, state, assignee, labels.',
            resolve: (event) => (event.kind === 'TASK_UPDATED' ? event.payload.fields : []),
          }),
        }
      : {}),
    ...(kind === 'TASK_MOVED'
      ? {
          fromStateId: t.id({
            description: 'The state (board column) it left.',
            resolve: (event) => globalId('WorkflowState', event.kind === 'TASK_MOVED' ? event.payload.fromStateId : ''),
          }),
        }
      : {}),
  }));
}

eventType('TASK_DELETED', 'A task was deleted, with its comments and history.', (t) => ({
  taskId: t.id({ description: 'The global id the task had.', resolve: (event) => globalId('Task', event.entityId) }),
  projectId: t.id({
    description: 'The global id of its project.',
    resolve: (event) => globalId('Project', event.payload.projectId),
  }),
  stateId: t.id({
    description: 'The state (board column) it was in.',
    resolve: (event) => globalId('WorkflowState', event.payload.stateId),
  }),
}));

for (const kind of ['COMMENT_ADDED', 'COMMENT_EDITED'] as const) {
  eventType(kind, kind === 'COMMENT_ADDED' ? 'A comment was added to a task.' : 'A comment was edited.', (t) => ({
    comment: t.prismaField({
      type: 'Comment',
      nullable: true,
      description: `The comment as it is now. ${NULL_WHEN_DELETED}`,
      resolve: (query, event, _args, context) =>
        context.db.comment.findFirst({
          ...query,
          where: { id: event.entityId, task: { workspaceId: event.workspaceId } },
        }),
    }),
    taskId: t.id({
      description: 'The global id of the task it is on.',
      resolve: (event) => globalId('Task', event.payload.taskId),
    }),
  }));
}

eventType('COMMENT_DELETED', 'A comment was deleted.', (t) => ({
  commentId: t.id({
    description: 'The global id the comment had.',
    resolve: (event) => globalId('Comment', event.entityId),
  }),
  taskId: t.id({
    description: 'The global id of the task it was on.',
    resolve: (event) => globalId('Task', event.payload.taskId),
  }),
}));

for (const kind of ['LABEL_CREATED', 'LABEL_UPDATED'] as const) {
  eventType(kind, kind === 'LABEL_CREATED' ? 'A label was created.' : 'A label was renamed or recoloured.', (t) => ({
    label: t.prismaField({
      type: LabelRef,
      nullable: true,
      description: `The label as it is now. ${NULL_WHEN_DELETED}`,
      resolve: (query, event, _args, context) =>
        context.db.label.findFirst({ ...query, where: { id: event.entityId, workspaceId: event.workspaceId } }),
    }),
  }));
}

eventType('LABEL_DELETED', 'A label was deleted; the tasks that had it no longer do.', (t) => ({
  labelId: t.id({ description: 'The global id the label had.', resolve: (event) => globalId('Label', event.entityId) }),
}));

for (const kind of ['PROJECT_CREATED', 'PROJECT_UPDATED'] as const) {
  eventType(
    kind,
    kind === 'PROJECT_CREATED' ? 'A project was created.' : 'A project was changed, archived or restored.',
    (t) => ({
      project: t.prismaField({
        type: ProjectRef,
        nullable: true,
        description: `The project as it is now. ${NULL_WHEN_DELETED}`,
        resolve: (query, event, _args, context) =>
          context.db.project.findFirst({ ...query, where: { id: event.entityId, workspaceId: event.workspaceId } }),
      }),
    }),
  );
}

eventType('PROJECT_DELETED', 'A project was deleted, with its states and tasks.', (t) => ({
  projectId: t.id({
    description: 'The global id the project had.',
    resolve: (event) => globalId('Project', event.entityId),
  }),
}));

for (const kind of ['STATE_CREATED', 'STATE_UPDATED'] as const) {
  eventType(
    kind,
    kind === 'STATE_CREATED' ? 'A workflow state was added.' : 'A workflow state was changed or moved.',
    (t) => ({
      state: t.prismaField({
        type: WorkflowStateRef,
        nullable: true,
        description: `The state as it is now. ${NULL_WHEN_DELETED}`,
        resolve: (query, event, _args, context) =>
          context.db.workflowState.findFirst({
            ...query,
            where: { id: event.entityId, project: { workspaceId: event.workspaceId } },
          }),
      }),
      projectId: t.id({
        description: 'The global id of the state’s project.',
        resolve: (event) => globalId('Project', event.payload.projectId),
      }),
    }),
  );
}

eventType('STATE_DELETED', 'A workflow state was deleted; its tasks were moved first (a TaskMoved each).', (t) => ({
  stateId: t.id({
    description: 'The global id the state had.',
    resolve: (event) => globalId('WorkflowState', event.entityId),
  }),
  projectId: t.id({
    description: 'The global id of its project.',
    resolve: (event) => globalId('Project', event.payload.projectId),
  }),
}));

for (const kind of ['MEMBER_JOINED', 'MEMBER_ROLE_CHANGED'] as const) {
  eventType(kind, kind === 'MEMBER_JOINED' ? 'Someone joined the workspace.' : 'A member’s role changed.', (t) => ({
    membership: t.prismaField({
      type: MembershipRef,
      nullable: true,
      description: `The membership as it is now. ${NULL_WHEN_DELETED}`,
      resolve: (query, event, _args, context) =>
        context.db.membership.findFirst({ ...query, where: { id: event.entityId, workspaceId: event.workspaceId } }),
    }),
  }));
}

eventType('MEMBER_REMOVED', 'A member left or was removed; their tasks and projects lost them first.', (t) => ({
  membershipId: t.id({
    description: 'The global id the membership had.',
    resolve: (event) => globalId('Membership', event.entityId),
  }),
  userId: t.id({
    description: 'The global id of the user who left or was removed.',
    resolve: (event) => globalId('User', event.payload.userId),
  }),
}));

eventType('WORKSPACE_UPDATED', 'The workspace was renamed or its URL name changed.', (t) => ({
  workspace: t.prismaField({
    type: WorkspaceRef,
    nullable: true,
    description: 'The workspace as it is now.',
    resolve: (query, event, _args, context) =>
      context.db.workspace.findUnique({ ...query, where: { id: event.workspaceId } }),
  }),
}));

builder.subscriptionType({
  description:
    'Live streams over Server-Sent Events (`Accept: text/event-stream`, GET or POST on /graphql), with the same access token as queries.',
});

builder.subscriptionField('workspaceEvents', (t) =>
  t.field({
    type: WorkspaceEventRef,
    description:
      'The workspace’s events as they commit, in order. With `after` (an event’s cursor), the events after it come first, then the live ones, with no gap or repeat. Ends when you leave the workspace or your session or access token ends: reconnect with a fresh token and your last cursor.',
    args: {
      workspaceId: t.arg.globalID({
        for: WorkspaceRef,
        required: true,
        description: 'The workspace to follow; NOT_FOUND unless you are a member.',
      }),
      after: t.arg.string({
        required: false,
        description:
          'The cursor of the last event you applied; only live events when absent. A cursor that is not an event’s, or lies beyond the last event, is BAD_USER_INPUT.',
      }),
    },
    authScopes: (_root, { workspaceId }) => ({ member: workspaceId.id }),
    subscribe: (_root, { workspaceId, after }, context) => {
      const { viewer } = context;
      if (viewer === null || viewer.kind === 'webhook') throw unauthenticated();
      return context.services.openStream({
        workspaceId: workspaceId.id,
        userId: viewer.userId,
        // Ends with the session, or the API token (INT-1.6).
        accessTopic: viewer.kind === 'session' ? sessionTopic(viewer.sessionId) : tokenTopic(viewer.tokenId),
        expiresAt: viewer.expiresAt,
        after: after === null || after === undefined ? undefined : parseSequenceCursor(after, 'after'),
        onMembershipChange: () => context.memberships.reset(),
        stillAllowed: async () => {
          context.memberships.reset();
          if ((await context.memberships.roleIn(workspaceId.id)) === undefined) return false;
          return viewer.kind === 'session'
            ? context.services.sessions.isOpen(viewer.sessionId)
            : context.services.apiTokens.isActive(viewer.tokenId);
        },
      });
    },
    resolve: (item) => item,
  }),
);

builder.queryField('workspaceEvents', (t) =>
  t.connection({
    type: WorkspaceEventRef,
    description:
      'The workspace’s logged events in order (kept for EVENT_RETENTION_DAYS, 30 by default), for clients that poll or catch up; edge cursors are event cursors.',
    args: {
      workspaceId: t.arg.globalID({
        for: WorkspaceRef,
        required: true,
        description: 'The workspace whose log to read; NOT_FOUND unless you are a member.',
      }),
    },
    authScopes: (_root, { workspaceId }) => ({ member: workspaceId.id }),
    resolve: (_root, args, context) =>
      resolveCursorConnection<Promise<LoggedEvent[]>>(
        { args, toCursor: (event) => String(event.sequence) },
        ({ after, before, limit, inverted }) =>
          context.services.events.page(args.workspaceId.id, {
            after: after === undefined ? undefined : parseSequenceCursor(after, 'after'),
            before: before === undefined ? undefined : parseSequenceCursor(before, 'before'),
            limit,
            inverted,
          }),
      ),
  }),
);
