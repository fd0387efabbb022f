// The Pothos builder: plugins, context and scope types, scalars. It defines no types of its own;
// those live with their domain in modules/<domain>/.
import SchemaBuilder, { PothosError } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { z } from 'zod';
import type PrismaTypes from '../generated/pothos-prisma-types.ts';
import { getDatamodel } from '../generated/pothos-prisma-types.ts';
import type { Account } from '../modules/accounts/accounts.ts';
import { hasRole, type WorkspaceRole } from '../modules/workspaces/roles.ts';
import { badUserInput, forbidden, notFound, unauthenticated } from '../shared/errors.ts';
import { recordNotFoundAsNotFound } from '../shared/prisma-errors.ts';
import { fieldErrorsOf } from '../shared/validation.ts';
import type { AuthenticatedContext, Context, MemberContext, PersonContext } from './context.ts';
import { fieldComplexity } from './operation-cost.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.ts';

/**
 * The generated model types, with a user as the client reads them: without the password hash, which it leaves out of
 * every read that does not ask for it (PT-9.3).
 */
type YelloPrismaTypes = Omit<PrismaTypes, 'User'> & { User: Omit<PrismaTypes['User'], 'Shape'> & { Shape: Account } };
/** Any UUID (Prisma's `uuid(7)` ids and older versions alike). */
const uuid = z.uuid();

/** Scopes whose failure must not reveal that the object exists: the caller gets NOT_FOUND. */
const concealingScopes = new Set<string>(['self', 'coMember', 'member']);

function failedScopes(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case 'AuthScope':
      return [failure.scope];
    case 'AnyAuthScopes':
    case 'AllAuthScopes':
      return failure.failures.flatMap(failedScopes);
    default:
      return [];
  }
}

/**
 * Loads a node for node(id) and each position of nodes(ids). An id that is malformed, of an unknown type or of no
 * record answers NOT_FOUND, exactly like an id the viewer may not see.
 */
async function nodeOrNotFound(load: () => unknown): Promise<unknown> {
  try {
    const node = await load();
    if (node === null || node === undefined) throw notFound();
    return node;
  } catch (error) {
    if (error instanceof PothosError) throw notFound();
    throw recordNotFoundAsNotFound(error);
  }
}

/**
 * Every id is a UUID: a global id that names anything else (`Task:1`) names nothing, and must not reach the
 * database, which would refuse it as a malformed UUID. Anything undecodable is NOT_FOUND.
 */
function decodeYelloGlobalID(globalID: string): ReturnType<typeof decodeGlobalID> {
  let decoded: ReturnType<typeof decodeGlobalID>;
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw notFound();
  }
  if (!uuid.safeParse(decoded.id).success) throw notFound();
  return decoded;
}

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

