// Invitations: a link with a secret token for one email address and a role.

import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { Invitation, Membership } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, forbidden, notFound } from '../../shared/errors.ts';
import { isUniqueViolation } from '../../shared/prisma-errors.ts';
import { lockWorkspaceMembers } from '../../shared/row-locks.ts';
import { hashSecretToken, newSecretToken } from '../../shared/secret-tokens.ts';
import { parseInput } from '../../shared/validation.ts';
import { emailSchema } from '../accounts/inputs.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import type { EventLog } from '../events/event-log.ts';
import { roleSchema } from './inputs.ts';
import type { WorkspaceRole } from './roles.ts';

export const INVITATION_TTL_DAYS = 7;

/** Delivers an invitation (by mail, chat…). The default delivers nothing: the inviter copies the link. */
export interface InvitationSender {
  send(message: {
    email: string;
    workspaceName: string;
    role: WorkspaceRole;
    url: string;
    invitedByName: string;
  }): Promise<void>;
}

export const linkOnlyInvitations: InvitationSender = { send: async () => {} };

export interface InvitationPreview {
  workspaceName: string;
  role: WorkspaceRole;
  email: string;
  invitedByName: string | null;
  expiresAt: Date;
}

export interface IssuedInvitation {
  invitation: Invitation;
  /** The link with the token: its only copy. */
  url: string;
}

const inviteInput = z.object({ email: emailSchema, role: roleSchema });

export interface InvitationServiceDeps {
  db: Db;
  clock: Clock;
  sender: InvitationSender;
  events: EventLog;
  audit: AuditLog;
}

/** An invitation as the target of an audit entry, labelled with the address it was made for. */
const invitationTarget = (invitation: { id: string; email: string }) =>
  ({ type: 'INVITATION', id: invitation.id, label: invitation.email }) as const;

export function createInvitationService({ db, clock, sender, events, audit }: InvitationServiceDeps) {
  /** Condition selecting invitations that can still be accepted. */
  const pending = () => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: clock.now() } });

  return {
    pending,

    /** The workspace an invitation belongs to, for authorization; undefined when there is none. */
    async workspaceIdOf(invitationId: string): Promise<string | undefined> {
      return (await db.invitation.findUnique({ where: { id: invitationId }, select: { workspaceId: true } }))
        ?.workspaceId;
    },

    /**
     * Invites `email` with `role`, replacing an earlier pending invitation for the same address.
     * Returns the invitation and its link, which holds the only copy of the token.
     */
    async invite(
      inviterId: string,
      workspaceId: string,
      rawInput: unknown,
      origin: string,
      source: AuditSource,
    ): Promise<IssuedInvitation> {
      const input = parseInput(inviteInput, rawInput);
      const token = newSecretToken();
      const now = clock.now();
      const invitation = await db.$transaction(async (tx) => {
        // Invitations and acceptances in the workspace take turns: the member check and the pending invitation
        // replaced stay true until this commits (WS-3.8, WS-3.9).
        await lockWorkspaceMembers(tx, workspaceId);
        const member = await tx.membership.findFirst({ where: { workspaceId, user: { email: input.email } } });
        if (member) {
          const message = 'This person is already a member.';
          throw conflict(message, [{ path: ['input', 'email'], message }]);
        }
        // A pending invitation for the address is replaced: its link stops working, and the log says why (HOOK-1.6).
        // Written before the new invitation's entry, so that the log, newest first, shows the replacement above it.
        const replaced = await tx.invitation.updateManyAndReturn({
          where: { workspaceId, email: input.email, ...pending() },
          data: { revokedAt: now },
          select: { id: true, email: true, role: true },
        });
        for (const invitation of replaced) {
          await audit.record(tx, {
            action: 'INVITATION_REVOKED',
            source,
            workspaceId,
            target: invitationTarget(invitation),
            details: { role: invitation.role, reason: 'REPLACED_BY_NEW_INVITATION' },
          });
        }
        const created = await tx.invitation.create({
          data: {
            workspaceId,
            email: input.email,
            role: input.role,
            invitedById: inviterId,
            tokenHash: hashSecretToken(token),
            createdAt: now,
            expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
          },
          include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
        });
        await audit.record(tx, {
          action: 'INVITATION_CREATED',
          source,
          workspaceId,
          target: invitationTarget(created),
          details: { role: created.role },
        });
        return created;
      });
      const url = `${origin}/invite/${token}`;
      await sender.send({
        email: invitation.email,
        role: invitation.role,
        url,
        workspaceName: invitation.workspace.name,
        invitedByName: invitation.invitedBy?.name ?? '',
      });
      return { invitation, url };
    },

    async revoke(workspaceId: string, invitationId: string, source: AuditSource): Promise<void> {
      await db.$transaction(async (tx) => {
        const [revoked] = await tx.invitation.updateManyAndReturn({
          where: { id: invitationId, workspaceId, ...pending() },
          data: { revokedAt: clock.now() },
          select: { id: true, email: true, role: true },
        });
        if (!revoked) throw notFound('This invitation');
        await audit.record(tx, {
          action: 'INVITATION_REVOKED',
          source,
          workspaceId,
          target: invitationTarget(revoked),
          details: { role: revoked.role },
        });
      });
    },

    /** What a pending invitation offers; NOT_FOUND for any other token. */
    async preview(token: string): Promise<InvitationPreview> {
      const invitation = await db.invitation.findFirst({
        where: { tokenHash: hashSecretToken(token), ...pending() },
        include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
      });
      if (!invitation) throw notFound('This invitation');
      return {
        workspaceName: invitation.workspace.name,
        role: invitation.role,
        email: invitation.email,
        invitedByName: invitation.invitedBy?.name ?? null,
        expiresAt: invitation.expiresAt,
      };
    },

    /** Joins the invitation's workspace as the signed-in user, whose email must be the invited one. */
    async accept(userId: string, token: string, source: AuditSource): Promise<Membership> {
      const now = clock.now();
      const tokenHash = hashSecretToken(token);
      const found = await db.invitation.findFirst({
        where: { tokenHash, ...pending() },
        select: { workspaceId: true },
      });
      if (!found) throw notFound('This invitation');
      return events.write(found.workspaceId, userId, async (tx, record) => {
        // A membership change: it takes turns with the others and with invitations in the workspace (WS-3.8).
        await lockWorkspaceMembers(tx, found.workspaceId);
        const invitation: Invitation | null = await tx.invitation.findFirst({
          where: { tokenHash, workspaceId: found.workspaceId, ...pending() },
        });
        if (!invitation) throw notFound('This invitation');
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
        if (user.email !== invitation.email) {
          throw forbidden(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
        }
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, ...pending() },
          data: { acceptedAt: now, acceptedById: userId },
        });
        if (claimed.count === 0) throw notFound('This invitation');
        let membership: Membership;
        try {
          membership = await tx.membership.create({
            data: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw conflict('You are already a member of this workspace.');
          throw error;
        }
        record({
          kind: 'MEMBER_JOINED',
          entityId: membership.id,
          version: membership.version,
          payload: { userId, role: membership.role },
        });
        // Two entries of one change: the invitation used, and the member it brought in.
        await audit.record(tx, {
          action: 'INVITATION_ACCEPTED',
          source,
          workspaceId: invitation.workspaceId,
          target: invitationTarget(invitation),
          details: { role: invitation.role },
        });
        await audit.record(tx, {
          action: 'MEMBER_JOINED',
          source,
          workspaceId: invitation.workspaceId,
          target: { type: 'MEMBERSHIP', id: membership.id, label: user.email },
          details: { role: membership.role },
        });
        return membership;
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
