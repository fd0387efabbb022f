// The workspaces module's part of the GraphQL schema. Every tenant-owned type declares who may see
// it (scope-auth), so root fields, nested fields and node(id) are all checked the same way.
import { builder } from '../../graphql/builder.ts';
import { type Context, viewerIdOf, workspaceIdOf } from '../../graphql/context.ts';
import { throwNotFound } from '../../shared/errors.ts';
import { auditSourceOf } from '../audit/audit-log.ts';
import type { InvitationPreview, IssuedInvitation } from './invitations.ts';
import { mayManage, permissionsOf, requiredRole, roleNeededToAssign, WorkspaceRole } from './roles.ts';

export const WorkspaceRoleEnum = builder.enumType(WorkspaceRole, {
  name: 'WorkspaceRole',
  description: 'OWNER > ADMIN > MEMBER > VIEWER. See the role table in the docs.',
  values: {
    OWNER: { description: 'Everything an ADMIN may, and granting or taking away OWNER and deleting the workspace.' },
    ADMIN: {
      description:
        'Everything a MEMBER may, and settings, projects and their states, invitations, roles and removals below OWNER, and deleting anyone’s comment.',
    },
    MEMBER: { description: 'Reads everything, and creates and changes tasks, labels and comments.' },
    VIEWER: { description: 'Reads the workspace, its members and its content.' },
  },
});

/**
 * The scope for an operation on an object known by id: at least `atLeast` in the object's
 * workspace, found with `lookup`; an object that does not exist is NOT_FOUND, the same answer as for a
 * workspace one may not see.
 */
export async function roleInWorkspaceOf(lookup: Promise<string | undefined>, atLeast: WorkspaceRole) {
  return { role: { workspaceId: (await lookup) ?? throwNotFound(), atLeast } };
}

const WorkspacePermissionsRef = builder.objectRef<ReturnType<typeof permissionsOf>>('WorkspacePermissions').implement({
  description: 'What the signed-in user may do in a workspace, from the role table.',
  fields: (t) => ({
    writeContent: t.exposeBoolean('writeContent', { description: 'Create and change tasks, labels and comments.' }),
    updateSettings: t.exposeBoolean('updateSettings', { description: 'Rename the workspace or change its slug.' }),
    manageMembers: t.exposeBoolean('manageMembers', { description: 'Invite, change roles, remove members.' }),
    deleteWorkspace: t.exposeBoolean('deleteWorkspace', { description: 'Delete the workspace (owners only).' }),
    assignableRoles: t.field({
      type: [WorkspaceRoleEnum],
      description: 'Roles you may give when inviting or changing a role.',
      resolve: (permissions) => [...permissions.assignableRoles],
    }),
  }),
});

/**
 * A person linked from content (author, creator…), or null once they no longer share a workspace
 * with the viewer: the same rule as the User type's scopes, from the same per-request loader.
 */
export async function visiblePerson<T extends { id: string }>(person: T | null, context: Context): Promise<T | null> {
  if (!person) return null;
  const visible = person.id === context.viewer?.userId || (await context.memberships.sharesWorkspaceWith(person.id));
  return visible ? person : null;
}

export const WorkspaceRef = builder.prismaNode('Workspace', {
  id: { field: 'id' },
  description: 'A tenant: a team’s projects and tasks live in it, reachable by its members only.',
  authScopes: (workspace) => ({ member: workspace.id }),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
    name: t.exposeString('name', { description: 'Display name, 1 to 80 characters.' }),
    slug: t.exposeString('slug', { description: 'URL name, unique across Yello.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    viewerRole: t.field({
      type: WorkspaceRoleEnum,
      description: 'The role of the signed-in user in this workspace.',
      resolve: async (workspace, _args, context) => (await context.memberships.roleIn(workspace.id)) ?? throwNotFound(),
    }),
    viewerCan: t.field({
      type: WorkspacePermissionsRef,
      description: 'What your role lets you do here, so you show only the controls that will work.',
      resolve: async (workspace, _args, context) =>
        permissionsOf((await context.memberships.roleIn(workspace.id)) ?? throwNotFound()),
    }),
    members: t.relatedConnection('memberships', {
      cursor: 'id',
      totalCount: true,
      description: 'Everyone in the workspace with their role, in the order they joined.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    invitations: t.relatedConnection('invitations', {
      cursor: 'id',
      description: 'Pending invitations (admins and owners; null with FORBIDDEN for other roles).',
      // Nullable so that a role below ADMIN is refused this field alone, not the workspace around it (WS-5.9).
      nullable: true,
      authScopes: (workspace) => ({ role: { workspaceId: workspace.id, atLeast: requiredRole.manage } }),
      query: (_args, context) => ({
        where: context.services.invitations.pending(),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    }),
  }),
});