const pageSize = z
  .number()
  .int()
  .min(1, 'Ask for at least 1 item.')
  .max(MAX_PAGE_SIZE, `Ask for at most ${MAX_PAGE_SIZE} items; page with the cursor for more.`)
  .nullish();

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: YelloPrismaTypes;
  AuthScopes: {
    loggedIn: boolean;
    /** A person signed in, not a service with an API token: account operations (INT-1.5). */
    person: boolean;
    /** The viewer is the user with this id. */
    self: string;
    /** The viewer shares a workspace with the user with this id. */
    coMember: string;
    /** The viewer is a member of the workspace with this id. */
    member: string;
    /** The viewer has at least this role in the workspace; a non-member gets NOT_FOUND. */
    role: { workspaceId: string; atLeast: WorkspaceRole };
  };
  AuthContexts: {
    loggedIn: AuthenticatedContext;
    person: PersonContext;
    self: AuthenticatedContext;
    coMember: MemberContext;
    member: MemberContext;
    role: MemberContext;
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: { DateTime: { Input: Date; Output: Date }; Date: { Input: Date; Output: Date } };
}>({
  plugins: [ScopeAuthPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  // Costs only: the maximum and the budget are applied per request by the rate-limit plugin (INT-5.1, INT-5.2).
  complexity: { fieldComplexity },
  validation: {
    validationError: (failure) => badUserInput(fieldErrorsOf(failure.issues)),
  },
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    // Check an object's scopes where it is returned, so a hidden object fails exactly like a missing one.
    runScopesOnType: true,
    // A subscription's scopes are checked when it is opened (no stream for a non-member, RT-5.1), and again for
    // every event it sends (RT-5.4).
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      // A webhook's viewer reads its workspace's events and nothing about anyone's account.
      loggedIn: context.viewer !== null && context.viewer.kind !== 'webhook',
      person: context.viewer?.kind === 'session',
      self: (userId) => context.viewer?.userId === userId,
      coMember: (userId) => context.viewer !== null && context.memberships.sharesWorkspaceWith(userId),
      member: async (workspaceId) => (await context.memberships.roleIn(workspaceId)) !== undefined,
      role: async ({ workspaceId, atLeast }) => {
        if (context.viewer === null) return false;
        const role = await context.memberships.roleIn(workspaceId);
        if (role === undefined) throw notFound();
        return hasRole(role, atLeast);
      },
    }),
    unauthorizedError: (_parent, context, _info, result) => {
      if (context.viewer === null) return unauthenticated(context.credentialsRefused ?? undefined);
      if (failedScopes(result.failure).some((scope) => concealingScopes.has(scope))) return notFound();
      return forbidden();
    },
  },
  prisma: {
    client: (context) => context.db,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
  relay: {
    clientMutationId: 'omit',
    idFieldOptions: {
      description: 'Global id: opaque and stable. Pass it to `node`, or wherever an argument asks for this object.',
    },
    firstArgOptions: {
      validate: pageSize,
      description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
    },
    lastArgOptions: {
      validate: pageSize,
      description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}), counted back from \`before\` or the end.`,
    },
    afterArgOptions: {
      description:
        'Start after this cursor (an edge’s `cursor` or `pageInfo.endCursor`). A malformed cursor is BAD_USER_INPUT.',
    },
    beforeArgOptions: {
      description:
        'End before this cursor (an edge’s `cursor` or `pageInfo.startCursor`); with `last`, pages backwards. A malformed cursor is BAD_USER_INPUT.',
    },
    cursorType: 'String',
    pageInfoTypeOptions: {
      description: 'Where a page sits in its list: the cursors to page on from, and whether there is more.',
    },
    hasNextPageFieldOptions: {
      description:
        'Whether items follow this page. Exact when paging forward (`first`, `after`); paging backwards, it is true when `before` was given.',
    },
    hasPreviousPageFieldOptions: {
      description:
        'Whether items come before this page. Exact when paging backwards (`last`, `before`); paging forward, it is true when `after` was given.',
    },
    startCursorFieldOptions: {
      description:
        'The cursor of the page’s first item, to pass as `before`. On an empty page: null, or in `workspaceEvents` the cursor you paged from (empty when none).',
    },
    endCursorFieldOptions: {
      description:
        'The cursor of the page’s last item, to pass as `after` for the next page. On an empty page: null, or in `workspaceEvents` the cursor you paged from (empty when none), to poll with again.',
    },
    pageInfoFieldOptions: { description: 'Cursors and whether there is more, to page on.' },
    edgesFieldOptions: { description: 'The page’s items, each with its cursor.' },
    nodesOnConnection: { description: 'The page’s items, in order (the nodes of `edges`).' },
    cursorFieldOptions: { description: 'This item’s place in the list: pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    decodeGlobalID: decodeYelloGlobalID,
    // Signed-in callers only: for anonymous ones the type scopes would answer UNAUTHENTICATED for an id that
    // exists and NOT_FOUND for one that does not, telling which ids exist.
    nodeQueryOptions: {
      authScopes: { loggedIn: true },
      description: 'Any object by its global id; NOT_FOUND when it does not exist or lies outside your workspaces.',
      args: { id: { description: 'A global id, as the `id` field of an object gives it.' } },
      resolve: (_root, { id }, _context, _info, resolveNode) => nodeOrNotFound(() => resolveNode(id)),
    },
    // Defined below instead: the plugin's field decodes every id before resolving and loads them together, so one
    // malformed or missing id failed its reachable neighbours too, which told a missing id from a hidden one.
    nodesQueryOptions: false,
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
/** A parsed Date whose year PostgreSQL's `date` holds: it has no year 0, so `0000-01-01` would fail there. */
function withinStoredYears(date: Date): Date {
  if (date.getUTCFullYear() < 1) throw new GraphQLError('Date needs a year from 0001 to 9999.');
  return date;
}

builder.addScalarType(
  'Date',
  new GraphQLScalarType({
    ...DateResolver.toConfig(),
    parseValue: (value) => withinStoredYears(DateResolver.parseValue(value)),
    parseLiteral: (node, variables) => withinStoredYears(DateResolver.parseLiteral(node, variables)),
  }),
  { description: 'A calendar date, YYYY-MM-DD, from 0001-01-01 to 9999-12-31.' },
);
builder.queryType({
  description: 'Reads. Everything but `invitation` needs an access token in the `Authorization` header.',
});
builder.mutationType({
  description:
    'Changes. Input is checked before anything is written: a refusal is BAD_USER_INPUT with `extensions.fieldErrors`, and nothing is half-written.',
});

// nodes(ids), position by position (WS-5.8, AUTH-10.3): each id is decoded and loaded on its own, so an id that is
// malformed, missing or out of reach fails only at its index, with the same NOT_FOUND, and never its neighbours.
builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    authScopes: { loggedIn: true },
    description: 'Objects by their global ids, in the order given; NOT_FOUND at each id you cannot reach.',
    // Each id is a load of its own: the count is bounded like a page.
    args: {
      ids: t.arg.idList({
        required: true,
        description: `Global ids, at most ${MAX_PAGE_SIZE}.`,
        validate: z.array(z.unknown()).max(MAX_PAGE_SIZE, `Ask for at most ${MAX_PAGE_SIZE} ids at once.`),
      }),
    },
    resolve: (_root, { ids }, context, info) =>
      ids.map((id) =>
        nodeOrNotFound(async () => {
          const [node] = await resolveNodes(builder, context, info, [decodeYelloGlobalID(String(id))]);
          return node;
        }),
      ),
  }),
);
