// Delivers webhooks from the workspace event log (HOOK-5, HOOK-6). Each instance runs one dispatcher; they share
// the work through the database: a webhook's cursor advances under its row lock, and a delivery is sent by the
// instance that leased it (`FOR UPDATE SKIP LOCKED`), only when every earlier delivery of its webhook is done.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { Db, DbTransaction } from '../../db/database.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { type AuditLog, systemAuditSource } from '../audit/audit-log.ts';
import type { LoggedEvent } from '../events/event-kinds.ts';
import type { EventLog } from '../events/event-log.ts';
import { messageIdOf } from './webhooks.ts';

/** What the dispatcher needs of an HTTP client: one POST that never throws (the outbound module's). */
export interface DeliveryClient {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number | null; bodyPrefix: string; durationMs: number; error: string | null }>;
}

/** The first retry waits this long (times the jitter): within a minute (HOOK-6.2). */
export const FIRST_RETRY_MS = 30_000;
/** Each wait doubles, times a jitter in [1, 1.125): so each is at least 2 / 1.125 ≈ 1.78 times the one before. */
const JITTER = 0.125;
/** A webhook failing this long without a success is disabled (HOOK-6.4). */
export const FAILING_LIMIT_MS = 3 * 24 * 60 * 60 * 1000;
/** Deliveries are kept this long (HOOK-8.1). */
export const DELIVERY_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;
/** An instance holds a delivery this long while it sends it: more than the request's timeout. */
const LEASE_MS = 60_000;
/** Events turned into deliveries per webhook per round, and deliveries sent per round. */
const BATCH = 100;
const SENDS_PER_ROUND = 20;
/** Deliveries one webhook sends one after another in a round: its backlog drains at its endpoint's pace. */
const CHAIN_LENGTH = 50;
const GONE = 'The endpoint answered 410 Gone.';
const FAILING = 'Deliveries failed for three days without a success.';

/** The wait before retry `attempt` (1 for the first retry), with `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number): number {
  return FIRST_RETRY_MS * 2 ** (attempt - 1) * (1 + JITTER * random);
}

/** Whether the event concerns one of the webhook's projects; workspace-wide events always do. */
function inProjects(webhook: Pick<Webhook, 'projectIds'>, projectOf: string | null): boolean {
  return webhook.projectIds.length === 0 || projectOf === null || webhook.projectIds.includes(projectOf);
}

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  log: Pick<EventLog, 'after'>;
  client: DeliveryClient;
  /** The JSON body of an event for a webhook: the webhook document executed as the webhook (HOOK-5.2). */
  bodyOf: (event: LoggedEvent, webhook: Webhook) => Promise<string>;
  /** Where a webhook disabled by Yello is recorded (HOOK-1.1). */
  audit: AuditLog;
  /** Jitter source, in [0, 1). */
  random?: () => number;
}

