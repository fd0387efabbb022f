// The audit module's part of the GraphQL schema (HOOK-2): the AuditEntry type, `Workspace.auditEntries` for the
// workspace's owners and admins (and API tokens with the ADMIN scope), and `User.auditEntries` for yourself only.
import { builder } from '../../graphql/builder.ts';
import { parseInput } from '../../shared/validation.ts';
import { UserRef } from '../accounts/schema.ts';
import { requiredRole } from '../workspaces/roles.ts';
import { visiblePerson, WorkspaceRef } from '../workspaces/schema.ts';
import { AuditAction, type AuditDetailValue, AuditTargetType, storedDetails } from './audit-actions.ts';
import { auditFilterInput, newestFirst, workspaceEntriesWhere } from './inputs.ts';

const AuditActionEnum = builder.enumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audit entry records. Its `details` name what each action adds.',
  values: {
    SIGN_IN: { description: 'A sign-in (also the one a registration makes). Details: `method`.' },
    SIGN_IN_FAILED: {
      description:
        'A failed sign-in: the target’s label is the email tried, with no actor. Details: `reason` (UNKNOWN_EMAIL, WRONG_PASSWORD, THROTTLED).',
    },
    SIGN_OUT: { description: 'A sign-out: the session it ended.' },
    SESSION_REVOKED: {
      description:
        'A session ended from the session list, or by Yello when a refresh token was used twice (no actor). Details: `reason`.',
    },
    PASSWORD_CHANGED: { description: 'A password change. Details: `sessionsEnded`, the other sessions it ended.' },
    API_TOKEN_CREATED: { description: 'An API token created. Details: `scopes`, `expiresAt`.' },
    API_TOKEN_REVOKED: { description: 'An API token revoked.' },
    WEBHOOK_CREATED: { description: 'A webhook created.' },
    WEBHOOK_UPDATED: { description: 'A webhook’s settings changed.' },
    WEBHOOK_SECRET_ROTATED: { description: 'A webhook given a new signing secret.' },
    WEBHOOK_DELETED: { description: 'A webhook deleted.' },
    WEBHOOK_DISABLED: { description: 'A webhook disabled by Yello after failed deliveries (no actor).' },
    MEMBER_ROLE_CHANGED: { description: 'A member’s role changed. Details: `previousRole`, `role`.' },
    MEMBER_REMOVED: { description: 'A member removed. Details: `role`, `apiTokensRevoked`.' },
    MEMBER_LEFT: { description: 'A member left. Details: `role`, `apiTokensRevoked`.' },
    MEMBER_JOINED: { description: 'Someone joined through an invitation. Details: `role`.' },
    INVITATION_CREATED: { description: 'An invitation made. Details: `role`.' },
    INVITATION_REVOKED: {
      description:
        'An invitation revoked: by an admin, or by a new invitation for the same address, which replaced it (`reason` REPLACED_BY_NEW_INVITATION). Details: `role`, and `reason` when it was replaced.',
    },
    INVITATION_ACCEPTED: { description: 'An invitation accepted (with the MEMBER_JOINED it led to). Details: `role`.' },
    WORKSPACE_CREATED: {
      description: 'The workspace created; its creator became its owner. Details: `name`, `slug`.',
    },
    WORKSPACE_UPDATED: {
      description:
        'The workspace renamed or given another slug. Details: what changed, `previousName` and `name`, `previousSlug` and `slug`.',
    },
    WORKSPACE_DELETED: { description: 'The workspace deleted. Details: `slug`.' },
    PROJECT_DELETED: { description: 'A project deleted. Details: `key`.' },
  },
});

const AuditTargetTypeEnum = builder.enumType(AuditTargetType, {
  name: 'AuditTargetType',
  description: 'What kind of thing an audit entry is about.',
  values: {
    ACCOUNT: { description: 'A person’s account (a User).' },
    SESSION: { description: 'A signed-in session.' },
    API_TOKEN: { description: 'An API token.' },
    WEBHOOK: { description: 'A webhook.' },
    MEMBERSHIP: { description: 'A person’s membership of the workspace.' },
    INVITATION: { description: 'An invitation.' },
    WORKSPACE: { description: 'The workspace.' },
    PROJECT: { description: 'A project.' },
  },
});

/** The GraphQL type of each kind of target, for its global id. */
const targetTypeName: Record<AuditTargetType, string> = {
  ACCOUNT: 'User',
  SESSION: 'Session',
  API_TOKEN: 'ApiToken',
  WEBHOOK: 'Webhook',
  MEMBERSHIP: 'Membership',
  INVITATION: 'Invitation',
  WORKSPACE: 'Workspace',
  PROJECT: 'Project',
};

interface AuditDetail {
  name: string;
  value: string;
}

const AuditDetailRef = builder.objectRef<AuditDetail>('AuditDetail').implement({
  description: 'One detail of an audit entry, as text.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What it is, as the action’s description names it (`role`).' }),
    value: t.exposeString('value', { description: 'Its value; a list is written with commas (`READ, WRITE`).' }),
  }),
});

const asText = (value: AuditDetailValue): string => (Array.isArray(value) ? value.join(', ') : String(value));

