// The workspace roles as the web app shows and offers them; the API's role table is the authority.
import type { graphql } from '../../graphql.ts';

export type WorkspaceRole = ReturnType<typeof graphql.scalar<'WorkspaceRole'>>;

/** Every role, most powerful first. */
export const workspaceRoles = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const satisfies readonly WorkspaceRole[];

export const roleLabels: Readonly<Record<WorkspaceRole, string>> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};

export const roleSummaries: Readonly<Record<WorkspaceRole, string>> = {
  OWNER: 'You can do everything, including granting ownership and deleting the workspace.',
  ADMIN: 'You can rename the workspace, invite people and manage members below owner.',
  MEMBER: 'You can read and write the workspace’s projects and tasks.',
  VIEWER: 'You can read the workspace’s projects and tasks.',
};

/** The role a form value names, if it names one. */
export function parseRole(value: string): WorkspaceRole | undefined {
  return workspaceRoles.find((role) => role === value);
}

const rank = (role: WorkspaceRole): number => workspaceRoles.length - workspaceRoles.indexOf(role);

/** Whether `role` is `atLeast` or more powerful. */
export function hasRole(role: WorkspaceRole, atLeast: WorkspaceRole): boolean {
  return rank(role) >= rank(atLeast);
}

/** The roles a viewer may give when inviting or changing a role: none below admin, OWNER only by owners. */
export function assignableRoles(viewerRole: WorkspaceRole): readonly WorkspaceRole[] {
  return hasRole(viewerRole, 'ADMIN') ? workspaceRoles.filter((role) => hasRole(viewerRole, role)) : [];
}

/** Whether a viewer may change the role of, or remove, a member who has `memberRole`. */
export function canManageMember(viewerRole: WorkspaceRole, memberRole: WorkspaceRole): boolean {
  return assignableRoles(viewerRole).includes(memberRole);
}
