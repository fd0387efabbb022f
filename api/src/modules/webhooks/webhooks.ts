// Webhooks (HOOK-4, HOOK-8.2): a workspace's endpoints, their secrets and rotations, and redeliveries. Rules and
// Prisma calls; no GraphQL. Every write names the workspace its scope established (WS-5.10).
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { badUserInput, conflict, notFound } from '../../shared/errors.ts';
import { lockWorkspaceWebhooks } from '../../shared/row-locks.ts';
import { parseInput } from '../../shared/validation.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import { createWebhookInput, updateWebhookInput } from './inputs.ts';

/**
 * How many webhooks a workspace may have (HOOK-4.7): each is a claim of every dispatcher's round and a delivery per
 * event, so their number is bounded.
 */
export const MAX_WEBHOOKS_PER_WORKSPACE = 25;

const TOO_MANY_WEBHOOKS = `A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks. Delete one before adding another.`;

/** How long a rotated-out secret still signs deliveries (HOOK-4.4). */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** Checks a URL for creation and change: null when Yello may send to it (HOOK-4.2, HOOK-7.1). */
export interface UrlChecker {
  checkUrl(url: string): Promise<string | null>;
}

/** A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** A delivery's `webhook-id`: unique, and the same on every attempt (HOOK-5.1). */
export function messageIdOf(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll('-', '')}`;
}

export interface CreatedWebhook {
  webhook: Webhook;
  /** Shown once (HOOK-4.1). */
  secret: string;
}

export function createWebhookService({
  db,
  clock,
  audit,
  urls,
}: {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  urls: UrlChecker;
}) {
  const target = (webhook: Pick<Webhook, 'id' | 'url'>) => ({
    type: 'WEBHOOK' as const,
    id: webhook.id,
    label: webhook.url,
  });

  async function checkedUrl(url: string, path: string[]): Promise<string> {
    const problem = await urls.checkUrl(url);
    if (problem) throw badUserInput([{ path, message: problem }]);
    return url;
  }

  async function checkedProjects(workspaceId: string, projectIds: string[], path: string[]): Promise<string[]> {
    if (projectIds.length === 0) return projectIds;
    const found = await db.project.count({ where: { id: { in: projectIds }, workspaceId } });
    if (found !== projectIds.length) {
      throw badUserInput([{ path, message: 'Choose projects of this workspace.' }]);
    }
    return projectIds;
  }

  async function existing(workspaceId: string, id: string): Promise<Webhook> {
    const webhook = await db.webhook.findFirst({ where: { id, workspaceId } });
    if (!webhook) throw notFound('This webhook');
    return webhook;
  }

  return {
    async workspaceIdOf(id: string): Promise<string | undefined> {
      return (await db.webhook.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
    },

    async workspaceIdOfDelivery(id: string): Promise<string | undefined> {
      return (await db.webhookDelivery.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
    },

    /**
     * Creates an enabled webhook that receives the events committed from now on; CONFLICT when the workspace has
     * MAX_WEBHOOKS_PER_WORKSPACE already (HOOK-4.7).
     */
    async create(source: AuditSource, workspaceId: string, rawInput: unknown): Promise<CreatedWebhook> {
      const input = parseInput(createWebhookInput, rawInput);
      const url = await checkedUrl(input.url, ['input', 'url']);
      const projectIds = await checkedProjects(workspaceId, input.projectIds, ['input', 'projectIds']);
      const secret = newWebhookSecret();
      const webhook = await db.$transaction(async (tx) => {
        // Counted under the workspace's lock: of two creations at once, the second counts the first (HOOK-4.7).
        await lockWorkspaceWebhooks(tx, workspaceId);
        if ((await tx.webhook.count({ where: { workspaceId } })) >= MAX_WEBHOOKS_PER_WORKSPACE) {
          throw conflict(TOO_MANY_WEBHOOKS);
        }
        const counter = await tx.workspaceEventCounter.findUnique({ where: { workspaceId } });
        const created = await tx.webhook.create({
          data: {
            workspaceId,
            url,
            description: input.description,
            eventTypes: input.eventTypes,
            projectIds,
            secret,
            cursor: counter?.lastSequence ?? 0,
            createdById: source.actorId,
          },
        });
        await audit.record(tx, {
          action: 'WEBHOOK_CREATED',
          source,
          workspaceId,
          target: target(created),
          details: { url, eventTypes: input.eventTypes },
        });
        return created;
      });
      return { webhook, secret };
    },

    /** Changes the fields given; enabling a disabled webhook clears its failure state (HOOK-4.3). */
    async update(source: AuditSource, workspaceId: string, id: string, rawInput: unknown): Promise<Webhook> {
      const input = parseInput(updateWebhookInput, rawInput);
      const current = await existing(workspaceId, id);
      const url = input.url === undefined ? undefined : await checkedUrl(input.url, ['input', 'url']);
      const projectIds =
        input.projectIds === undefined
          ? undefined
          : await checkedProjects(workspaceId, input.projectIds, ['input', 'projectIds']);
      const enabling = input.enabled === true && !current.enabled;
      const disabling = input.enabled === false && current.enabled;
      const changes = {
        url,
        projectIds,
        eventTypes: input.eventTypes,
        description: input.description,
        enabled: input.enabled,
      };
      const fields = Object.entries(changes).flatMap(([field, value]) => (value === undefined ? [] : [field]));
      await db.$transaction(async (tx) => {
        const { count } = await tx.webhook.updateMany({
          where: { id, workspaceId },
          data: {
            ...changes,
            ...(enabling ? { disabledReason: null, disabledAt: null, failingSince: null } : {}),
            ...(disabling ? { disabledReason: null, disabledAt: clock.now() } : {}),
          },
        });
        if (count === 0) throw notFound('This webhook');
        // Its waiting deliveries go out now, with their backoff started afresh (HOOK-4.3).
        if (enabling) {
          await tx.webhookDelivery.updateMany({
            where: { webhookId: id, state: 'PENDING' },
            data: { failedAttempts: 0, nextAttemptAt: clock.now() },
          });
        }
        await audit.record(tx, {
          action: 'WEBHOOK_UPDATED',
          source,
          workspaceId,
          target: target({ id, url: url ?? current.url }),
          details: { fields, ...(url !== undefined && url !== current.url ? { previousUrl: current.url } : {}) },
        });
      });
      return existing(workspaceId, id);
    },

    async remove(source: AuditSource, workspaceId: string, id: string): Promise<void> {
      const current = await existing(workspaceId, id);
      await db.$transaction(async (tx) => {
        const { count } = await tx.webhook.deleteMany({ where: { id, workspaceId } });
        if (count === 0) throw notFound('This webhook');
        await audit.record(tx, {
          action: 'WEBHOOK_DELETED',
          source,
          workspaceId,
          target: target(current),
          details: {},
        });
      });
    },

    /** A new secret, returned once; the previous one keeps signing for a day (HOOK-4.4). */
    async rotateSecret(source: AuditSource, workspaceId: string, id: string): Promise<CreatedWebhook> {
      const current = await existing(workspaceId, id);
      const secret = newWebhookSecret();
      const graceUntil = new Date(clock.now().getTime() + SECRET_GRACE_MS);
      await db.$transaction(async (tx) => {
        // One statement: two rotations at once each keep the secret they replaced (HOOK-4.4).
        const count = await tx.$executeRaw`
          UPDATE "Webhook" SET "previousSecret" = "secret", "secret" = ${secret},
            "previousSecretExpiresAt" = ${graceUntil}, "updatedAt" = ${clock.now()}
          WHERE "id" = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid`;
        if (count === 0) throw notFound('This webhook');
        await audit.record(tx, {
          action: 'WEBHOOK_SECRET_ROTATED',
          source,
          workspaceId,
          target: target(current),
          details: {},
        });
      });
      return { webhook: await existing(workspaceId, id), secret };
    },

    /** Sends a delivery again, as a new attempt with the same id and body, as soon as a dispatcher runs (HOOK-8.2). */
    async redeliver(workspaceId: string, deliveryId: string) {
      const now = clock.now();
      const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, workspaceId } });
      if (!delivery) throw notFound('This delivery');
      // Never a second sender beside one whose lease still runs (HOOK-6.5).
      const { count } = await db.webhookDelivery.updateMany({
        where: { id: deliveryId, workspaceId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        data: { state: 'PENDING', nextAttemptAt: now, failedAttempts: 0, completedAt: null },
      });
      if (count === 0) throw conflict('This delivery is being sent right now: redeliver it once this attempt is over.');
      return db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
