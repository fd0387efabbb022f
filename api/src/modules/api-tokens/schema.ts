// The API tokens module's part of the GraphQL schema (INT-1): the ApiToken type, `Workspace.apiTokens`,
// `createApiToken` and `revokeApiToken`. Only a person signed in reaches them, never a token (INT-1.5).
import { ApiTokenScope } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { viewerIdOf, workspaceIdOf } from '../../graphql/context.ts';
import { throwNotFound } from '../../shared/errors.ts';
import { UserRef } from '../accounts/schema.ts';
import { auditSourceOf } from '../audit/audit-log.ts';
import { requiredRole, WorkspaceRole } from '../workspaces/roles.ts';
import { visiblePerson, WorkspaceRef } from '../workspaces/schema.ts';
import type { IssuedApiToken } from './api-tokens.ts';
import { MAX_TOKEN_DAYS } from './inputs.ts';
import { API_TOKEN_PATTERN, TOKEN_PREFIX } from './token-format.ts';

const ApiTokenScopeEnum = builder.enumType(ApiTokenScope, {
  name: 'ApiTokenScope',
  description: 'What a token may do in its workspace, never more than its owner may do there now.',
  values: {
    READ: { description: 'Queries and subscriptions, as a VIEWER.' },
    WRITE: { description: 'Also tasks, comments, labels and projects’ content, as a MEMBER.' },
    ADMIN: { description: 'Also members, invitations and settings, as an ADMIN (never an OWNER’s operations).' },
  },
});

export const ApiTokenRef = builder.prismaNode('ApiToken', {
  id: { field: 'id', description: 'The token’s global id (not its secret).' },
  description: `A credential for a service acting for one person in one workspace, sent as \`Authorization: Bearer yel_…\`. Its secret is shown once, when created, and matches ${API_TOKEN_PATTERN.source}.`,
  // Its owner, and the workspace's admins; people signed in only, never a token.
  authScopes: (token) => ({
    $all: {
      person: true,
      $any: { self: token.userId, role: { workspaceId: token.workspaceId, atLeast: requiredRole.manage } },
    },
  }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the token is for, 1 to 80 characters.' }),
    scopes: t.field({
      type: [ApiTokenScopeEnum],
      description: 'What it may do; its role is the highest of these, capped by its owner’s role.',
      resolve: (token) => token.scopes,
    }),
    prefix: t.string({ description: 'How every secret starts: `yel_`.', resolve: () => TOKEN_PREFIX }),
    lastFour: t.exposeString('lastFour', { description: 'The secret’s last four characters, to tell tokens apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it stops working.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it last authenticated a request, to within a minute; null if never.',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; null while it works.',
    }),
    owner: t.field({
      type: UserRef,
      nullable: true,
      description: 'Whose access it carries; null once they no longer share a workspace with you.',
      select: { user: true },
      resolve: (token, _args, context) => visiblePerson(token.user, context),
    }),
    workspace: t.relation('workspace', { description: 'The one workspace it reaches.' }),
  }),
});

const CreatedApiTokenRef = builder.objectRef<IssuedApiToken>('CreatedApiToken').implement({
  description: 'A token just created, with its secret: the only time it is shown.',
  fields: (t) => ({
    token: t.field({ type: ApiTokenRef, description: 'The token as listed later.', resolve: ({ token }) => token }),
    secret: t.exposeString('secret', {
      description: 'Send it as `Authorization: Bearer <secret>`. Yello keeps only its hash: copy it now.',
    }),
  }),
});

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  description: 'A new API token.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: WorkspaceRef, description: 'The one workspace it reaches; you must be a member.' }),
    name: t.string({ description: 'What it is for, 1 to 80 characters.' }),
    scopes: t.field({ type: [ApiTokenScopeEnum], description: 'At least one.' }),
    expiresAt: t.field({
      type: 'DateTime',
      description: `When it stops working: in the future, at most ${MAX_TOKEN_DAYS} days ahead.`,
    }),
  }),
});

builder.prismaObjectField(WorkspaceRef, 'apiTokens', (t) =>
  t.relatedConnection('apiTokens', {
    cursor: 'id',
    nullable: true,
    description:
      'Your API tokens for this workspace, or every one for admins and owners, newest first (revoked and expired ones included). FORBIDDEN with null for an API token.',
    authScopes: { person: true },
    query: (_args, context) => {
      const viewerId = viewerIdOf(context);
      const admin = {
        memberships: { some: { userId: viewerId, role: { in: [WorkspaceRole.ADMIN, WorkspaceRole.OWNER] } } },
      };
      return {
        where: { OR: [{ userId: viewerId }, { workspace: admin }] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      };
    },
  }),
);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiTokenRef,
    description:
      'Creates an API token for yourself in a workspace and returns its secret, once. People signed in only (FORBIDDEN for a token).',
    args: { input: t.arg({ type: CreateApiTokenInput, required: true, description: 'The token.' }) },
    authScopes: (_root, { input }) => ({ $all: { person: true, member: input.workspaceId.id } }),
    resolve: (_root, { input }, context) =>
      context.services.apiTokens.create(
        viewerIdOf(context),
        input.workspaceId.id,
        { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt },
        auditSourceOf(context),
      ),
  }),
  revokeApiToken: t.boolean({
    description:
      'Revokes an API token at once (its live streams end too): your own, or any of a workspace you administer. NOT_FOUND for any other.',
    args: { id: t.arg.globalID({ for: ApiTokenRef, required: true, description: 'The token’s id (not its secret).' }) },
    authScopes: async (_root, { id }, context) => ({
      $all: {
        person: true,
        role: {
          workspaceId: (await context.workspaceOf('apiToken', id.id)) ?? throwNotFound(),
          atLeast: requiredRole.read,
        },
      },
    }),
    resolve: async (_root, { id }, context) => {
      const workspaceId = await workspaceIdOf(context, 'apiToken', id.id);
      const role = (await context.memberships.roleIn(workspaceId)) ?? throwNotFound();
      await context.services.apiTokens.revoke(viewerIdOf(context), role, workspaceId, id.id, auditSourceOf(context));
      return true;
    },
  }),
}));
