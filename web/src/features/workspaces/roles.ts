// The workspace roles as the web app shows them; what a role may do comes from the API (`viewerCan`).
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
