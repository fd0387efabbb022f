// The kinds of workspace events and the payload each carries (RT-1.4): ids of what the event concerns, never the
// text of a title, a description or a comment, so the log holds nothing a VIEWER may not read and needs no scrubbing.
import { z } from 'zod';
import type { WorkspaceEventKind } from '../../generated/prisma/enums.ts';

const id = z.uuid();
const role = z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);

/** The task fields an update can change, as its event names them. */
export const taskFields = ['title', 'description', 'priority', 'dueDate', 'state', 'assignee', 'labels'] as const;

export const eventPayloads = {
  TASK_CREATED: z.object({ projectId: id, stateId: id }),
  TASK_UPDATED: z.object({ projectId: id, fields: z.array(z.enum(taskFields)) }),
  TASK_MOVED: z.object({ projectId: id, fromStateId: id, toStateId: id }),
  TASK_DELETED: z.object({ projectId: id, stateId: id }),
  COMMENT_ADDED: z.object({ taskId: id }),
  COMMENT_EDITED: z.object({ taskId: id }),
  COMMENT_DELETED: z.object({ taskId: id }),
  LABEL_CREATED: z.object({}),
  LABEL_UPDATED: z.object({}),
  LABEL_DELETED: z.object({}),
  PROJECT_CREATED: z.object({}),
  PROJECT_UPDATED: z.object({}),
  PROJECT_DELETED: z.object({}),
  STATE_CREATED: z.object({ projectId: id }),
  STATE_UPDATED: z.object({ projectId: id }),
  STATE_DELETED: z.object({ projectId: id }),
  MEMBER_JOINED: z.object({ userId: id, role }),
  MEMBER_ROLE_CHANGED: z.object({ userId: id, role }),
  MEMBER_REMOVED: z.object({ userId: id }),
  WORKSPACE_UPDATED: z.object({}),
} satisfies Record<WorkspaceEventKind, z.ZodType>;

export type EventKind = WorkspaceEventKind;
export type PayloadOf<K extends EventKind> = z.infer<(typeof eventPayloads)[K]>;

/** An event as a service records it: which entity changed, to which version, and the kind's payload. */
export type NewEvent = {
  [K in EventKind]: { kind: K; entityId: string; version: number; payload: PayloadOf<K> };
}[EventKind];

/** An event as the log holds it and the bus carries it. */
export type LoggedEvent = NewEvent & {
  workspaceId: string;
  sequence: number;
  actorId: string | null;
  occurredAt: Date;
};

export type LoggedEventOf<K extends EventKind> = Extract<LoggedEvent, { kind: K }>;

const loggedFields = z.object({
  workspaceId: id,
  sequence: z.number().int().positive(),
  actorId: id.nullable(),
  entityId: id,
  version: z.number().int().positive(),
  occurredAt: z.coerce.date(),
});

const loggedEvent = z.discriminatedUnion('kind', [
  loggedFields.extend({ kind: z.literal('TASK_CREATED'), payload: eventPayloads.TASK_CREATED }),
  loggedFields.extend({ kind: z.literal('TASK_UPDATED'), payload: eventPayloads.TASK_UPDATED }),
  loggedFields.extend({ kind: z.literal('TASK_MOVED'), payload: eventPayloads.TASK_MOVED }),
  loggedFields.extend({ kind: z.literal('TASK_DELETED'), payload: eventPayloads.TASK_DELETED }),
  loggedFields.extend({ kind: z.literal('COMMENT_ADDED'), payload: eventPayloads.COMMENT_ADDED }),
  loggedFields.extend({ kind: z.literal('COMMENT_EDITED'), payload: eventPayloads.COMMENT_EDITED }),
  loggedFields.extend({ kind: z.literal('COMMENT_DELETED'), payload: eventPayloads.COMMENT_DELETED }),
  loggedFields.extend({ kind: z.literal('LABEL_CREATED'), payload: eventPayloads.LABEL_CREATED }),
  loggedFields.extend({ kind: z.literal('LABEL_UPDATED'), payload: eventPayloads.LABEL_UPDATED }),
  loggedFields.extend({ kind: z.literal('LABEL_DELETED'), payload: eventPayloads.LABEL_DELETED }),
  loggedFields.extend({ kind: z.literal('PROJECT_CREATED'), payload: eventPayloads.PROJECT_CREATED }),
  loggedFields.extend({ kind: z.literal('PROJECT_UPDATED'), payload: eventPayloads.PROJECT_UPDATED }),
  loggedFields.extend({ kind: z.literal('PROJECT_DELETED'), payload: eventPayloads.PROJECT_DELETED }),
  loggedFields.extend({ kind: z.literal('STATE_CREATED'), payload: eventPayloads.STATE_CREATED }),
  loggedFields.extend({ kind: z.literal('STATE_UPDATED'), payload: eventPayloads.STATE_UPDATED }),
  loggedFields.extend({ kind: z.literal('STATE_DELETED'), payload: eventPayloads.STATE_DELETED }),
  loggedFields.extend({ kind: z.literal('MEMBER_JOINED'), payload: eventPayloads.MEMBER_JOINED }),
  loggedFields.extend({ kind: z.literal('MEMBER_ROLE_CHANGED'), payload: eventPayloads.MEMBER_ROLE_CHANGED }),
  loggedFields.extend({ kind: z.literal('MEMBER_REMOVED'), payload: eventPayloads.MEMBER_REMOVED }),
  loggedFields.extend({ kind: z.literal('WORKSPACE_UPDATED'), payload: eventPayloads.WORKSPACE_UPDATED }),
]);

/** An event read back from the log's row or from the bus's JSON (dates as strings), checked against its kind. */
export function parseLoggedEvent(value: unknown): LoggedEvent {
  return loggedEvent.parse(value);
}

/** Checks a recorded event's payload against its kind before it is written. */
export function checkedEvent(event: NewEvent): NewEvent {
  eventPayloads[event.kind].parse(event.payload);
  return event;
}
