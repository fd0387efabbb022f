// The public GraphQL contract: the accounts API the design promises, and schema.graphql as printed from the code.
import { readFile } from 'node:fs/promises';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';
import { checkedInSchema, printedSchema } from '../src/graphql/schema-file.ts';

const DESIGN = new URL('../../.kiro/specs/user-authentication/design.md', import.meta.url);

/** The schema written in the design's "GraphQL contract" section. */
async function designedSchema(): Promise<GraphQLSchema> {
  const design = await readFile(DESIGN, 'utf8');
  const block = /## GraphQL contract\s+```graphql\n([\s\S]*?)```/.exec(design)?.[1];
  if (block === undefined) throw new Error('The design has no ```graphql block under "## GraphQL contract".');
  return buildSchema(block);
}

/** A field's signature as written in SDL: `name(arg: Type, …): Type`. */
function signature(field: GraphQLField<unknown, unknown> | GraphQLInputField): string {
  const args = 'args' in field ? field.args.map((arg) => `${arg.name}: ${arg.type}`) : [];
  return `${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}: ${field.type}`;
}

/** The SDL keyword that declares the type. */
function kindOf(type: GraphQLNamedType): string {
  if (isScalarType(type)) return 'scalar';
  if (isObjectType(type)) return 'type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  return 'input';
}

/** A type's shape: its kind, the interfaces it implements and its fields' signatures, by field name. */
function shape(type: GraphQLNamedType | undefined) {
  if (type === undefined) return undefined;
  const fields = isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? type.getFields() : {};
  return {
    kind: kindOf(type),
    interfaces: isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().map((i) => i.name) : [],
    fields: Object.fromEntries(Object.values(fields).map((field) => [field.name, signature(field)])),
  };
}

const designedTypes = (designed: GraphQLSchema) =>
  Object.values(designed.getTypeMap()).filter((type) => !type.name.startsWith('__'));

describe('accounts contract', () => {
  it('AUTH-10.1 the nine account operations exist under the names the requirement gives', () => {
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(expect.arrayContaining(['me', 'sessions']));
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toEqual(
      expect.arrayContaining([
        'register',
        'login',
        'refreshSession',
        'logout',
        'updateProfile',
        'changePassword',
        'revokeSession',
      ]),
    );
  });

  it('AUTH-10.1 every type, operation and field of the design exists in the schema with the design’s signature', async () => {
    const designed = await designedSchema();
    const mismatches: string[] = [];
    for (const type of designedTypes(designed)) {
      const want = shape(type);
      const have = shape(schema.getType(type.name));
      if (want === undefined) continue;
      if (have === undefined) {
        mismatches.push(`${type.name} is missing`);
        continue;
      }
      if (have.kind !== want.kind) mismatches.push(`${type.name} is a ${have.kind}, the design says ${want.kind}`);
      for (const name of want.interfaces) {
        if (!have.interfaces.includes(name)) mismatches.push(`${type.name} does not implement ${name}`);
      }
      for (const [name, wanted] of Object.entries(want.fields)) {
        if (have.fields[name] !== wanted) {
          mismatches.push(`${type.name}.${name}: ${have.fields[name] ?? 'missing'}, the design says ${wanted}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('AUTH-10.1 AuthPayload is exactly { accessToken: String!, expiresAt: DateTime!, user: User! }', () => {
    expect(shape(schema.getType('AuthPayload'))?.fields).toEqual({
      accessToken: 'accessToken: String!',
      expiresAt: 'expiresAt: DateTime!',
      user: 'user: User!',
    });
  });

  it('AUTH-10.1 the accounts inputs hold exactly the design’s fields', async () => {
    const designed = await designedSchema();
    const inputs = designedTypes(designed).filter(isInputObjectType);
    expect(inputs.map((input) => input.name).sort()).toEqual([
      'ChangePasswordInput',
      'LoginInput',
      'RegisterInput',
      'UpdateProfileInput',
    ]);
    for (const input of inputs) expect(shape(schema.getType(input.name))).toEqual(shape(input));
  });
});

describe('schema.graphql', () => {
  it('AUTH-10.5 the checked-in file is the schema printed from the code', async () => {
    expect(await checkedInSchema()).toBe(printedSchema());
  });
});
