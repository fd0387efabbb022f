// The role table of .kiro/specs/workspaces/requirements.md, as code: the one definition every
// scope and service refers to.
import { WorkspaceRole } from '../../generated/prisma/enums.ts';

export { WorkspaceRole };

const rank: Record<WorkspaceRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** Whether `role` is `atLeast` or more powerful. */
export function hasRole(role: WorkspaceRole, atLeast: WorkspaceRole): boolean {
  return rank[role] >= rank[atLeast];
}

/** The less powerful of two roles. */
export function lowerRole(a: WorkspaceRole, b: WorkspaceRole): WorkspaceRole {
  return rank[a] <= rank[b] ? a : b;
}

/** The least role each kind of action needs. */
export const requiredRole = {
  /** Read the workspace, its members and its content. */
  read: WorkspaceRole.VIEWER,
  /** Create and change content: tasks, labels, comments. */
  write: WorkspaceRole.MEMBER,
  /** Settings, invitations, roles and removals below OWNER. */
  manage: WorkspaceRole.ADMIN,
  /** Grant or remove OWNER, delete the workspace. */
  own: WorkspaceRole.OWNER,
} as const satisfies Record<string, WorkspaceRole>;

/**
 * The least role that may move a member from `from` to `to` (either undefined for someone joining
 * or leaving): anything touching OWNER needs an OWNER, the rest an ADMIN.
 */
export function roleNeededToAssign(from: WorkspaceRole | undefined, to: WorkspaceRole | undefined): WorkspaceRole {
  return from === WorkspaceRole.OWNER || to === WorkspaceRole.OWNER ? requiredRole.own : requiredRole.manage;
}

/** Every role, most powerful first. */
export const allRoles: readonly WorkspaceRole[] = [
  WorkspaceRole.OWNER,
  WorkspaceRole.ADMIN,
  WorkspaceRole.MEMBER,
  WorkspaceRole.VIEWER,
];

/** What someone with `role` may do, so clients show only the controls that will work. */
export function permissionsOf(role: WorkspaceRole) {
  return {
    writeContent: hasRole(role, requiredRole.write),
    updateSettings: hasRole(role, requiredRole.manage),
    manageMembers: hasRole(role, requiredRole.manage),
    deleteWorkspace: hasRole(role, requiredRole.own),
    /** Roles this member may give when inviting or changing a role. */
    assignableRoles: hasRole(role, requiredRole.manage)
      ? allRoles.filter((to) => hasRole(role, roleNeededToAssign(undefined, to)))
      : [],
  };
}

/** Whether `actor` may change the role of, or remove, a member who has `target`. */
export function mayManage(actor: WorkspaceRole, target: WorkspaceRole): boolean {
  return hasRole(actor, roleNeededToAssign(target, undefined));
}