export function createWebhookDispatcher({
  db,
  clock,
  log,
  client,
  bodyOf,
  audit,
  random = Math.random,
}: DispatcherDeps) {
  /** The project an event concerns, or null for a workspace-wide one; comments through their task. */
  async function projectsOf(events: LoggedEvent[]): Promise<Map<number, string | null>> {
    const taskIds = events.flatMap((event) => ('taskId' in event.payload ? [event.payload.taskId] : []));
    const tasks =
      taskIds.length === 0
        ? []
        : await db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, projectId: true } });
    const projectOfTask = new Map(tasks.map((task) => [task.id, task.projectId]));
    return new Map(
      events.map((event) => {
        const { payload } = event;
        if ('projectId' in payload) return [event.sequence, payload.projectId];
        if (event.kind.startsWith('PROJECT_')) return [event.sequence, event.entityId];
        // A comment of a task deleted since: its project is unknown, so it goes to every webhook of its kind.
        if ('taskId' in payload) return [event.sequence, projectOfTask.get(payload.taskId) ?? null];
        return [event.sequence, null];
      }),
    );
  }

  /** Turns one webhook's new events into deliveries and advances its cursor; false when another instance did. */
  async function enqueueFor(webhook: Webhook, lastSequence: number): Promise<number> {
    const events = await log.after(webhook.workspaceId, webhook.cursor, BATCH);
    if (events.length === 0) {
      // The events past its cursor are gone (retention, while it was disabled): nothing to deliver up to the counter.
      await db.webhook.updateMany({
        where: { id: webhook.id, cursor: webhook.cursor },
        data: { cursor: lastSequence },
      });
      return 0;
    }
    const projects = await projectsOf(events);
    const matching = events.filter(
      (event) => webhook.eventTypes.includes(event.kind) && inProjects(webhook, projects.get(event.sequence) ?? null),
    );
    // Built before the transaction: executing the document reads the database, and must not wait on this lock.
    const now = clock.now();
    const deliveries = await Promise.all(
      matching.map(async (event) => ({
        webhookId: webhook.id,
        workspaceId: webhook.workspaceId,
        eventSequence: event.sequence,
        eventType: event.kind,
        body: await bodyOf(event, webhook),
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    const last = events.at(-1)?.sequence ?? webhook.cursor;
    return db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ cursor: number }[]>`
        SELECT "cursor" FROM "Webhook" WHERE "id" = ${webhook.id}::uuid FOR UPDATE SKIP LOCKED`;
      // Another instance holds it, or moved its cursor since we read it: its deliveries are made there.
      if (locked[0]?.cursor !== webhook.cursor) return 0;
      await tx.webhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
      await tx.webhook.update({ where: { id: webhook.id }, data: { cursor: last } });
      return deliveries.length;
    });
  }

  /** Creates the deliveries of every enabled webhook whose workspace logged events past its cursor (HOOK-6.1). */
  async function enqueue(): Promise<number> {
    // Those furthest behind first, so that a busy webhook does not hold the others back.
    const behind = await db.$queryRaw<{ id: string; lastSequence: number }[]>`
      SELECT w."id", c."lastSequence" FROM "Webhook" w
      JOIN "WorkspaceEventCounter" c ON c."workspaceId" = w."workspaceId"
      WHERE w."enabled" AND c."lastSequence" > w."cursor"
      ORDER BY w."updatedAt"
      LIMIT 100`;
    let created = 0;
    for (const { id, lastSequence } of behind) {
      const webhook = await db.webhook.findUnique({ where: { id } });
      if (webhook?.enabled) created += await enqueueFor(webhook, lastSequence);
    }
    return created;
  }

  /**
   * Leases the deliveries that are due, one per webhook: the oldest unfinished one, so a webhook's deliveries go
   * out in event order (HOOK-6.5). Each enabled webhook's head is found through its index (the cost grows with the
   * webhooks, not with their backlogs); an instance that loses the race for a head's row re-checks its lease and
   * skips it, so a delivery has one sender at a time.
   */
  async function claim(now: Date, webhookId: string | null = null) {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    return db.$queryRaw<{ id: string; webhookId: string; attemptCount: number }[]>`
      UPDATE "WebhookDelivery" SET "leaseUntil" = ${leaseUntil}, "attemptCount" = "attemptCount" + 1
      WHERE "id" IN (
        SELECT head."id" FROM "Webhook" w
        CROSS JOIN LATERAL (
          SELECT d."id", d."nextAttemptAt", d."leaseUntil" FROM "WebhookDelivery" d
          WHERE d."webhookId" = w."id" AND d."state" = 'PENDING'
          ORDER BY d."eventSequence" LIMIT 1
        ) head
        WHERE w."enabled" AND (${webhookId}::uuid IS NULL OR w."id" = ${webhookId}::uuid)
          AND head."nextAttemptAt" <= ${now} AND (head."leaseUntil" IS NULL OR head."leaseUntil" < ${now})
        ORDER BY head."nextAttemptAt"
        LIMIT ${SENDS_PER_ROUND}
      )
      AND "state" = 'PENDING' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      RETURNING "id", "webhookId", "attemptCount"`;
  }

  /** The Standard Webhooks headers of an attempt; both secrets sign during a rotation's grace period (HOOK-4.4). */
  function signedHeaders(webhook: Webhook, id: string, body: string, at: Date): Record<string, string> {
    const secrets = [webhook.secret];
    if (webhook.previousSecret && webhook.previousSecretExpiresAt && webhook.previousSecretExpiresAt > at) {
      secrets.push(webhook.previousSecret);
    }
    const signatures = secrets.map((secret) => new StandardWebhook(secret).sign(id, at, body));
    return {
      'content-type': 'application/json',
      'user-agent': 'Yello-Webhooks/1',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signatures.join(' '),
    };
  }

  /** Sends one leased delivery and records the attempt and what follows from it; true when it succeeded. */
  async function attempt(deliveryId: string, claimedCount: number): Promise<boolean> {
    const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
    if (!delivery) return false;
    const { webhook } = delivery;
    const at = clock.now();
    const headers = signedHeaders(webhook, messageIdOf(delivery.id), delivery.body, at);
    const response = await client.post(webhook.url, headers, delivery.body);
    const now = clock.now();
    const succeeded = response.status !== null && response.status >= 200 && response.status < 300;
    const gone = response.status === 410;
    const failingSince = succeeded ? null : (webhook.failingSince ?? at);
    const givenUp = !succeeded && (gone || now.getTime() - (failingSince ?? now).getTime() >= FAILING_LIMIT_MS);
    const disabledReason = gone ? GONE : givenUp ? FAILING : null;
    const failedAttempts = delivery.failedAttempts + 1;
    await db.$transaction(async (tx) => {
      // The webhook first, as its deletion locks it before its deliveries: no lock waits in a circle. Deleted while
      // the delivery was on its way: nothing left to record.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Webhook" WHERE "id" = ${webhook.id}::uuid FOR UPDATE`;
      if (!locked) return;
      // Fenced: an instance whose lease ran out, and whose delivery was claimed again since, records nothing.
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, attemptCount: claimedCount },
        data: succeeded
          ? { state: 'SUCCEEDED', completedAt: now, leaseUntil: null }
          : givenUp
            ? { state: 'FAILED', completedAt: now, leaseUntil: null, failedAttempts }
            : {
                leaseUntil: null,
                failedAttempts,
                nextAttemptAt: new Date(now.getTime() + retryDelayMs(failedAttempts, random())),
              },
      });
      if (count === 0) return;
      await tx.webhookAttempt.create({
        data: {
          deliveryId: delivery.id,
          workspaceId: delivery.workspaceId,
          number: claimedCount,
          requestHeaders: headers,
          responseStatus: response.status,
          responseBody: response.bodyPrefix,
          error: response.error,
          durationMs: Math.round(response.durationMs),
          attemptedAt: at,
        },
      });
      if (disabledReason) await disable(tx, webhook, disabledReason, now, failingSince);
      else await tx.webhook.update({ where: { id: webhook.id }, data: { failingSince } });
    });
    return succeeded;
  }

  /** Disables a webhook Yello gave up on, on the record as an admin's change would be (HOOK-1.1, HOOK-6.3, HOOK-6.4). */
  async function disable(
    tx: DbTransaction,
    webhook: Pick<Webhook, 'id' | 'workspaceId' | 'url'>,
    reason: string,
    now: Date,
    failingSince: Date | null,
  ) {
    await tx.webhook.update({
      where: { id: webhook.id },
      data: { failingSince, enabled: false, disabledReason: reason, disabledAt: now },
    });
    await audit.record(tx, {
      action: 'WEBHOOK_DISABLED',
      source: systemAuditSource,
      workspaceId: webhook.workspaceId,
      target: { type: 'WEBHOOK', id: webhook.id, label: webhook.url },
      details: { reason },
    });
  }

  /**
   * Disables the webhooks failing for three days without a success (HOOK-6.4), whenever their next attempt is due:
   * a backoff that doubles would otherwise take up to twice that long to find out.
   */
  async function disableFailing(): Promise<number> {
    const now = clock.now();
    const failing = await db.webhook.findMany({
      where: { enabled: true, failingSince: { lte: new Date(now.getTime() - FAILING_LIMIT_MS) } },
      select: { id: true, workspaceId: true, url: true, failingSince: true },
    });
    for (const webhook of failing) {
      await db.$transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<{ enabled: boolean }[]>`
          SELECT "enabled" FROM "Webhook" WHERE "id" = ${webhook.id}::uuid FOR UPDATE`;
        if (!locked?.enabled) return;
        await disable(tx, webhook, FAILING, now, webhook.failingSince);
      });
    }
    return failing.length;
  }

  /** Sends a webhook's deliveries one after another from `first`, while they succeed and are due (HOOK-6.5). */
  async function chain(webhookId: string, first: { id: string; attemptCount: number }): Promise<number> {
    let next: { id: string; attemptCount: number } | undefined = first;
    let attempted = 0;
    while (next && attempted < CHAIN_LENGTH) {
      attempted += 1;
      if (!(await attempt(next.id, next.attemptCount))) break;
      [next] = await claim(clock.now(), webhookId);
    }
    return attempted;
  }

  /**
   * Sends what is due: the head of every webhook's queue, then each webhook's next ones as soon as its previous one
   * succeeded, so a slow endpoint delays only its own deliveries; returns how many attempts were made.
   */
  async function send(): Promise<number> {
    const claimed = await claim(clock.now());
    const results = await Promise.allSettled(claimed.map((delivery) => chain(delivery.webhookId, delivery)));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    return results.reduce((sum, result) => sum + (result.status === 'fulfilled' ? result.value : 0), 0);
  }

  /** One round: new deliveries, then what is due. */
  async function runOnce(): Promise<{ created: number; attempted: number }> {
    const created = await enqueue();
    await disableFailing();
    const attempted = await send();
    return { created, attempted };
  }

  /**
   * Deletes the deliveries finished two weeks ago (HOOK-8.1); pending ones stay, however old, until they are sent.
   * Idempotent, so any instance may run it.
   */
  async function purge(): Promise<number> {
    const before = new Date(clock.now().getTime() - DELIVERY_RETENTION_MS);
    return (await db.webhookDelivery.deleteMany({ where: { completedAt: { lt: before } } })).count;
  }

  return {
    enqueue,
    send,
    runOnce,
    purge,
    /**
     * Runs every `intervalMs`, until the returned function is called: turning events into deliveries (and disabling
     * failing webhooks) in one loop, sending in another, so a slow endpoint never holds back new deliveries; the
     * purge at start and hourly.
     */
    start({ intervalMs, onError }: { intervalMs: number; onError: (error: unknown) => void }): () => Promise<void> {
      let stopped = false;
      const loop = (work: () => Promise<unknown>) => {
        let running: Promise<unknown> = Promise.resolve();
        let busy = false;
        const timer = setInterval(() => {
          // A slow round delays the next instead of piling rounds up behind it.
          if (busy || stopped) return;
          busy = true;
          running = work()
            .catch(onError)
            .finally(() => {
              busy = false;
            });
        }, intervalMs);
        return { timer, finished: () => running };
      };
      const enqueuing = loop(async () => {
        await enqueue();
        await disableFailing();
      });
      const sending = loop(send);
      const purging = setInterval(() => void purge().catch(onError), 60 * 60 * 1000);
      void purge().catch(onError);
      return async () => {
        stopped = true;
        for (const timer of [enqueuing.timer, sending.timer, purging]) clearInterval(timer);
        await Promise.all([enqueuing.finished(), sending.finished()]);
      };
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
