// Webhooks (HOOK-4, HOOK-8.2): a workspace's endpoints, their secrets and rotations, and redeliveries. Rules and
// Prisma calls; no GraphQL. Every write names the workspace its scope established (WS-5.10).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Webhook } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { badUserInput, notFound } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.ts';
import { createWebhookInput, updateWebhookInput } from './inputs.ts';

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
export function newDeliveryId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}

export interface CreatedWebhook {
  webhook: Webhook;
  /** Shown once (HOOK-4.1). */
  secret: string;
}

export function createWebhookService({ db, clock, urls }: { db: Db; clock: Clock; urls: UrlChecker }) {
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
    return (await db.webhook.findFirst({ where: { id, workspaceId } })) ?? Promise.reject(notFound('This webhook'));
  }

  return {
    async workspaceIdOf(id: string): Promise<string | undefined> {
      return (await db.webhook.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
    },

    async workspaceIdOfDelivery(id: string): Promise<string | undefined> {
      return (await db.webhookDelivery.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
    },

    /** Creates an enabled webhook that receives the events committed from now on. */
    async create(actorId: string, workspaceId: string, rawInput: unknown): Promise<CreatedWebhook> {
      const input = parseInput(createWebhookInput, rawInput);
      const url = await checkedUrl(input.url, ['input', 'url']);
      const projectIds = await checkedProjects(workspaceId, input.projectIds, ['input', 'projectIds']);
      const secret = newWebhookSecret();
      const webhook = await db.$transaction(async (tx) => {
        const counter = await tx.workspaceEventCounter.findUnique({ where: { workspaceId } });
        return tx.webhook.create({
          data: {
            workspaceId,
            url,
            description: input.description,
            eventTypes: input.eventTypes,
            projectIds,
            secret,
            cursor: counter?.lastSequence ?? 0,
            createdById: actorId,
          },
        });
      });
      return { webhook, secret };
    },

    /** Changes the fields given; enabling a disabled webhook clears its failure state (HOOK-4.3). */
    async update(workspaceId: string, id: string, rawInput: unknown): Promise<Webhook> {
      const input = parseInput(updateWebhookInput, rawInput);
      const current = await existing(workspaceId, id);
      const url = input.url === undefined ? undefined : await checkedUrl(input.url, ['input', 'url']);
      const projectIds =
        input.projectIds === undefined
          ? undefined
          : await checkedProjects(workspaceId, input.projectIds, ['input', 'projectIds']);
      const enabling = input.enabled === true && !current.enabled;
      const disabling = input.enabled === false && current.enabled;
      const { count } = await db.webhook.updateMany({
        where: { id, workspaceId },
        data: {
          url,
          projectIds,
          eventTypes: input.eventTypes,
          description: input.description,
          enabled: input.enabled,
          ...(enabling ? { disabledReason: null, disabledAt: null, failingSince: null } : {}),
          ...(disabling ? { disabledReason: null, disabledAt: clock.now() } : {}),
        },
      });
      if (count === 0) throw notFound('This webhook');
      return existing(workspaceId, id);
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      const { count } = await db.webhook.deleteMany({ where: { id, workspaceId } });
      if (count === 0) throw notFound('This webhook');
    },

    /** A new secret, returned once; the previous one keeps signing for a day (HOOK-4.4). */
    async rotateSecret(workspaceId: string, id: string): Promise<CreatedWebhook> {
      const current = await existing(workspaceId, id);
      const secret = newWebhookSecret();
      const { count } = await db.webhook.updateMany({
        where: { id, workspaceId },
        data: {
          secret,
          previousSecret: current.secret,
          previousSecretExpiresAt: new Date(clock.now().getTime() + SECRET_GRACE_MS),
        },
      });
      if (count === 0) throw notFound('This webhook');
      return { webhook: await existing(workspaceId, id), secret };
    },

    /** Sends a delivery again, as a new attempt with the same id and body, as soon as a dispatcher runs (HOOK-8.2). */
    async redeliver(workspaceId: string, deliveryId: string) {
      const { count } = await db.webhookDelivery.updateMany({
        where: { id: deliveryId, workspaceId },
        data: { state: 'PENDING', nextAttemptAt: clock.now(), leaseUntil: null, completedAt: null },
      });
      if (count === 0) throw notFound('This delivery');
      return db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
