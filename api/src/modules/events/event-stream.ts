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

/** Events after which what the stream knows about memberships is stale. */
const membershipKinds: ReadonlySet<LoggedEvent['kind']> = new Set([
  'MEMBER_JOINED',
  'MEMBER_ROLE_CHANGED',
  'MEMBER_REMOVED',
]);

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
  /** Someone joined, left or changed role: what was loaded about memberships is stale. */
  onMembershipChange: () => void;
  /**
   * Whether the viewer may still read the workspace, asked once listening: a removal, a revocation or a sign-out
   * committed while the stream opened ends it there (RT-5.2, RT-5.3).
   */
  stillAllowed: () => Promise<boolean>;
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
  if (request.after !== undefined && request.after > (await log.lastSequence(workspaceId))) {
    throw badUserInput([{ path: AFTER_PATH, message: 'This cursor is beyond the workspace’s last event.' }]);
  }

  // Everything the stream holds is taken inside the executor, which runs from the first read: a stream returned or
  // dropped before it is read (a 406, a client that gave up while it opened) holds nothing.
  return new Repeater<StreamItem>(async (push, stop) => {
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      wake();
    });
    const stops: (() => void)[] = [];
    // Timers wait at most about 24.8 days (2³¹ − 1 ms; a longer wait fires at once), and an API token may live a
    // year: a long wait is taken in steps, each reading the clock again.
    let expiry: ReturnType<typeof setTimeout> | undefined;
    try {
      // Listening starts before the last sequence is read, so an event committed in between is received (and
      // skipped if the read already counted it); access is checked again once listening, so that a removal, a
      // revocation or a sign-out committed while the stream opened is not missed (RT-5.2, RT-5.3).
      stops.push(await bus.listen(workspaceTopic(workspaceId), onWorkspace));
      stops.push(await bus.listen(request.accessTopic, onSession));
      let last = await log.lastSequence(workspaceId);
      const lastAtStart = last;
      if (!(await request.stillAllowed())) return;
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
        // Who is a member, and with which role, changed: what was loaded about memberships is stale (RT-5.4).
        if (membershipKinds.has(event.kind)) request.onMembershipChange();
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
      for (const unlisten of stops) unlisten();
      stop();
    }
  });
}
