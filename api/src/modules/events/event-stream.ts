// One subscriber's stream of a workspace's events (RT-4.2, RT-6): the log's events after a cursor, then the live
// ones, in sequence order with no gap and no duplicate; bounded in memory; ended when the subscriber's access ends.
import { Repeater } from 'graphql-yoga';
import { badUserInput } from '../../shared/errors.ts';
import { type BusMessage, type EventBus, workspaceTopic } from './event-bus.ts';
import type { LoggedEvent } from './event-kinds.ts';
import type { EventLog } from './event-log.ts';

/** Events a subscriber may have waiting before its stream ends with a resync (RT-6.2). */
export const STREAM_QUEUE_LIMIT = 256;

export type ResyncReason = 'RETENTION' | 'OVERFLOW';

/** The longest wait a timer takes (2³¹ − 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The client must refetch what it shows, then go on from `sequence`. */
export interface ResyncRequired {
  kind: 'RESYNC_REQUIRED';
  workspaceId: string;
  reason: ResyncReason;
  sequence: number;
  occurredAt: Date;
}

export type StreamItem = LoggedEvent | ResyncRequired;

export interface StreamRequest {
  workspaceId: string;
  userId: string;
  /** The topic told when the viewer's session or API token ends (RT-5.3). */
  accessTopic: string;
  /** When the access token ends; the stream ends then (RT-5.3). */
  expiresAt?: Date | undefined;
  /** Replay the log's events after this sequence first. */
  after?: number | undefined;
  /** The viewer's own role changed: what was loaded about their memberships is stale. */
  onOwnRoleChange: () => void;
  queueLimit?: number | undefined;
}

export interface StreamDeps {
  log: EventLog;
  bus: EventBus;
  now: () => Date;
}

const AFTER_PATH = ['after'];

export async function openWorkspaceStream(
  { log, bus, now }: StreamDeps,
  request: StreamRequest,
): Promise<AsyncIterableIterator<StreamItem>> {
  const { workspaceId, userId, queueLimit = STREAM_QUEUE_LIMIT } = request;
  const queue: LoggedEvent[] = [];
  let overflowed = false;
  let ended = false;
  let notify: (() => void) | undefined;
  const wake = () => {
    notify?.();
    notify = undefined;
  };
  const onWorkspace = (message: BusMessage) => {
    if (message.type === 'closed') ended = true;
    else if (message.type === 'event') {
      if (queue.length >= queueLimit) overflowed = true;
      else queue.push(message.event);
    }
    wake();
  };
  const onSession = (message: BusMessage) => {
    if (message.type === 'ended') ended = true;
    wake();
  };
  // Listening starts before the last sequence is read, so an event committed in between is received (and skipped
  // if the read already counted it).
  const stops = await Promise.all([
    bus.listen(workspaceTopic(workspaceId), onWorkspace),
    bus.listen(request.accessTopic, onSession),
  ]);
  const unlisten = () => {
    for (const stop of stops) stop();
  };
  let last: number;
  try {
    last = await log.lastSequence(workspaceId);
  } catch (error) {
    unlisten();
    throw error;
  }
  if (request.after !== undefined && request.after > last) {
    unlisten();
    throw badUserInput([{ path: AFTER_PATH, message: 'This cursor is beyond the workspace’s last event.' }]);
  }
  const lastAtStart = last;

  return new Repeater<StreamItem>(async (push, stop) => {
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      wake();
    });
    // Timers wait at most about 24.8 days (2³¹ − 1 ms; a longer wait fires at once), and an API token may live a
    // year: a long wait is taken in steps, each reading the clock again.
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const { expiresAt } = request;
    const expire = () => {
      ended = true;
      wake();
    };
    const awaitExpiry = () => {
      if (expiresAt === undefined) return;
      const remaining = expiresAt.getTime() - now().getTime();
      expiry =
        remaining > MAX_TIMER_MS ? setTimeout(awaitExpiry, MAX_TIMER_MS) : setTimeout(expire, Math.max(0, remaining));
    };
    awaitExpiry();
    const resync = (reason: ResyncReason, sequence: number): ResyncRequired => ({
      kind: 'RESYNC_REQUIRED',
      workspaceId,
      reason,
      sequence,
      occurredAt: now(),
    });
    /** Sends one event in order; false when the stream must end before it (the viewer's own removal). */
    const send = async (event: LoggedEvent): Promise<boolean> => {
      if (event.kind === 'MEMBER_REMOVED' && event.payload.userId === userId) return false;
      if (event.kind === 'MEMBER_ROLE_CHANGED' && event.payload.userId === userId) request.onOwnRoleChange();
      last = event.sequence;
      await push(event);
      return true;
    };
    /** Sends the logged events after `last` and before `before` (all when absent); false when the stream must end. */
    const sendLogged = async (before?: number): Promise<boolean> => {
      for (;;) {
        const page = await log.after(workspaceId, last, undefined, before);
        for (const event of page) if (stopped || ended || !(await send(event))) return false;
        if (page.length === 0 || (before !== undefined && last >= before - 1)) return true;
      }
    };
    try {
      if (request.after !== undefined && request.after < lastAtStart) {
        last = request.after;
        const [next] = await log.after(workspaceId, last, 1);
        if (next?.sequence !== last + 1) {
          // The events after the cursor were deleted by retention (RT-4.3): refetch, then go on live.
          last = lastAtStart;
          await push(resync('RETENTION', last));
        } else if (!(await sendLogged(lastAtStart + 1))) return;
      }
      while (!stopped && !ended) {
        if (overflowed) {
          await push(resync('OVERFLOW', last));
          return;
        }
        const event = queue.shift();
        if (event === undefined) {
          await new Promise<void>((resolve) => {
            notify = resolve;
          });
          continue;
        }
        if (event.sequence <= last) continue;
        // An earlier event is missing (it came later over Redis, or its message was lost): it is in the log, as
        // a sequence number is only given out once the one before has committed (RT-6.1).
        if (event.sequence > last + 1 && !(await sendLogged(event.sequence))) return;
        if (stopped || ended || !(await send(event))) return;
      }
    } finally {
      if (expiry) clearTimeout(expiry);
      unlisten();
      stop();
    }
  });
}
