// zod schemas for the workspaces module's inputs.
import { z } from 'zod';
import { WorkspaceRole } from './roles.ts';

/** Route names of the web app, which workspace URLs (/:slug/…) must not shadow. */
export const reservedSlugs = new Set([
  'api',
  'app',
  'admin',
  'assets',
  'graphql',
  'health',
  'help',
  'invite',
  'login',
  'logout',
  'new',
  'profile',
  'register',
  'settings',
  'signup',
  'workspaces',
]);

export const workspaceNameSchema = z.string().trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.');

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters.')
  .max(40, 'Use at most 40 characters.')
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, starting with a letter.')
  .refine((slug) => !reservedSlugs.has(slug), 'This name is reserved. Choose another.');

export const createWorkspaceInput = z.object({ name: workspaceNameSchema, slug: slugSchema });

export const updateWorkspaceInput = z.object({
  name: workspaceNameSchema.optional(),
  slug: slugSchema.optional(),
});

export const roleSchema = z.enum(WorkspaceRole);
