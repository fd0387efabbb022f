// The audit log's actions and the details each carries (HOOK-1.1): small, typed per action, and never a secret (no
// password, token secret or webhook signing secret is ever a detail).
import { z } from 'zod';
import { AuditAction, AuditTargetType } from '../../generated/prisma/enums.ts';

export { AuditAction, AuditTargetType };

const role = z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);

/** Why a sign-in failed (HOOK-1.2). */
export const SignInFailure = {
  UNKNOWN_EMAIL: 'UNKNOWN_EMAIL',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  THROTTLED: 'THROTTLED',
} as const;
export type SignInFailure = (typeof SignInFailure)[keyof typeof SignInFailure];

/** Why an invitation was revoked, when not by an admin revoking it (HOOK-1.6). */
export const InvitationRevocation = {
  /** A new invitation for the same address replaced it. */
  REPLACED_BY_NEW_INVITATION: 'REPLACED_BY_NEW_INVITATION',
} as const;

export const auditDetails = {
  /** A password, or the registration that created the account (it signs in too). */
  SIGN_IN: z.object({ method: z.enum(['PASSWORD', 'REGISTRATION']) }),
  SIGN_IN_FAILED: z.object({ reason: z.enum(SignInFailure) }),
  SIGN_OUT: z.object({}),
  /** By the person, or by Yello when a refresh token was presented twice (someone holds a copy). */
  SESSION_REVOKED: z.object({ reason: z.enum(['REVOKED', 'REFRESH_TOKEN_REUSED']) }),
  /** How many other sessions the change ended. */
  PASSWORD_CHANGED: z.object({ sessionsEnded: z.number().int().min(0) }),
  API_TOKEN_CREATED: z.object({ scopes: z.array(z.string()), expiresAt: z.iso.datetime() }),
  API_TOKEN_REVOKED: z.object({}),
  WEBHOOK_CREATED: z.object({ url: z.string(), eventTypes: z.array(z.string()) }),
  /** The names of the settings that changed. */
  WEBHOOK_UPDATED: z.object({ fields: z.array(z.string()), previousUrl: z.string().optional() }),
  WEBHOOK_SECRET_ROTATED: z.object({}),
  WEBHOOK_DELETED: z.object({}),
  /** Written by the system (no actor) when deliveries keep failing. */
  WEBHOOK_DISABLED: z.object({ reason: z.string() }),
  MEMBER_ROLE_CHANGED: z.object({ previousRole: role, role }),
  /** The role they had, and how many of their API tokens for the workspace went with them. */
  MEMBER_REMOVED: z.object({ role, apiTokensRevoked: z.number().int().min(0) }),
  MEMBER_LEFT: z.object({ role, apiTokensRevoked: z.number().int().min(0) }),
  MEMBER_JOINED: z.object({ role }),
  INVITATION_CREATED: z.object({ role }),
  /** The role it offered; `reason` when it was not revoked by an admin but replaced by a new invitation. */
  INVITATION_REVOKED: z.object({ role, reason: z.enum(InvitationRevocation).optional() }),
  INVITATION_ACCEPTED: z.object({ role }),
  /** The workspace's name and slug when it was created (HOOK-1.5). */
  WORKSPACE_CREATED: z.object({ name: z.string(), slug: z.string() }),
  /** Only what changed, before and after. */
  WORKSPACE_UPDATED: z.object({
    previousName: z.string().optional(),
    name: z.string().optional(),
    previousSlug: z.string().optional(),
    slug: z.string().optional(),
  }),
  WORKSPACE_DELETED: z.object({ slug: z.string() }),
  PROJECT_DELETED: z.object({ key: z.string() }),
} satisfies Record<AuditAction, z.ZodObject>;

export type AuditDetailsOf<A extends AuditAction> = z.input<(typeof auditDetails)[A]>;

/** Actions that concern a person's account rather than a workspace: what `me.auditEntries` lists (HOOK-2.2). */
export const accountActions: readonly AuditAction[] = [
  AuditAction.SIGN_IN,
  AuditAction.SIGN_IN_FAILED,
  AuditAction.SIGN_OUT,
  AuditAction.SESSION_REVOKED,
  AuditAction.PASSWORD_CHANGED,
];

/** A detail as stored: a string, a number, a boolean or a list of strings. */
const detailValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type AuditDetailValue = z.infer<typeof detailValue>;

/** The details of a stored entry, read back from its JSON column (any action's). */
export const storedDetails = z.record(z.string(), detailValue);