/** The stored details of an entry, by name (JSON objects keep no order of their own). */
function detailsOf(details: unknown): AuditDetail[] {
  const parsed = storedDetails.safeParse(details);
  if (!parsed.success) return [];
  return Object.entries(parsed.data)
    .map(([name, value]) => ({ name, value: asText(value) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  description:
    'One security-relevant action: who did what, with which session or API token, from where, to what, and when. Entries are never changed; they are deleted after the retention period.',
  // A workspace's entries: its owners and admins (an API token with the ADMIN scope). An account's: that person only,
  // signed in, never through a token.
  authScopes: (entry) =>
    entry.workspaceId !== null
      ? { role: { workspaceId: entry.workspaceId, atLeast: requiredRole.manage } }
      : { $all: { person: true, self: entry.accountId ?? '' } },
  fields: (t) => ({
    action: t.expose('action', { type: AuditActionEnum, description: 'What happened.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it happened.' }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description:
        'Who did it, while they share a workspace with you; null for Yello itself, for a failed sign-in, or once you no longer share a workspace.',
      resolve: async (entry, _args, context) =>
        entry.actorId === null ? null : visiblePerson(await context.people.load(entry.actorId), context),
    }),
    actorName: t.string({
      nullable: true,
      description:
        'The name of who did it, also once they left the workspace; null for Yello itself, for a failed sign-in, or when their account is gone.',
      resolve: async (entry, _args, context) =>
        entry.actorId === null ? null : ((await context.people.load(entry.actorId))?.name ?? null),
    }),
    sessionId: t.globalID({
      nullable: true,
      description: 'The session they acted in; null when they used an API token, or nobody acted.',
      resolve: (entry) => (entry.sessionId === null ? null : { type: 'Session', id: entry.sessionId }),
    }),
    apiTokenId: t.globalID({
      nullable: true,
      description: 'The API token they acted with (see `Workspace.apiTokens`); null otherwise.',
      resolve: (entry) => (entry.apiTokenId === null ? null : { type: 'ApiToken', id: entry.apiTokenId }),
    }),
    ipAddress: t.exposeString('ipAddress', {
      nullable: true,
      description:
        'The client’s address (the first X-Forwarded-For entry behind a trusted proxy); null when unknown or for Yello itself.',
    }),
    userAgent: t.exposeString('userAgent', {
      nullable: true,
      description: 'The client’s User-Agent, cut to 512 characters; null when none was sent.',
    }),
    targetType: t.expose('targetType', { type: AuditTargetTypeEnum, description: 'What kind of thing it concerns.' }),
    targetId: t.globalID({
      nullable: true,
      description:
        'The global id of what it concerns, of the type `targetType` names (it may be gone since); null for a failed sign-in of an unknown email.',
      resolve: (entry) =>
        entry.targetId === null ? null : { type: targetTypeName[entry.targetType], id: entry.targetId },
    }),
    targetLabel: t.exposeString('targetLabel', {
      nullable: true,
      description: 'What it was called then: a name, an email address, a session’s user agent or a webhook’s URL.',
    }),
    details: t.field({
      type: [AuditDetailRef],
      description: 'What the action adds (see `AuditAction`), by name: never a secret.',
      resolve: (entry) => detailsOf(entry.details),
    }),
  }),
});

const AuditEntryFilterInput = builder.inputType('AuditEntryFilter', {
  description: 'Every condition given must hold.',
  fields: (t) => ({
    actorId: t.globalID({ required: false, for: UserRef, description: 'Entries of this person’s actions.' }),
    action: t.field({ type: AuditActionEnum, required: false, description: 'Entries of this action.' }),
    since: t.field({ type: 'DateTime', required: false, description: 'Entries at or after this time.' }),
    until: t.field({
      type: 'DateTime',
      required: false,
      description: 'Entries before this time; not before `since` (BAD_USER_INPUT).',
    }),
  }),
});

builder.prismaObjectField(WorkspaceRef, 'auditEntries', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    nullable: true,
    description:
      'The workspace’s audit log, newest first (owners and admins, and API tokens with the ADMIN scope; null with FORBIDDEN for other roles).',
    args: {
      filter: t.arg({ type: AuditEntryFilterInput, required: false, description: 'Which entries; all when absent.' }),
    },
    // Nullable so that a role below ADMIN is refused this field alone, not the workspace around it.
    authScopes: (workspace) => ({ role: { workspaceId: workspace.id, atLeast: requiredRole.manage } }),
    resolve: (query, workspace, { filter }, context) => {
      const parsed = parseInput(auditFilterInput, { ...filter, actorId: filter?.actorId?.id }, ['filter']);
      return context.db.auditEntry.findMany({
        ...query,
        where: workspaceEntriesWhere(workspace.id, parsed),
        orderBy: newestFirst,
      });
    },
  }),
);

builder.prismaObjectField('User', 'auditEntries', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    nullable: true,
    description:
      'Your account’s security activity, newest first: sign-ins (failed ones too), sign-outs, sessions revoked and password changes. Only on yourself, signed in (FORBIDDEN with null for an API token).',
    authScopes: (user) => ({ $all: { person: true, self: user.id } }),
    resolve: (query, user, _args, context) =>
      context.db.auditEntry.findMany({ ...query, where: { accountId: user.id }, orderBy: newestFirst }),
  }),
);
