// Per-request knowledge of the viewer's memberships, so that checking many objects of many
// workspaces costs one query (and "do we share a workspace?" one batched query).
import DataLoader from 'dataloader';
import type { Db } from '../../db/database.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { TokenViewer, Viewer } from '../../graphql/context.ts';
import { lowerRole, WorkspaceRole } from './roles.ts';

/** A role of the viewer's user in one of their workspaces, as read with their credential (PT-9.6). */
export interface ViewerMembership {
  workspaceId: string;
  role: WorkspaceRole;
}

/** What a credential's check selects of its user, for `prime`: their memberships, in the same statement (PT-9.6). */
export const viewerMembershipsSelect = {
  memberships: { select: { workspaceId: true, role: true } },
} satisfies Prisma.UserSelect;

export interface MembershipLoader {
  /** The viewer's role in the workspace; undefined when they are not a member or not signed in. */
  roleIn(workspaceId: string): Promise<WorkspaceRole | undefined>;
  /** Whether the viewer shares a workspace with the user. */
  sharesWorkspaceWith(userId: string): Promise<boolean>;
  /** Forgets what was loaded, after a change to the viewer's own memberships. */
  reset(): void;
  /**
   * Takes the viewer's user's memberships as this request already read them (with its credential, PT-9.6), so that
   * they are not read again; does nothing once they are loaded.
   */
  prime(memberships: readonly ViewerMembership[]): void;
}

/** A token's role in its one workspace: never beyond its owner's current role, nor beyond its scopes (INT-1.4). */
function tokenRoles(viewer: TokenViewer, ownerRole: WorkspaceRole | undefined): Map<string, WorkspaceRole> {
  return ownerRole ? new Map([[viewer.workspaceId, lowerRole(ownerRole, viewer.roleCap)]]) : new Map();
}

/** The roles of `viewer`: a person's in each of their workspaces, an API token's in its one workspace (INT-1.4). */
async function rolesOf(db: Db, viewer: Viewer | null): Promise<Map<string, WorkspaceRole>> {
  if (viewer === null) return new Map();
  // A webhook reads its workspace as a VIEWER would, for nobody in particular (HOOK-5.2).
  if (viewer.kind === 'webhook') return new Map([[viewer.workspaceId, WorkspaceRole.VIEWER]]);
  if (viewer.kind === 'token') {
    const membership = await db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: viewer.workspaceId, userId: viewer.userId } },
      select: { role: true },
    });
    // Nothing once its owner has left.
    return tokenRoles(viewer, membership?.role);
  }
  const rows = await db.membership.findMany({
    where: { userId: viewer.userId },
    select: { workspaceId: true, role: true },
  });
  return new Map(rows.map((row) => [row.workspaceId, row.role]));
}

/** `viewer` is read at each load, so a sign-in during the request is taken into account. */
export function createMembershipLoader(db: Db, viewer: () => Viewer | null): MembershipLoader {
  let roles: Promise<Map<string, WorkspaceRole>> | undefined;

  const loadRoles = () => {
    roles ??= rolesOf(db, viewer());
    return roles;
  };

  const newCoMemberLoader = () =>
    new DataLoader<string, boolean>(async (userIds) => {
      const workspaceIds = [...(await loadRoles()).keys()];
      if (workspaceIds.length === 0) return userIds.map(() => false);
      const rows = await db.membership.findMany({
        where: { userId: { in: [...userIds] }, workspaceId: { in: workspaceIds } },
        select: { userId: true },
        distinct: ['userId'],
      });
      const shared = new Set(rows.map((row) => row.userId));
      return userIds.map((id) => shared.has(id));
    });
  let coMembers = newCoMemberLoader();

  return {
    roleIn: async (workspaceId) => (await loadRoles()).get(workspaceId),
    sharesWorkspaceWith: (userId) => coMembers.load(userId),
    reset() {
      roles = undefined;
      coMembers = newCoMemberLoader();
    },
    prime(memberships) {
      const current = viewer();
      if (roles || current === null || current.kind === 'webhook') return;
      roles = Promise.resolve(
        current.kind === 'token'
          ? tokenRoles(current, memberships.find((each) => each.workspaceId === current.workspaceId)?.role)
          : new Map(memberships.map((each) => [each.workspaceId, each.role])),
      );
    },
  };
}
