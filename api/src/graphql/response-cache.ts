// Repeated reads answered from a cache keyed on the database's versions (PT-10): an answer is kept under a hash of
// the document, the operation name, the variables, the viewer and the versions of everything the viewer can read
// (each of their workspaces' last event sequence, their role there and its members' profiles), read in one statement
// before the query runs. A change anywhere, through any instance, gives the next request another key, so nothing is
// invalidated and no instance tells another anything. Only queries whose every field is on the allowlist below are
// cached: data the event log (or the members' profiles) versions, and nothing computed from the clock.
import { createHash } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Caller, Context } from './context.ts';
import { actualCost, jsonOf, operationOf } from './operation-cost.ts';
import type { RequestContext } from './yoga.ts';

export interface ResponseCacheSettings {
  /** The most the kept answers may weigh together (their JSON's length); 0 keeps none (PT-10.5). */
  maxBytes: number;
  /** How long an answer is kept, at most (PT-10.5). */
  ttlMs: number;
}

export const defaultResponseCacheSettings: ResponseCacheSettings = { maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 };

/**
 * The fields a cached query may select, by type (PT-10.1, PT-10.3): workspace data, every change of which appends to
 * its workspace's event log in the change's transaction, and people, whose profiles the versions digest. Left out,
 * so that a query selecting them runs uncached: `me` and `sessions` (sessions change without an event),
 * `rateLimit` (the budget), `workspaceEvents` (retention deletes events without a new one), `invitation`,
 * `webhookSamplePayload`, introspection, `Workspace.apiTokens`, `.invitations` (they also expire with time),
 * `.webhooks` and `.auditEntries`, `User.auditEntries`. A field added to the schema is not cached until it is added
 * here.
 */
export const CACHEABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['workspace', 'workspaces', 'project', 'task', 'node', 'nodes'],
  Node: ['id'],
  Workspace: ['id', 'version', 'name', 'slug', 'createdAt', 'viewerRole', 'viewerCan', 'members', 'projects', 'labels'],
  WorkspacePermissions: ['assignableRoles', 'deleteWorkspace', 'manageMembers', 'updateSettings', 'writeContent'],
  QueryWorkspacesConnection: ['edges', 'nodes', 'pageInfo'],
  QueryWorkspacesConnectionEdge: ['cursor', 'node'],
  WorkspaceMembersConnection: ['edges', 'nodes', 'pageInfo', 'totalCount'],
  WorkspaceMembersConnectionEdge: ['cursor', 'node'],
  WorkspaceProjectsConnection: ['edges', 'nodes', 'pageInfo'],
  WorkspaceProjectsConnectionEdge: ['cursor', 'node'],
  Membership: ['id', 'version', 'role', 'createdAt', 'isViewer', 'viewerCanManage', 'user', 'workspace'],
  User: ['id', 'name', 'email', 'createdAt', 'memberships'],
  Project: [
    'id',
    'version',
    'name',
    'key',
    'description',
    'archivedAt',
    'createdAt',
    'lead',
    'states',
    'taskCount',
    'tasks',
    'workspace',
  ],
  ProjectTasksConnection: ['edges', 'nodes', 'pageInfo', 'totalCount'],
  ProjectTasksConnectionEdge: ['cursor', 'node'],
  WorkflowState: ['id', 'version', 'name', 'category', 'color', 'project', 'taskCount', 'tasks'],
  WorkflowStateTasksConnection: ['edges', 'nodes', 'pageInfo', 'totalCount'],
  WorkflowStateTasksConnectionEdge: ['cursor', 'node'],
  Task: [
    'id',
    'version',
    'key',
    'number',
    'title',
    'description',
    'priority',
    'dueDate',
    'position',
    'createdAt',
    'updatedAt',
    'completedAt',
    'project',
    'state',
    'assignee',
    'creator',
    'labels',
    'commentCount',
    'comments',
    'activity',
  ],
  TaskCommentsConnection: ['edges', 'nodes', 'pageInfo'],
  TaskCommentsConnectionEdge: ['cursor', 'node'],
  Comment: ['id', 'version', 'body', 'createdAt', 'editedAt', 'isViewer', 'author'],
  TaskActivityConnection: ['edges', 'nodes', 'pageInfo'],
  TaskActivityConnectionEdge: ['cursor', 'node'],
  TaskActivity: ['id', 'kind', 'field', 'from', 'to', 'createdAt', 'actor'],
  Label: ['id', 'version', 'name', 'color'],
  PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
};