export const MembershipRef = builder.prismaNode('Membership', {
  description: 'A person’s role in a workspace.',
  id: { field: 'id' },
  authScopes: (membership) => ({ member: membership.workspaceId }),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
    role: t.expose('role', { type: WorkspaceRoleEnum, description: 'What they may do in the workspace.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When they joined.' }),
    user: t.relation('user', { description: 'The member.' }),
    workspace: t.relation('workspace', { description: 'The workspace they belong to.' }),
    isViewer: t.boolean({
      description: 'Whether this is the signed-in user’s own membership.',
      resolve: (membership, _args, context) => membership.userId === context.viewer?.userId,
    }),
    viewerCanManage: t.boolean({
      description: 'Whether you may change this member’s role or remove them (not yourself: use leaveWorkspace).',
      resolve: async (membership, _args, context) => {
        const role = await context.memberships.roleIn(membership.workspaceId);
        return membership.userId !== context.viewer?.userId && role !== undefined && mayManage(role, membership.role);
      },
    }),
  }),
});

const InvitationRef = builder.prismaNode('Invitation', {
  description:
    'A pending invitation to join a workspace; only its link (shown once, to the inviter) lets someone accept it.',
  id: { field: 'id' },
  authScopes: (invitation) => ({ role: { workspaceId: invitation.workspaceId, atLeast: requiredRole.manage } }),
  fields: (t) => ({
    email: t.exposeString('email', {
      description: 'The address it was made for, in lower case: only the account with this email can accept it.',
    }),
    role: t.expose('role', { type: WorkspaceRoleEnum, description: 'The role the invitee gets on joining.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description:
        'Seven days after it was made; then it can no longer be accepted and leaves `Workspace.invitations`.',
    }),
    invitedByName: t.string({
      nullable: true,
      description: 'The name of who made it; null when their account no longer exists.',
      select: { invitedBy: { select: { name: true } } },
      resolve: (invitation) => invitation.invitedBy?.name ?? null,
    }),
  }),
});

