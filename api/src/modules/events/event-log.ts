// The workspace event log (RT-1): services run their writes through `write`, record an event per entity they
// change, and the log appends those events in the same transaction, numbered by the workspace's counter, then
// publishes them once the transaction has committed.
import type { Db, DbTransaction } from '../../db/database.ts';
import type { WorkspaceRole } from '../../generated/prisma/enums.ts';
import type { Clock } from '../../shared/clock.ts';
import { type EventBus, workspaceTopic } from './event-bus.ts';
import { checkedEvent, type LoggedEvent, type NewEvent, parseLoggedEvent } from './event-kinds.ts';

/** Records an event of the running transaction; it is written when the work is done, before commit. */
export type RecordEvent = (event: NewEvent) => void;

export interface EventLogDeps {
  db: Db;
  bus: EventBus;
  clock: Clock;
}

/** The page size of log reads: a replay reads the log in pages of this many events. */
export const LOG_PAGE = 100;

/**
 * Appends the events in one statement, as the transaction's last: the counter row is upserted and stays locked until
 * commit, so the next writer of the workspace numbers after this one's committed value (gapless, in commit order,
 * RT-1.2), and the holder of that lock takes no other lock after it, so it never waits in a circle.
 */
async function append(
  tx: DbTransaction,
  workspaceId: string,
  actorId: string | null,
  events: NewEvent[],
  occurredAt: Date,
): Promise<LoggedEvent[]> {
  const count = events.length;
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    WITH counter AS (
      INSERT INTO "WorkspaceEventCounter" ("workspaceId", "lastSequence") VALUES (${workspaceId}::uuid, ${count})
      ON CONFLICT ("workspaceId") DO UPDATE SET "lastSequence" = "WorkspaceEventCounter"."lastSequence" + ${count}
      RETURNING "lastSequence"
    ), appended AS (
      INSERT INTO "WorkspaceEvent" ("workspaceId", "sequence", "kind", "actorId", "entityId", "version", "payload", "occurredAt")
      SELECT ${workspaceId}::uuid, counter."lastSequence" - ${count} + e.n, e.kind::"WorkspaceEventKind", ${actorId}::uuid,
        e.entity, e.version, e.payload::jsonb, ${occurredAt}
      FROM counter, unnest(${events.map((event) => event.kind)}::text[], ${events.map((event) => event.entityId)}::uuid[],
        ${events.map((event) => event.version)}::int[], ${events.map((event) => JSON.stringify(event.payload))}::text[])
        WITH ORDINALITY AS e(kind, entity, version, payload, n)
      RETURNING 1
    )
    SELECT counter."lastSequence" AS last FROM counter, (SELECT count(*) FROM appended) AS written`;
  if (!row) throw new Error('The event counter returned no row.');
  const first = row.last - count + 1;
  return events.map((event, index) => ({ ...event, workspaceId, actorId, sequence: first + index, occurredAt }));
}

export function createEventLog({ db, bus, clock }: EventLogDeps) {
  const publish = (events: LoggedEvent[]) => {
    for (const event of events) bus.publish(workspaceTopic(event.workspaceId), { type: 'event', event });
  };

  return {
    /**
     * Runs `work` in a transaction; the events it records are appended before the commit (none if it throws: the
     * transaction rolls back with them, RT-1.3) and published after it (RT-3.1).
     */
    async write<T>(
      workspaceId: string,
      actorId: string | null,
      work: (tx: DbTransaction, record: RecordEvent) => Promise<T>,
    ): Promise<T> {
      let logged: LoggedEvent[] = [];
      const result = await db.$transaction(async (tx) => {
        const recorded: NewEvent[] = [];
        const value = await work(tx, (event) => recorded.push(checkedEvent(event)));
        if (recorded.length > 0) logged = await append(tx, workspaceId, actorId, recorded, clock.now());
        return value;
      });
      publish(logged);
      return result;
    },

    /** Tells the workspace's subscribers it is gone; its log went with it. */
    closed(workspaceId: string): void {
      bus.publish(workspaceTopic(workspaceId), { type: 'closed' });
    },

    /** Events of the workspace after `sequence`, in order, at most `limit` (up to `before` when given). */
    async after(workspaceId: string, sequence: number, limit = LOG_PAGE, before?: number): Promise<LoggedEvent[]> {
      const rows = await db.workspaceEvent.findMany({
        where: { workspaceId, sequence: { gt: sequence, ...(before === undefined ? {} : { lt: before }) } },
        orderBy: { sequence: 'asc' },
        take: limit,
      });
      return rows.map(parseLoggedEvent);
    },

    /** A page of the workspace's events between two sequences, for a cursor connection (newest first when inverted). */
    async page(
      workspaceId: string,
      { after, before, limit, inverted }: { after?: number; before?: number; limit: number; inverted: boolean },
    ): Promise<LoggedEvent[]> {
      const rows = await db.workspaceEvent.findMany({
        where: {
          workspaceId,
          sequence: { ...(after === undefined ? {} : { gt: after }), ...(before === undefined ? {} : { lt: before }) },
        },
        orderBy: { sequence: inverted ? 'desc' : 'asc' },
        take: limit,
      });
      return rows.map(parseLoggedEvent);
    },

    /** The last sequence given out in the workspace (0 before its first event). */
    async lastSequence(workspaceId: string): Promise<number> {
      const counter = await db.workspaceEventCounter.findUnique({ where: { workspaceId } });
      return counter?.lastSequence ?? 0;
    },

    /**
     * The versions of everything a user can read (PT-10.1), in one statement: for each of their workspaces, their role,
     * its last sequence (every committed change of its data bumps it) and a digest of its members' profiles (a rename
     * is in no workspace's log), and the user's own profile (one in no workspace can still read themselves), as one
     * string. Equal versions mean equal data, on every instance.
     */
    async readVersions(userId: string): Promise<string> {
      // From the user's own row, so that one in no workspace still has a version: their own profile (a rename).
      const rows = await db.$queryRaw<
        {
          self: Date;
          workspaceId: string | null;
          role: WorkspaceRole | null;
          sequence: number;
          people: string | null;
        }[]
      >`
        SELECT me."updatedAt" AS "self", m."workspaceId"::text AS "workspaceId", m."role" AS "role",
          COALESCE(c."lastSequence", 0) AS "sequence",
          (SELECT md5(json_agg(json_build_array(u."id", u."name", u."email", u."updatedAt") ORDER BY u."id")::text)
             FROM "Membership" co JOIN "User" u ON u."id" = co."userId"
             WHERE co."workspaceId" = m."workspaceId") AS "people"
        FROM "User" me
        LEFT JOIN "Membership" m ON m."userId" = me."id"
        LEFT JOIN "WorkspaceEventCounter" c ON c."workspaceId" = m."workspaceId"
        WHERE me."id" = ${userId}::uuid
        ORDER BY m."workspaceId"`;
      const self = rows[0]?.self.getTime() ?? 0;
      return [
        `self:${self}`,
        ...rows.flatMap((row) =>
          row.workspaceId ? [`${row.workspaceId}:${row.role}:${row.sequence}:${row.people ?? ''}`] : [],
        ),
      ].join(',');
    },

    /** Deletes the events that happened before `date` (retention, RT-1.6); returns how many. */
    async deleteOlderThan(date: Date): Promise<number> {
      return (await db.workspaceEvent.deleteMany({ where: { occurredAt: { lt: date } } })).count;
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes events older than `days` now and then every `intervalMs` (RT-1.6); returns the function that stops it.
 * Every instance may run it: deleting what another already deleted changes nothing.
 */
export function scheduleRetention(
  log: Pick<EventLog, 'deleteOlderThan'>,
  {
    clock,
    days,
    onError,
    intervalMs = RETENTION_INTERVAL_MS,
  }: {
    clock: Clock;
    days: number;
    onError: (error: unknown) => void;
    intervalMs?: number;
  },
): () => void {
  const run = () => {
    log.deleteOlderThan(new Date(clock.now().getTime() - days * 24 * 60 * 60 * 1000)).catch(onError);
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