/** Where a `node` or `nodes` id comes from: written in the document, or a variable (of one id, or of a list). */
type IdSource = { kind: 'literal'; value: string } | { kind: 'variable'; name: string } | { kind: 'refused' };

/** What is known of an operation before its variables: whether it may be cached, and the node ids to check. */
type Plan = { cacheable: false } | { cacheable: true; documentText: string; nodeIds: IdSource[] };

const isAllowed = (typeName: string, fieldName: string): boolean =>
  fieldName === '__typename' || (CACHEABLE_FIELDS[typeName]?.includes(fieldName) ?? false);

function idSources(value: ValueNode): IdSource[] {
  if (value.kind === Kind.STRING) return [{ kind: 'literal', value: value.value }];
  if (value.kind === Kind.VARIABLE) return [{ kind: 'variable', name: value.name.value }];
  if (value.kind === Kind.LIST) return value.values.flatMap(idSources);
  return [{ kind: 'refused' }];
}

/** Whether every field the operation selects is on the allowlist; the ids its `node` and `nodes` fields take. */
function planOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Plan {
  const operation = operationOf(document, operationName);
  if (operation?.operation !== 'query') return { cacheable: false };
  const root = schema.getQueryType();
  if (!root) return { cacheable: false };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const nodeIds: IdSource[] = [];
  const allowed = (selectionSet: SelectionSetNode, type: GraphQLNamedType, spread: ReadonlySet<string>): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        return condition !== undefined && allowed(selection.selectionSet, condition, spread);
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !condition || spread.has(fragment.name.value)) return false;
        return allowed(fragment.selectionSet, condition, new Set([...spread, fragment.name.value]));
      }
      const name = selection.name.value;
      if (!isAllowed(type.name, name)) return false;
      if (name === '__typename') return true;
      if (!isObjectType(type) && !isInterfaceType(type)) return false;
      const field = type.getFields()[name];
      if (!field) return false;
      if (type === root && (name === 'node' || name === 'nodes')) {
        const argument = selection.arguments?.find((each) => each.name.value === (name === 'node' ? 'id' : 'ids'));
        nodeIds.push(...(argument ? idSources(argument.value) : [{ kind: 'refused' as const }]));
      }
      return !selection.selectionSet || allowed(selection.selectionSet, getNamedType(field.type), spread);
    });
  if (!allowed(operation.selectionSet, root, new Set())) return { cacheable: false };
  return { cacheable: true, documentText: print(document), nodeIds };
}

/** The types a `node` or `nodes` id may name in a cached query: the allowlisted ones that are nodes. */
function cacheableNodeTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const node = schema.getType('Node');
  if (!node || !isInterfaceType(node)) return new Set();
  return new Set(
    schema
      .getImplementations(node)
      .objects.map((type) => type.name)
      .filter((name) => name in CACHEABLE_FIELDS),
  );
}

/** Whether every `node`/`nodes` id names one of `types`; an id that does not decode makes the query run uncached. */
function idsNameOnly(
  sources: readonly IdSource[],
  variables: Readonly<Record<string, unknown>>,
  types: ReadonlySet<string>,
): boolean {
  const names = (id: unknown): boolean => {
    if (typeof id !== 'string') return false;
    try {
      return types.has(decodeGlobalID(id).typename);
    } catch {
      return false;
    }
  };
  return sources.every((source) => {
    if (source.kind === 'refused') return false;
    if (source.kind === 'literal') return names(source.value);
    const value = variables[source.name];
    return Array.isArray(value) ? value.every(names) : names(value);
  });
}

/** Whom an answer is for (PT-10.3): a person whichever session asks, or one API token with its workspace and cap. */
function viewerKey(viewer: Caller): string {
  return viewer.kind === 'session'
    ? `session:${viewer.userId}`
    : `token:${viewer.tokenId}:${viewer.workspaceId}:${viewer.roleCap}`;
}

