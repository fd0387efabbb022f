// Authorization is declared once, in scope-auth (workspaces 5.1): read from the built schema, where Pothos keeps
// the options each type and field was declared with in `extensions.pothosOptions`. Which types hold tenant data is
// derived from the Prisma schema, so a new tenant-owned model is checked without editing this file.
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  getNamedType,
  isAbstractType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { describe, expect, test } from 'vitest';
import { getDatamodel } from '../src/generated/pothos-prisma-types.ts';
import { builder } from '../src/graphql/builder.ts';
import { schema } from '../src/graphql/schema.ts';
import { declaredScopes, isRecord, isScopeFunction, scopesAskedFor } from './declared-scopes.ts';
import { operationsTakingIdOrSlug } from './schema-operations.ts';

/** The scopes that take a workspace: membership, or a least role in it. */
const WORKSPACE_SCOPES = ['member', 'role'];

/** Prisma models whose rows belong to a workspace: Workspace, and every model with a required reference to one. */
function tenantModels(): Set<string> {
  const models = Object.entries(getDatamodel().datamodel.models);
  const tenant = new Set(['Workspace']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, model] of models) {
      if (tenant.has(name)) continue;
      const owned = model.fields.some(
        (field) =>
          field.kind === 'object' &&
          field.isRequired &&
          !field.isList &&
          (field.relationFromFields?.length ?? 0) > 0 &&
          tenant.has(field.type),
      );
      if (owned) {
        tenant.add(name);
        grew = true;
      }
    }
  }
  return tenant;
}

/** The GraphQL object types backed by a tenant-owned model. */
function tenantTypes() {
  const models = tenantModels();
  return Object.values(schema.getTypeMap()).filter(
    (type) =>
      isObjectType(type) &&
      typeof type.extensions.pothosPrismaModel === 'string' &&
      models.has(type.extensions.pothosPrismaModel),
  );
}

/** The object types a field may return (every implementation of an interface such as Node). */
function returnedObjectTypes(field: GraphQLField<unknown, unknown>): GraphQLNamedType[] {
  const named = getNamedType(field.type);
  if (isAbstractType(named)) return [...schema.getPossibleTypes(named)];
  if (!isObjectType(named)) return [];
  // A Relay connection holds only its page: the objects it returns are its edges' nodes.
  const edges = named.name.endsWith('Connection') ? named.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? returnedObjectTypes(node) : [named];
}

/** The types the ids of an argument or input field name (`t.globalID({ for })`); 'any' for an id of any type. */
function idTargets(type: GraphQLInputType, extensions: Readonly<Record<string, unknown>>, seen: Set<string>): string[] {
  const named = getNamedType(type);
  if (named.name === 'ID') {
    const targets = extensions.relayGlobalIDFor;
    if (!Array.isArray(targets)) return ['any'];
    return targets.map((target: unknown) =>
      isRecord(target) && typeof target.typename === 'string' ? target.typename : 'any',
    );
  }
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  seen.add(named.name);
  return Object.values(named.getFields()).flatMap((field) => idTargets(field.type, field.extensions, seen));
}

describe('scope declarations', () => {
  test('WS-5.1 the tenant-owned types are derived from the Prisma models that belong to a workspace', () => {
    const names = tenantTypes().map((type) => type.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Workspace',
        'Membership',
        'Invitation',
        'Project',
        'WorkflowState',
        'Task',
        'Label',
        'Comment',
        'TaskActivity',
      ]),
    );
    expect(names).not.toContain('User');
    expect(names).not.toContain('Session');
  });

  test('WS-5.1 every tenant-owned object type declares scopes that take its workspace', async () => {
    const problems: string[] = [];
    for (const type of tenantTypes()) {
      const declared = declaredScopes(type.extensions);
      if (declared === undefined) {
        problems.push(`${type.name} declares no authScopes`);
        continue;
      }
      const asked = await scopesAskedFor(declared);
      if (!asked.some((scope) => WORKSPACE_SCOPES.includes(scope))) {
        problems.push(`${type.name} asks only for [${asked.join(', ')}], no scope that takes its workspace`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('WS-5.1 type scopes are checked wherever an object is returned: root fields, nested fields, node(id)', () => {
    expect(builder.options.scopeAuth?.runScopesOnType).toBe(true);
  });

  test('WS-5.1 every query and mutation taking an id or a slug declares scopes', () => {
    const operations = operationsTakingIdOrSlug(schema);
    expect(operations.length).toBeGreaterThan(10);
    const unguarded = operations
      .filter(({ field }) => declaredScopes(field.extensions) === undefined)
      .map(({ kind, field }) => `${kind} ${field.name}`);
    expect(unguarded).toEqual([]);
  });

  test('WS-5.1 every object a query taking an id or a slug may return is guarded by its type’s scopes', () => {
    const unguarded = operationsTakingIdOrSlug(schema)
      .filter(({ kind }) => kind === 'query')
      .flatMap(({ field }) =>
        returnedObjectTypes(field)
          .filter((type) => declaredScopes(type.extensions) === undefined)
          .map((type) => `${field.name} → ${type.name}`),
      );
    expect(unguarded).toEqual([]);
  });

  test('WS-5.1 every mutation given the id of tenant data asks for a scope in that data’s workspace', async () => {
    const tenant = new Set(tenantTypes().map((type) => type.name));
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((field) =>
      field.args
        .flatMap((arg) => idTargets(arg.type, arg.extensions, new Set()))
        .some((target) => target === 'any' || tenant.has(target)),
    );
    expect(mutations.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const field of mutations) {
      const declared = declaredScopes(field.extensions);
      // A static map such as { loggedIn: true } cannot name the workspace of the id it is given.
      if (!isScopeFunction(declared)) {
        problems.push(`${field.name} does not derive its scopes from its arguments`);
        continue;
      }
      const asked = await scopesAskedFor(declared);
      if (!asked.some((scope) => WORKSPACE_SCOPES.includes(scope))) {
        problems.push(`${field.name} asks only for [${asked.join(', ')}]`);
      }
    }
    expect(problems).toEqual([]);
  });
});
