// zod schemas for webhooks' inputs (HOOK-4.2). The URL's address checks are the outbound module's, run after these.
import { z } from 'zod';
import { WorkspaceEventKind } from '../../generated/prisma/enums.ts';

/** The longest URL a webhook may have. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

const url = z
  .string()
  .trim()
  .min(1, 'Enter the URL of your endpoint.')
  .max(MAX_WEBHOOK_URL_LENGTH, `Use at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);
const eventTypes = z
  .array(z.enum(WorkspaceEventKind))
  .min(1, 'Choose at least one event type.')
  .transform((kinds) => [...new Set(kinds)]);
const projectIds = z
  .array(z.string())
  .max(100, 'Choose at most 100 projects.')
  .transform((ids) => [...new Set(ids)]);
const description = z.string().trim().max(500, 'Use at most 500 characters.');

export const createWebhookInput = z.object({
  url,
  eventTypes,
  projectIds: projectIds.default([]),
  description: description.default(''),
});

export const updateWebhookInput = z.object({
  url: url.optional(),
  eventTypes: eventTypes.optional(),
  projectIds: projectIds.optional(),
  description: description.optional(),
  enabled: z.boolean().optional(),
});
