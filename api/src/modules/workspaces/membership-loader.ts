// Per-request knowledge of the viewer's memberships, so that checking many objects of many
// workspaces costs one query (and "do we share a workspace?" one batched query).
import DataLoader from 'dataloader';
import type { Db } from '../../db/database.ts';
import type { WorkspaceRole } from './roles.ts';

export interface MembershipLoader {
  /** The viewer's role in the workspace; undefined when they are not a member or not signed in. */
  roleIn(workspaceId: string): Promise<WorkspaceRole | undefined>;
  /** Whether the viewer shares a workspace with the user. */
  sharesWorkspaceWith(userId: string): Promise<boolean>;
  /** Forgets what was loaded, after a change to the viewer's own memberships. */
  reset(): void;
}

/** `viewerId` is read at each load, so a sign-in during the request is taken into account. */
export function createMembershipLoader(db: Db, viewerId: () => string | undefined): MembershipLoader {
  let roles: Promise<Map<string, WorkspaceRole>> | undefined;

  const loadRoles = () => {
    const userId = viewerId();
    roles ??= userId
      ? db.membership
          .findMany({ where: { userId }, select: { workspaceId: true, role: true } })
          .then((rows) => new Map(rows.map((row) => [row.workspaceId, row.role])))
      : Promise.resolve(new Map());
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
  };
}