const InvitationPreviewRef = builder.objectRef<InvitationPreview>('InvitationPreview').implement({
  description: 'What an invitation link offers, shown before it is accepted.',
  fields: (t) => ({
    workspaceName: t.exposeString('workspaceName', { description: 'The name of the workspace it joins.' }),
    role: t.expose('role', { type: WorkspaceRoleEnum, description: 'The role you get on joining.' }),
    email: t.exposeString('email', { description: 'The address it was made for: sign in with it to accept.' }),
    invitedByName: t.exposeString('invitedByName', {
      nullable: true,
      description: 'The name of who made it; null when their account no longer exists.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'After this it can no longer be accepted.' }),
  }),
});

const InviteMemberPayload = builder.objectRef<IssuedInvitation>('InviteMemberPayload').implement({
  description: 'The invitation just made, and the link that accepts it.',
  fields: (t) => ({
    invitation: t.field({
      type: InvitationRef,
      description: 'The invitation, as `Workspace.invitations` lists it.',
      resolve: (payload) => payload.invitation,
    }),
    url: t.exposeString('url', { description: 'The one-time link to hand to the invitee. It is shown only here.' }),
  }),
});

/** Who changes a membership, with the most their credential allows: an API token no more than its scopes (INT-1.4). */
const actorOf = (context: Context) => ({
  userId: viewerIdOf(context),
  cap: context.viewer?.kind === 'token' ? context.viewer.roleCap : WorkspaceRole.OWNER,
});

/** For an API token, the condition "in its workspace" on memberships; nothing for a person. */
const tokenWorkspace = (context: Context) =>
  context.viewer?.kind === 'token' ? { workspaceId: context.viewer.workspaceId } : {};

/** For an API token, the condition "its workspace" on workspaces; nothing for a person. */
const tokenWorkspaceById = (context: Context) =>
  context.viewer?.kind === 'token' ? { id: context.viewer.workspaceId } : {};

builder.prismaObjectField('User', 'memberships', (t) =>
  t.relation('memberships', {
    description: 'The workspaces this user belongs to, with their role (only on your own user).',
    authScopes: (user) => ({ self: user.id }),
    // An API token reaches its one workspace only (INT-1.4).
    query: (_args, context) => ({ where: tokenWorkspace(context), orderBy: { workspace: { name: 'asc' } } }),
  }),
);

builder.queryFields((t) => ({
  workspaces: t.withAuth({ loggedIn: true }).prismaConnection({
    type: 'Workspace',
    cursor: 'id',
    description: 'The workspaces you belong to, by name.',
    resolve: (query, _root, _args, context) =>
      context.db.workspace.findMany({
        ...query,
        where: { memberships: { some: { userId: context.viewer.userId } }, ...tokenWorkspaceById(context) },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
  workspace: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Workspace',
    description: 'A workspace you belong to, by its URL slug (NOT_FOUND for any other).',
    args: { slug: t.arg.string({ required: true, description: 'The workspace’s URL name, in any case.' }) },
    resolve: async (query, _root, { slug }, context) =>
      (await context.db.workspace.findUnique({ ...query, where: { slug: slug.trim().toLowerCase() } })) ??
      throwNotFound(),
  }),
  invitation: t.field({
    type: InvitationPreviewRef,
    description: 'What an invitation offers; anyone holding the link may ask.',
    args: {
      token: t.arg.string({
        required: true,
        description:
          'The token of the invitation link (what follows /invite/). NOT_FOUND once it was accepted, revoked or expired.',
      }),
    },
    resolve: (_root, { token }, context) => context.services.invitations.preview(token),
  }),
}));

const SLUG_RULES =
  'URL name: 3 to 40 lower-case letters, digits and single hyphens, starting with a letter (stored in lower case); unique across Yello (CONFLICT when taken); route names like `api` or `settings` are refused.';

const CreateWorkspaceInput = builder.inputType('CreateWorkspaceInput', {
  description: 'A new workspace; you become its owner.',
  fields: (t) => ({
    name: t.string({ description: 'Display name, 1 to 80 characters.' }),
    slug: t.string({ description: SLUG_RULES }),
  }),
});

const UpdateWorkspaceInput = builder.inputType('UpdateWorkspaceInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ for: WorkspaceRef, description: 'The workspace to change.' }),
    name: t.string({ required: false, description: 'Display name, 1 to 80 characters.' }),
    slug: t.string({ required: false, description: `${SLUG_RULES} Links with the old one stop working.` }),
  }),
});

const DeleteWorkspaceInput = builder.inputType('DeleteWorkspaceInput', {
  description: 'The workspace to delete, confirmed by typing its slug.',
  fields: (t) => ({
    id: t.globalID({ for: WorkspaceRef, description: 'The workspace to delete.' }),
    confirmSlug: t.string({ description: 'The workspace’s slug, typed again to confirm.' }),
  }),
});

const InviteMemberInput = builder.inputType('InviteMemberInput', {
  description: 'Who to invite, and with which role.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: WorkspaceRef, description: 'The workspace to invite them to.' }),
    email: t.string({
      description:
        'Their email address, at most 254 characters. It replaces a pending invitation for the same address; CONFLICT when they are already a member.',
    }),
    role: t.field({
      type: WorkspaceRoleEnum,
      description: 'The role they get on joining; inviting an OWNER takes an owner (FORBIDDEN otherwise).',
    }),
  }),
});

const ChangeMemberRoleInput = builder.inputType('ChangeMemberRoleInput', {
  description: 'The membership and its new role.',
  fields: (t) => ({
    membershipId: t.globalID({ for: MembershipRef, description: 'The membership to change.' }),
    role: t.field({
      type: WorkspaceRoleEnum,
      description:
        'The new role. Granting or taking away OWNER takes an owner (FORBIDDEN otherwise); the last owner cannot step down (CONFLICT).',
    }),
  }),
});

