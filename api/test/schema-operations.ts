// Finding operations in the built schema: every root field, and those that take an id or a slug, as an argument or
// inside an input object. The tenant-isolation suite (WS-5.7), the scope declarations test (WS-5.1) and the fuzz suite
// (AUTH-12.12) share it.
import { type GraphQLField, type GraphQLInputType, type GraphQLSchema, getNamedType, isInputObjectType } from 'graphql';

/** Whether an argument or input field of this type and name carries an ID or a slug, at any depth. */
export function takesIdOrSlug(type: GraphQLInputType, name: string, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID' || (/slug$/i.test(name) && named.name === 'String')) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => takesIdOrSlug(field.type, field.name, seen));
}

export interface RootOperation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every query and mutation of the schema. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const roots = [
    { kind: 'query', type: schema.getQueryType() },
    { kind: 'mutation', type: schema.getMutationType() },
  ] as const;
  return roots.flatMap(({ kind, type }) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field })));
}

/** Every query and mutation that takes an id or a slug. */
export function operationsTakingIdOrSlug(schema: GraphQLSchema): RootOperation[] {
  return rootOperations(schema).filter(({ field }) => field.args.some((arg) => takesIdOrSlug(arg.type, arg.name)));
}