type OnExecute = NonNullable<Plugin<Context, RequestContext>['onExecute']>;
/** One answer of the executor (not a stream). */
type ExecutionAnswer = Exclude<Awaited<ReturnType<Parameters<OnExecute>[0]['executeFn']>>, AsyncIterable<unknown>>;

interface KeptAnswer {
  /** The executor's answer, before any `onExecuteDone` hook (so without `extensions.cost`). */
  result: ExecutionAnswer;
  bytes: number;
  /** Its actual cost (INT-5.1), charged when it is served (PT-10.7). */
  cost: number;
}

export interface ResponseCacheDeps {
  settings: ResponseCacheSettings;
  /** The clock the TTL runs on. */
  now: () => Date;
  /** The versions of everything the user can read, as one string (`EventLog.readVersions`). */
  readVersions: (userId: string) => Promise<string>;
}

/**
 * The cache as a Yoga plugin, to be placed before the rate-limit plugin: a hit sets `knownCost`, its answer's actual
 * cost, which that one charges instead of the requested cost, with nothing to give back (PT-10.7); it still refuses
 * an operation over the maximum or over the budget, cached or not (PT-10.4).
 */
export function responseCachePlugin({
  settings,
  now,
  readVersions,
}: ResponseCacheDeps): Plugin<Context, RequestContext> {
  if (settings.maxBytes <= 0) return {};
  const answers = new LRUCache<string, KeptAnswer>({
    maxSize: settings.maxBytes,
    sizeCalculation: (answer) => Math.max(1, answer.bytes),
    ttl: settings.ttlMs,
    // The injected clock, read at every look-up (no coarser resolution), so that tests can age answers.
    perf: { now: () => now().getTime() },
    ttlResolution: 0,
  });
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  let nodeTypes: { schema: GraphQLSchema; types: ReadonlySet<string> } | undefined;

  const planFor = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Plan => {
    let byName = plans.get(document);
    if (!byName) {
      byName = new Map();
      plans.set(document, byName);
    }
    let plan = byName.get(operationName ?? '');
    if (!plan) {
      plan = planOf(schema, document, operationName);
      byName.set(operationName ?? '', plan);
    }
    return plan;
  };
  const nodeTypesOf = (schema: GraphQLSchema): ReadonlySet<string> => {
    if (nodeTypes?.schema !== schema) nodeTypes = { schema, types: cacheableNodeTypes(schema) };
    return nodeTypes.types;
  };

  return {
    async onExecute({ args, executeFn, setExecuteFn, extendContext }) {
      const { viewer } = args.contextValue;
      if (viewer === null || viewer.kind === 'webhook') return;
      const operationName = args.operationName ?? undefined;
      const plan = planFor(args.schema, args.document, operationName);
      const variables = args.variableValues ?? {};
      if (!plan.cacheable || !idsNameOnly(plan.nodeIds, variables, nodeTypesOf(args.schema))) return;
      // Variables as the client sent them, not yet checked against their types: ones too deep to write as JSON
      // run uncached, and are refused as before.
      const variablesJson = jsonOf(variables);
      if (variablesJson === undefined) return;
      const versions = await readVersions(viewer.userId);
      const key = createHash('sha256')
        .update(JSON.stringify([plan.documentText, operationName ?? null, variablesJson, viewerKey(viewer), versions]))
        .digest('base64url');
      const kept = answers.get(key);
      if (kept) {
        extendContext({ knownCost: kept.cost });
        setExecuteFn(() => kept.result);
        return;
      }
      setExecuteFn(async (executionArgs) => {
        const result = await executeFn(executionArgs);
        // Only a whole answer: an error may be a passing failure, and a stream is not one answer (PT-10.3).
        if (!isAsyncIterable(result) && result.errors === undefined && result.data) {
          const cost = actualCost(args.schema, args.document, operationName, result.data);
          answers.set(key, { result, bytes: JSON.stringify(result).length, cost });
          // Counted once: the budget gives back what this answer did not use without counting it again.
          executionArgs.contextValue.knownCost = cost;
        }
        return result;
      });
    },
  };
}
