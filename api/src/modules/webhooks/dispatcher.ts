// Delivers webhooks from the workspace event log (HOOK-5, HOOK-6). Each instance runs one dispatcher; they share
// the work through the database: a webhook's cursor advances under its row lock, and a delivery is sent by the
// instance that leased it (`FOR UPDATE SKIP LOCKED`), only when every earlier delivery of its webhook is done.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { Db } from '../../db/database.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import type { LoggedEvent } from '../events/event-kinds.ts';
import type { EventLog } from '../events/event-log.ts';
import { newDeliveryId } from './webhooks.ts';

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
  /** Jitter source, in [0, 1). */
  random?: () => number;
}

export function createWebhookDispatcher({ db, clock, log, client, bodyOf, random = Math.random }: DispatcherDeps) {
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
  async function enqueueFor(webhook: Webhook): Promise<number> {
    const events = await log.after(webhook.workspaceId, webhook.cursor, BATCH);
    if (events.length === 0) return 0;
    const projects = await projectsOf(events);
    const matching = events.filter(
      (event) => webhook.eventTypes.includes(event.kind) && inProjects(webhook, projects.get(event.sequence) ?? null),
    );
    // Built before the transaction: executing the document reads the database, and must not wait on this lock.
    const now = clock.now();
    const deliveries = await Promise.all(
      matching.map(async (event) => ({
        id: newDeliveryId(),
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
    const behind = await db.$queryRaw<{ id: string }[]>`
      SELECT w."id" FROM "Webhook" w
      JOIN "WorkspaceEventCounter" c ON c."workspaceId" = w."workspaceId"
      WHERE w."enabled" AND c."lastSequence" > w."cursor"
      LIMIT 100`;
    let created = 0;
    for (const { id } of behind) {
      const webhook = await db.webhook.findUnique({ where: { id } });
      if (webhook?.enabled) created += await enqueueFor(webhook);
    }
    return created;
  }

  /**
   * Leases the deliveries that are due, one per webhook: the oldest unfinished one, so a webhook's deliveries go
   * out in event order (HOOK-6.5); rows another instance is leasing are skipped.
   */
  async function claim(now: Date) {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    return db.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookDelivery" SET "leaseUntil" = ${leaseUntil}, "attemptCount" = "attemptCount" + 1
      WHERE "id" IN (
        SELECT d."id" FROM "WebhookDelivery" d
        JOIN "Webhook" w ON w."id" = d."webhookId"
        WHERE d."state" = 'PENDING' AND d."nextAttemptAt" <= ${now}
          AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${now}) AND w."enabled"
          AND NOT EXISTS (
            SELECT 1 FROM "WebhookDelivery" e
            WHERE e."webhookId" = d."webhookId" AND e."state" = 'PENDING' AND e."eventSequence" < d."eventSequence"
          )
        ORDER BY d."nextAttemptAt"
        LIMIT ${SENDS_PER_ROUND}
        FOR UPDATE OF d SKIP LOCKED
      )
      RETURNING "id"`;
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

  /** Sends one leased delivery and records the attempt and what follows from it. */
  async function attempt(deliveryId: string): Promise<void> {
    const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
    if (!delivery) return;
    const { webhook } = delivery;
    const at = clock.now();
    const headers = signedHeaders(webhook, delivery.id, delivery.body, at);
    const response = await client.post(webhook.url, headers, delivery.body);
    const now = clock.now();
    const succeeded = response.status !== null && response.status >= 200 && response.status < 300;
    const gone = response.status === 410;
    const failingSince = succeeded ? null : (webhook.failingSince ?? at);
    const givenUp = !succeeded && (gone || now.getTime() - (failingSince ?? now).getTime() >= FAILING_LIMIT_MS);
    const disabledReason = gone
      ? 'The endpoint answered 410 Gone.'
      : givenUp
        ? 'Deliveries failed for three days without a success.'
        : null;
    await db.$transaction([
      db.webhookAttempt.create({
        data: {
          deliveryId: delivery.id,
          number: delivery.attemptCount,
          requestHeaders: headers,
          responseStatus: response.status,
          responseBody: response.bodyPrefix,
          error: response.error,
          durationMs: Math.round(response.durationMs),
          attemptedAt: at,
        },
      }),
      db.webhookDelivery.update({
        where: { id: delivery.id },
        data: succeeded
          ? { state: 'SUCCEEDED', completedAt: now, leaseUntil: null }
          : givenUp
            ? { state: 'FAILED', completedAt: now, leaseUntil: null }
            : {
                leaseUntil: null,
                nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attemptCount, random())),
              },
      }),
      db.webhook.update({
        where: { id: webhook.id },
        data: disabledReason ? { failingSince, enabled: false, disabledReason, disabledAt: now } : { failingSince },
      }),
    ]);
  }

  /** Sends what is due; returns how many attempts were made. */
  async function send(): Promise<number> {
    const claimed = await claim(clock.now());
    await Promise.all(claimed.map(({ id }) => attempt(id)));
    return claimed.length;
  }

  /** One round: new deliveries, then what is due. */
  async function runOnce(): Promise<{ created: number; attempted: number }> {
    const created = await enqueue();
    const attempted = await send();
    return { created, attempted };
  }

  /** Deletes deliveries older than two weeks (HOOK-8.1); idempotent, so any instance may run it. */
  async function purge(): Promise<number> {
    const before = new Date(clock.now().getTime() - DELIVERY_RETENTION_MS);
    return (await db.webhookDelivery.deleteMany({ where: { createdAt: { lt: before } } })).count;
  }

  return {
    enqueue,
    send,
    runOnce,
    purge,
    /** Runs a round every `intervalMs` (and the purge hourly) until the returned function is called. */
    start({ intervalMs, onError }: { intervalMs: number; onError: (error: unknown) => void }): () => Promise<void> {
      let running: Promise<unknown> = Promise.resolve();
      let stopped = false;
      // Rounds never overlap: a slow round delays the next instead of racing it.
      const round = () => {
        running = running.then(() => (stopped ? undefined : runOnce())).catch(onError);
      };
      const timer = setInterval(round, intervalMs);
      const purgeTimer = setInterval(() => void purge().catch(onError), 60 * 60 * 1000);
      round();
      return async () => {
        stopped = true;
        clearInterval(timer);
        clearInterval(purgeTimer);
        await running;
      };
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