builder.mutationFields((t) => ({
  createWorkspace: t.withAuth({ person: true }).prismaField({
    type: 'Workspace',
    description: 'Creates a workspace; you become its OWNER.',
    args: { input: t.arg({ type: CreateWorkspaceInput, required: true, description: 'Its name and URL name.' }) },
    resolve: async (_query, _root, { input }, context) => {
      const workspace = await context.services.workspaces.create(context.viewer.userId, input, auditSourceOf(context));
      context.memberships.reset();
      return workspace;
    },
  }),
  updateWorkspace: t.prismaField({
    type: 'Workspace',
    description: 'Renames the workspace or changes its slug (admins and owners).',
    args: {
      input: t.arg({ type: UpdateWorkspaceInput, required: true, description: 'The workspace and what changes.' }),
    },
    authScopes: (_root, { input }) => ({ role: { workspaceId: input.id.id, atLeast: requiredRole.manage } }),
    resolve: (_query, _root, { input }, context) =>
      context.services.workspaces.update(
        viewerIdOf(context),
        input.id.id,
        { name: input.name ?? undefined, slug: input.slug ?? undefined },
        auditSourceOf(context),
      ),
  }),
  deleteWorkspace: t.boolean({
    description: 'Deletes the workspace with all its data (owners only).',
    args: {
      input: t.arg({
        type: DeleteWorkspaceInput,
        required: true,
        description: 'The workspace and its slug, typed again to confirm.',
      }),
    },
    authScopes: (_root, { input }) => ({ role: { workspaceId: input.id.id, atLeast: requiredRole.own } }),
    resolve: async (_root, { input }, context) => {
      await context.services.workspaces.delete(input.id.id, input.confirmSlug, auditSourceOf(context));
      return true;
    },
  }),
  inviteMember: t.field({
    type: InviteMemberPayload,
    description: 'Invites someone by email; returns the link to hand them.',
    args: {
      input: t.arg({ type: InviteMemberInput, required: true, description: 'Who to invite, and with which role.' }),
    },
    authScopes: (_root, { input }) => ({
      role: { workspaceId: input.workspaceId.id, atLeast: roleNeededToAssign(undefined, input.role) },
    }),
    resolve: (_root, { input }, context) =>
      context.services.invitations.invite(
        viewerIdOf(context),
        input.workspaceId.id,
        { email: input.email, role: input.role },
        context.publicOrigin,
        auditSourceOf(context),
      ),
  }),
  revokeInvitation: t.boolean({
    description: 'Revokes a pending invitation (admins and owners).',
    args: {
      id: t.arg.globalID({
        required: true,
        for: InvitationRef,
        description: 'The invitation’s id; NOT_FOUND when it is no longer pending.',
      }),
    },
    authScopes: (_root, { id }, context) =>
      roleInWorkspaceOf(context.workspaceOf('invitation', id.id), requiredRole.manage),
    resolve: async (_root, { id }, context) => {
      await context.services.invitations.revoke(
        await workspaceIdOf(context, 'invitation', id.id),
        id.id,
        auditSourceOf(context),
      );
      return true;
    },
  }),
  acceptInvitation: t.withAuth({ person: true }).prismaField({
    type: 'Membership',
    description: 'Joins the workspace of an invitation made for your email address.',
    args: {
      token: t.arg.string({
        required: true,
        description:
          'The token of the invitation link (what follows /invite/). NOT_FOUND once it was accepted, revoked or expired; FORBIDDEN when it was made for another email address; CONFLICT when you are already a member.',
      }),
    },
    resolve: async (_query, _root, { token }, context) => {
      const membership = await context.services.invitations.accept(
        context.viewer.userId,
        token,
        auditSourceOf(context),
      );
      context.memberships.reset();
      return membership;
    },
  }),
  changeMemberRole: t.prismaField({
    type: 'Membership',
    description: 'Changes a member’s role. Only owners grant or take away OWNER.',
    args: {
      input: t.arg({ type: ChangeMemberRoleInput, required: true, description: 'The membership and its new role.' }),
    },
    authScopes: (_root, { input }, context) =>
      roleInWorkspaceOf(context.workspaceOf('membership', input.membershipId.id), requiredRole.manage),
    resolve: async (_query, _root, { input }, context) => {
      const membership = await context.services.members.changeRole(
        actorOf(context),
        await workspaceIdOf(context, 'membership', input.membershipId.id),
        input.membershipId.id,
        input.role,
        auditSourceOf(context),
      );
      // The caller may have changed their own role: viewerRole and viewerCan in the answer read it again.
      context.memberships.reset();
      return membership;
    },
  }),
  removeMember: t.boolean({
    description: 'Removes a member. Only owners remove owners.',
    args: {
      membershipId: t.arg.globalID({
        required: true,
        for: MembershipRef,
        description:
          'The membership to remove. Their tasks and projects lose them as assignee and lead; the last owner cannot go (CONFLICT).',
      }),
    },
    authScopes: (_root, { membershipId }, context) =>
      roleInWorkspaceOf(context.workspaceOf('membership', membershipId.id), requiredRole.manage),
    resolve: async (_root, { membershipId }, context) => {
      await context.services.members.remove(
        actorOf(context),
        await workspaceIdOf(context, 'membership', membershipId.id),
        membershipId.id,
        auditSourceOf(context),
      );
      context.memberships.reset();
      return true;
    },
  }),
  leaveWorkspace: t.boolean({
    description: 'Leaves a workspace. The last owner cannot leave.',
    args: {
      workspaceId: t.arg.globalID({
        required: true,
        for: WorkspaceRef,
        description: 'The workspace to leave. Your tasks and projects there lose you as assignee and lead.',
      }),
    },
    // Leaving is the person's own decision, not a service's (INT-1.5).
    authScopes: (_root, { workspaceId }) => ({ $all: { person: true, member: workspaceId.id } }),
    resolve: async (_root, { workspaceId }, context) => {
      await context.services.members.leave(viewerIdOf(context), workspaceId.id, auditSourceOf(context));
      context.memberships.reset();
      return true;
    },
  }),
}));
