// Yello's own fuzz suite (issue 9, AUTH-12.12). Every query and mutation of the built schema is called with values
// fast-check draws for each argument position, found by walking the schema: input objects field by field, lists,
// enums and scalars, and the arguments of the fields selected below the root. The values mix what a client may
// send (its own ids, another tenant's, ids that name nothing, its slugs and keys) with hostile ones, sent as
// variables or written in the document, by the owner of workspace W1 or anonymously, while another user's W2 holds
// data. Every answer must be below 500, every error must carry a known code and no internals, and no row of W2 may
// change.
// The runs are seeded, so CI tries the same values every time. A failure prints the counterexample with its seed
// and path: `YELLO_FUZZ_SEED=<seed> YELLO_FUZZ_PATH=<path> npx vitest run test/fuzz.int.test.ts -t <operation>`
// replays it; `YELLO_FUZZ_SEED` alone tries other values, `YELLO_FUZZ_RUNS` more of them.
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  print,
} from 'graphql';
import { schema } from '../src/graphql/schema.ts';
import { describe, expect, test } from './fixtures.ts';
import { uuid } from './global-ids.ts';
import { rootOperations } from './schema-operations.ts';
import type { GraphQLResponseBody, SignedUpUser, TestApi, TestMember, TestWorkspace } from './test-api.ts';

// ---------------------------------------------------------------------------------------------------------------
// Values, and how they are written as JSON variables and as GraphQL literals
// ---------------------------------------------------------------------------------------------------------------

/** An enum value: a bare name in a document, a string in variables. */
class EnumName {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

/** A number written as is, beyond what a double holds (`1e400`, twenty digits). */
class Numeral {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A list or object nested `depth` levels deep around `leaf`: the deepest the 100 KB body allows. */
class Nested {
  readonly shape: 'list' | 'object';
  readonly depth: number;
  constructor(shape: 'list' | 'object', depth: number) {
    this.shape = shape;
    this.depth = depth;
  }
}

type FuzzValue = null | boolean | number | string | EnumName | Numeral | Nested | FuzzValue[] | FuzzObject;
interface FuzzObject {
  [field: string]: FuzzValue | undefined;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A nested value written out: lists are written alike in JSON and GraphQL, an object opens with `objectOpening`. */
function nestedText({ shape, depth }: Nested, objectOpening: string): string {
  return shape === 'list'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${objectOpening.repeat(depth)}1${'}'.repeat(depth)}`;
}

function toJson(value: FuzzValue): string {
  if (value instanceof EnumName) return JSON.stringify(value.name);
  if (value instanceof Numeral) return value.text;
  if (value instanceof Nested) return nestedText(value, '{"a":');
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .flatMap(([key, field]) => (field === undefined ? [] : [`${JSON.stringify(key)}:${toJson(field)}`]))
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function toLiteral(value: FuzzValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return print({ kind: Kind.STRING, value });
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof EnumName) return NAME.test(value.name) ? value.name : toLiteral(value.name);
  if (value instanceof Numeral) return value.text;
  if (value instanceof Nested) return nestedText(value, '{a: ');
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  return `{${Object.entries(value)
    .flatMap(([key, field]) => (field === undefined || !NAME.test(key) ? [] : [`${key}: ${toLiteral(field)}`]))
    .join(', ')}}`;
}

/** Every string in a value: what an error message may quote back. */
function stringsIn(value: FuzzValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof EnumName) return [value.name];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object' && !(value instanceof Numeral) && !(value instanceof Nested)) {
    return Object.entries(value).flatMap(([key, field]) => [key, ...stringsIn(field)]);
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// What the fuzzer knows: the ids, slugs, keys and secrets of the caller's workspace and of the other one
// ---------------------------------------------------------------------------------------------------------------

/** One workspace with an object of every kind, as its owner sees it. */
interface Tenant {
  workspace: TestWorkspace;
  owner: SignedUpUser;
  member: TestMember;
  /** Global ids by Node type. */
  ids: Record<string, string[]>;
  projectKey: string;
  taskKey: string;
  invitationToken: string;
}

async function populate(api: TestApi, owner: SignedUpUser, name: string): Promise<Tenant> {
  const token = owner.accessToken;
  const workspace = await api.createWorkspace(owner, name);
  const member = await api.addMember(owner, workspace, 'MEMBER');
  const content = await api.createContent(owner, workspace);
  const { inviteMember } = await api.data<{ inviteMember: { url: string; invitation: { id: string } } }>(
    'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url invitation { id } } }',
    {
      token,
      variables: { input: { workspaceId: workspace.id, email: `invitee-${name}@example.com`, role: 'VIEWER' } },
    },
  );
  const { me, task } = await api.data<{
    me: { memberships: { id: string }[] };
    task: { activity: { nodes: { id: string }[] } };
  }>(
    'query($slug: String!, $key: String!) { me { memberships { id } } task(workspaceSlug: $slug, key: $key) { activity { nodes { id } } } }',
    { token, variables: { slug: workspace.slug, key: content.taskKey } },
  );
  const { sessions } = await api.data<{ sessions: { id: string }[] }>('{ sessions { id } }', {
    token: member.accessToken,
  });
  return {
    workspace,
    owner,
    member,
    projectKey: content.projectKey,
    taskKey: content.taskKey,
    invitationToken: inviteMember.url.split('/invite/')[1] ?? '',
    ids: {
      Workspace: [workspace.id],
      Membership: [...me.memberships.map(({ id }) => id), member.membershipId],
      Invitation: [inviteMember.invitation.id],
      User: [owner.id, member.id],
      Session: sessions.map(({ id }) => id),
      Project: [content.projectId],
      WorkflowState: [content.stateId],
      Task: [content.taskId],
      Label: [content.labelId],
      Comment: [content.commentId],
      TaskActivity: task.activity.nodes.map(({ id }) => id),
    },
  };
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/**
 * A digest of every row of a workspace and of its people: the workspace, its memberships, invitations, projects
 * with their key history, states, tasks with their labels, comments and activity, labels, the users and whether
 * each of their sessions is revoked.
 */
async function fingerprint(api: TestApi, tenant: Tenant): Promise<string> {
  const workspaceId = uuid(tenant.workspace.id);
  const userIds = [uuid(tenant.owner.id), uuid(tenant.member.id)];
  const rows = await api.db.prisma.$queryRawUnsafe<{ digest: string | null }[]>(
    `
    SELECT md5(concat_ws('#',
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Workspace" t WHERE t.id = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Membership" t WHERE t."workspaceId" = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Invitation" t WHERE t."workspaceId" = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Project" t WHERE t."workspaceId" = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t.key) FROM "ProjectKeyAlias" t WHERE t."workspaceId" = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "WorkflowState" t
        WHERE t."projectId" IN (SELECT id FROM "Project" WHERE "workspaceId" = $1::uuid)),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Task" t WHERE t."workspaceId" = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t."A", t."B") FROM "_LabelToTask" t
        WHERE t."B" IN (SELECT id FROM "Task" WHERE "workspaceId" = $1::uuid)),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Label" t WHERE t."workspaceId" = $1::uuid),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Comment" t
        WHERE t."taskId" IN (SELECT id FROM "Task" WHERE "workspaceId" = $1::uuid)),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "TaskActivity" t
        WHERE t."taskId" IN (SELECT id FROM "Task" WHERE "workspaceId" = $1::uuid)),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "User" t WHERE t.id = ANY($2::uuid[])),
      (SELECT string_agg(t.id || ':' || coalesce(t."revokedAt"::text, ''), '|' ORDER BY t.id) FROM "Session" t
        WHERE t."userId" = ANY($2::uuid[]))
    )) AS digest`,
    workspaceId,
    userIds,
  );
  return rows[0]?.digest ?? '';
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries, by type and by the name of the argument or input field
// ---------------------------------------------------------------------------------------------------------------

const hostileStrings: string[] = [
  '',
  ' ',
  '\t\n\r ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m\u007f\u0085',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202eevil\u202c',
  'a\u200bb\u200d',
  '\ufeff',
  '\u2028\u2029',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  'İıſK',
  "' OR '1'='1",
  `'; DROP TABLE "Task"; --`,
  "' UNION SELECT NULL, version() --",
  '\\',
  "\\'",
  '%',
  '_',
  '%_%',
  'a%b_c\\',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}#{7*7}<%= 7*7 %>',
  `\${7*7}`,
  '../../../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x7fffffff',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  ' padded ',
  'A'.repeat(256),
  'x'.repeat(10_001),
  'é'.repeat(3_000),
  '😀'.repeat(2_000),
];

const lowCharacters = fc.constantFrom('\u0000', '\ud800', '\udc00', '%', '_', "'", '"', '\\', '\u202e', '\u200b', 'a');

/** Strings of every kind: hostile ones, random Unicode and ASCII with control characters, odd mixtures. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: lowCharacters, maxLength: 20 }) },
);

/** Values of the wrong type for any position. */
const wrongType: fc.Arbitrary<FuzzValue> = fc.constantFrom<FuzzValue>(
  0,
  -1,
  1.5,
  true,
  false,
  'x',
  [],
  {},
  [null],
  { a: 1 },
  new Numeral('1e400'),
);

/** Nesting as deep as the body limit allows. */
const deeplyNested: fc.Arbitrary<FuzzValue> = fc.constantFrom<FuzzValue>(
  new Nested('list', 64),
  new Nested('list', 2_000),
  new Nested('list', 40_000),
  new Nested('object', 64),
  new Nested('object', 15_000),
);

const integer: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1, 100, 101, 2_147_483_647, -2_147_483_648) },
  { weight: 1, arbitrary: fc.constantFrom(2_147_483_648, -2_147_483_649, 2 ** 53, 1e21, 0.5, -0) },
  { weight: 1, arbitrary: fc.constantFrom(new Numeral('99999999999999999999999'), new Numeral('-1e400')) },
  { weight: 1, arbitrary: fc.constantFrom<FuzzValue>('1', 'NaN', 'Infinity', null) },
);

/** Integers GraphQL's Int accepts, mostly small (page sizes). */
const int32: fc.Arbitrary<FuzzValue> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 1, arbitrary: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }) },
);

const dateTimes = [
  '2026-01-01T00:00:00Z',
  '2026-06-30T23:59:59.999+14:00',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '9999-12-31T23:59:59.999Z',
  '2026-01-01',
  'now',
];
const dates = [
  '2026-01-01',
  '2024-02-29',
  '0001-01-01',
  '9999-12-31',
  '2023-02-29',
  '0000-01-01',
  '10000-01-01',
  '-0001-01-01',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  ' 2026-01-01',
];

/** Node type names: those of the schema, and some that are not (a model without a Node type, the interface). */
const node = schema.getType('Node');
const nodeTypeNames = [
  ...(isInterfaceType(node) ? schema.getPossibleTypes(node).map((type) => type.name) : []),
  'RefreshToken',
  'RateLimit',
  'Node',
  '__proto__',
  '',
];

/** The Node type an id argument most likely names, from its name and where it sits (`UpdateTaskInput.id`). */
const idHints: [RegExp, string][] = [
  [/workflowstate|^state|movetaskstostate/i, 'WorkflowState'],
  [/membership/i, 'Membership'],
  [/invitation/i, 'Invitation'],
  [/comment/i, 'Comment'],
  [/label/i, 'Label'],
  [/task/i, 'Task'],
  [/project/i, 'Project'],
  [/workspace/i, 'Workspace'],
  [/session/i, 'Session'],
  [/assignee|lead|user|profile/i, 'User'],
];

function hintedType(...names: string[]): string | undefined {
  for (const name of names) {
    for (const [pattern, type] of idHints) if (pattern.test(name)) return type;
  }
  return undefined;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

interface Pools {
  own: Tenant;
  foreign: Tenant;
  caller: SignedUpUser;
  /** Cursors of every shape, and those that decode to an id. */
  cursors: string[];
  idCursors: string[];
  /**
   * Values of the right type only, mostly the caller's own ids and valid strings, hostile in content but not in
   * shape: such a request passes GraphQL's checks and reaches the services and the database.
   */
  wellTyped: boolean;
}

interface Choice {
  weight: number;
  arbitrary: fc.Arbitrary<FuzzValue>;
  /** Refused by GraphQL itself (wrong type, null, unknown enum value): left out of well-typed runs. */
  illTyped?: boolean;
}

/** One of the choices, by weight; the ill-typed ones only in hostile runs. */
function mix(pools: Pools, ...choices: Choice[]): fc.Arbitrary<FuzzValue> {
  return fc.oneof(
    ...choices
      .filter((choice) => !(pools.wellTyped && choice.illTyped))
      .map(({ weight, arbitrary }) => ({ weight, arbitrary })),
  );
}

function idArbitrary(pools: Pools, names: string[]): fc.Arbitrary<FuzzValue> {
  const type = hintedType(...names);
  const all = (tenant: Tenant) => Object.values(tenant.ids).flat();
  const ofType = (tenant: Tenant) => (type && tenant.ids[type]?.length ? (tenant.ids[type] ?? []) : all(tenant));
  const malformed = [
    'garbage',
    '!!!',
    globalId('Task', '1'),
    globalId('Task', ''),
    globalId('Task', `${crypto.randomUUID()} `),
    globalId('Task', crypto.randomUUID().toUpperCase()),
    globalId('Task', `{${crypto.randomUUID()}}`),
    globalId('Task', crypto.randomUUID().replaceAll('-', '')),
    globalId('Task', '00000000-0000-0000-0000-000000000000'),
    globalId('Task', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
    globalId('Task:Task', crypto.randomUUID()),
    `Task:${crypto.randomUUID()}`,
    crypto.randomUUID(),
    base64('Task'),
    base64(':'),
    'VGFzazo',
    'A'.repeat(4_000),
  ];
  const hostile = pools.wellTyped ? 0 : 1;
  return fc.oneof(
    { weight: 6 + 14 * (1 - hostile), arbitrary: fc.constantFrom(...ofType(pools.own)) },
    { weight: 3, arbitrary: fc.constantFrom(...ofType(pools.foreign)) },
    { weight: 1, arbitrary: fc.constantFrom(...all(pools.own), ...all(pools.foreign)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...nodeTypeNames), fc.uuid()).map(([t, id]) => globalId(t, id)) },
    { weight: 2, arbitrary: fc.constantFrom(...malformed) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...nodeTypeNames), hostileString).map(([t, id]) => globalId(t, id)),
    },
    { weight: hostile, arbitrary: hostileString },
    { weight: hostile, arbitrary: integer },
  );
}

/** Strings a valid request would carry in a position of this name: slugs, keys, tokens, emails, passwords, cursors. */
function validStrings(pools: Pools, name: string): string[] {
  const { own, foreign, caller } = pools;
  if (/slug/i.test(name)) {
    return [own.workspace.slug, foreign.workspace.slug, own.workspace.slug.toUpperCase(), ` ${own.workspace.slug} `];
  }
  if (/^key$/.test(name)) {
    return [
      own.projectKey,
      own.taskKey,
      foreign.projectKey,
      foreign.taskKey,
      own.projectKey.toLowerCase(),
      `${own.projectKey}-0`,
      `${own.projectKey}--1`,
      `${own.projectKey}-2147483648`,
      `${own.projectKey}-99999999999999999999`,
      `${own.projectKey}-1e3`,
      `${own.projectKey}-01`,
      `${own.projectKey}-1.5`,
      `${own.projectKey}-`,
      '-1',
    ];
  }
  if (/token/i.test(name)) return [own.invitationToken, `${own.invitationToken}x`, own.invitationToken.slice(1)];
  if (/email/i.test(name)) return [caller.email, foreign.owner.email, caller.email.toUpperCase(), 'new@example.com'];
  if (/password/i.test(name))
    return [caller.password, 'short', 'x'.repeat(73), 'é'.repeat(37), 'correct-horse-staple-93'];
  if (/color/i.test(name)) return ['#3B82F6', '#fff', '#3B82F6FF', '#GGGGGG', 'red'];
  if (/^(after|before)$/.test(name)) return pools.cursors;
  if (/search/i.test(name)) return ['First', 'first task', '%', '_', '\\', '%%', "'", 'First%'];
  return ['Fuzzed', 'First task', '**bold** [link](javascript:alert(1))'];
}

function stringArbitrary(pools: Pools, name: string): fc.Arbitrary<FuzzValue> {
  // A bad cursor refuses the whole request before execution: well-typed runs page with good ones.
  if (pools.wellTyped && /^(after|before)$/.test(name)) return fc.constantFrom(...pools.idCursors);
  const valid = validStrings(pools, name);
  return mix(
    pools,
    { weight: pools.wellTyped ? 12 : 6, arbitrary: fc.constantFrom(...valid) },
    { weight: 4, arbitrary: hostileString },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...valid), hostileString).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: wrongType, illTyped: true },
  );
}

function scalarArbitrary(type: GraphQLNamedType, pools: Pools, names: string[]): fc.Arbitrary<FuzzValue> {
  const name = names[0] ?? '';
  switch (type.name) {
    case 'ID':
      return idArbitrary(pools, names);
    case 'Int':
      return pools.wellTyped ? int32 : integer;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), integer);
    case 'Boolean':
      return mix(pools, { weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType, illTyped: true });
    case 'DateTime':
      return fc.oneof(
        { weight: pools.wellTyped ? 12 : 4, arbitrary: fc.constantFrom(...dateTimes) },
        { weight: 1, arbitrary: fc.constantFrom<FuzzValue>(1_700_000_000_000, 1e20, -1) },
        { weight: 1, arbitrary: hostileString },
      );
    case 'Date':
      return fc.oneof(
        { weight: pools.wellTyped ? 8 : 4, arbitrary: fc.constantFrom(...dates.slice(0, 4)) },
        { weight: 4, arbitrary: fc.constantFrom(...dates) },
        { weight: 1, arbitrary: fc.constantFrom<FuzzValue>(20260101, 1e20, -1) },
        { weight: 1, arbitrary: hostileString },
      );
    default:
      return stringArbitrary(pools, name);
  }
}

/** A value for a position of this type; `names` are the position's name and its parents', innermost first. */
function valueArbitrary(type: GraphQLInputType, pools: Pools, names: string[], depth: number): fc.Arbitrary<FuzzValue> {
  if (isNonNullType(type)) {
    return mix(
      pools,
      { weight: 20, arbitrary: valueArbitrary(type.ofType, pools, names, depth) },
      { weight: 1, arbitrary: fc.constant(null), illTyped: true },
    );
  }
  return fc.oneof(
    { weight: 20, arbitrary: nullableValueArbitrary(type, pools, names, depth) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function nullableValueArbitrary(
  type: GraphQLInputType,
  pools: Pools,
  names: string[],
  depth: number,
): fc.Arbitrary<FuzzValue> {
  if (isNonNullType(type)) return valueArbitrary(type, pools, names, depth);
  if (isListType(type)) {
    const item = valueArbitrary(type.ofType, pools, names, depth + 1);
    return mix(
      pools,
      { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
      // A single value, which GraphQL reads as a list of one.
      { weight: 2, arbitrary: item },
      { weight: 1, arbitrary: fc.array(item, { minLength: 90, maxLength: 130 }) },
      { weight: 1, arbitrary: deeplyNested, illTyped: true },
      { weight: 1, arbitrary: wrongType, illTyped: true },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record = fc
      .tuple(...fields.map((field) => inputFieldArbitrary(field, pools, [field.name, ...names, type.name], depth + 1)))
      .map((values): FuzzObject => Object.fromEntries(fields.map((field, index) => [field.name, values[index]])));
    const extraKey = fc.constantFrom('__proto__', 'constructor', 'unknownField', 'id', 'workspaceId');
    return mix(
      pools,
      { weight: 12, arbitrary: record },
      {
        weight: 1,
        arbitrary: fc
          .tuple(record, extraKey, fc.oneof(hostileString, wrongType))
          .map(([object, key, value]): FuzzObject => ({ ...object, ...Object.fromEntries([[key, value]]) })),
        illTyped: true,
      },
      { weight: 1, arbitrary: deeplyNested, illTyped: true },
      { weight: 1, arbitrary: wrongType, illTyped: true },
    );
  }
  if (isEnumType(type)) {
    return mix(
      pools,
      { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((value) => new EnumName(value.name))) },
      // A string: what variables carry, and what a document may not.
      { weight: 1, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)), illTyped: true },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('admin', 'SUPERUSER', 'OWNER ', 'null', 'true', '__typename')
          .map((name) => new EnumName(name)),
        illTyped: true,
      },
      { weight: 1, arbitrary: hostileString, illTyped: true },
      { weight: 1, arbitrary: wrongType, illTyped: true },
    );
  }
  return scalarArbitrary(type, pools, names);
}

/** A required field is almost always there, an optional one often left out; `undefined` leaves it out. */
function presence<T>(required: boolean, value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: required ? 20 : 1, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) });
}

function inputFieldArbitrary(
  field: GraphQLInputField,
  pools: Pools,
  names: string[],
  depth: number,
): fc.Arbitrary<FuzzValue | undefined> {
  const required = isNonNullType(field.type) && field.defaultValue === undefined;
  return presence(required, valueArbitrary(field.type, pools, names, depth));
}

// ---------------------------------------------------------------------------------------------------------------
// Calls: a field with its arguments and the fields selected below it
// ---------------------------------------------------------------------------------------------------------------

interface Call {
  field: GraphQLField<unknown, unknown>;
  args: { argument: GraphQLArgument; value: FuzzValue | undefined }[];
  children: Call[];
}

/** How deep below the root the fuzzer selects fields (and fills their arguments). */
const MAX_SELECTION_DEPTH = 3;

function callArbitrary(field: GraphQLField<unknown, unknown>, pools: Pools, depth: number): fc.Arbitrary<Call> {
  const args = fc.tuple(
    ...field.args.map((argument) => {
      const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
      return presence(required, valueArbitrary(argument.type, pools, [argument.name, field.name], 0)).map((value) => ({
        argument,
        value,
      }));
    }),
  );
  const type = getNamedType(field.type);
  const childFields =
    depth < MAX_SELECTION_DEPTH && (isObjectType(type) || isInterfaceType(type))
      ? Object.values(type.getFields()).filter((child) => isCompositeType(getNamedType(child.type)))
      : [];
  const children = fc.tuple(
    ...childFields.map((child) =>
      fc.oneof(
        { weight: 3 + depth * 2, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: callArbitrary(child, pools, depth + 1) },
      ),
    ),
  );
  return fc.tuple(args, children).map(([values, selected]) => ({
    field,
    args: values,
    children: selected.filter((child) => child !== undefined),
  }));
}

/** One request as the fuzzer sends it; printed as its document and variables when a run fails. */
class FuzzRequest {
  readonly document: string;
  readonly variablesJson: string;
  readonly anonymous: boolean;
  readonly ip: string;
  /** The strings sent, which an error may quote back. */
  readonly sent: string[];
  constructor(document: string, variablesJson: string, anonymous: boolean, ip: string, sent: string[]) {
    this.document = document;
    this.variablesJson = variablesJson;
    this.anonymous = anonymous;
    this.ip = ip;
    this.sent = sent;
  }
  [fc.toStringMethod](): string {
    const variables = this.variablesJson.length > 2_000 ? `${this.variablesJson.slice(0, 2_000)}…` : this.variablesJson;
    return `${this.anonymous ? 'anonymous' : 'signed in'}: ${this.document} variables: ${variables}`;
  }
}

function render(kind: 'query' | 'mutation', root: Call, literal: boolean, anonymous: boolean, ip: string): FuzzRequest {
  const declarations: string[] = [];
  const variables: string[] = [];
  const sent: string[] = [];
  function renderCall(call: Call): string {
    const args = call.args.flatMap(({ argument, value }) => {
      if (value === undefined) return [];
      sent.push(...stringsIn(value));
      if (literal) return [`${argument.name}: ${toLiteral(value)}`];
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${String(argument.type)}`);
      variables.push(`${JSON.stringify(name)}:${toJson(value)}`);
      return [`${argument.name}: $${name}`];
    });
    const type = getNamedType(call.field.type);
    const leaves =
      isObjectType(type) || isInterfaceType(type)
        ? Object.values(type.getFields())
            .filter((field) => isLeafType(getNamedType(field.type)) && field.args.length === 0)
            .map((field) => field.name)
        : [];
    const selection = isLeafType(type)
      ? ''
      : ` { __typename ${[...leaves, ...call.children.map(renderCall)].join(' ')} }`;
    return `${call.field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${selection}`;
  }
  const body = renderCall(root);
  const header = declarations.length > 0 ? `${kind} Fuzz(${declarations.join(', ')})` : `${kind} Fuzz`;
  return new FuzzRequest(`${header} { ${body} }`, `{${variables.join(',')}}`, anonymous, ip, sent);
}

// ---------------------------------------------------------------------------------------------------------------
// What every answer must be
// ---------------------------------------------------------------------------------------------------------------

/** The codes a client may meet (AUTH-11.1, AUTH-12.1, AUTH-12.6, AUTH-12.10, and Yoga's for documents it refuses). */
const knownCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
]);

const knownExtensions = new Set(['code', 'fieldErrors', 'retryAfter']);

/** Signs of the server's inside: stack frames, file paths, the ORM, SQL and the database's own messages. */
const internals: [string, RegExp][] = [
  ['a stack frame', /\bat .*:\d+:\d+|\n\s+at /],
  ['a file path', /node_modules|file:\/\/|\/(?:work|src|home|usr|tmp)\/|\.(?:ts|js|mjs|cjs):\d+/],
  ['the ORM', /prisma|Invalid `/i],
  ['SQL', /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|RETURNING|ON CONFLICT)\b/],
  [
    'a database message',
    /violates .*constraint|syntax error at or near|invalid input syntax|duplicate key|relation "|column "|out of range for type|value too long/i,
  ],
  ['a database code', /SQLSTATE|\bP\d{4}\b|\bERROR: /],
];

/** A message without the strings the request sent, which an error may quote ("found \"' OR 1=1\""). */
function withoutEcho(text: string, sent: string[]): string {
  let rest = text;
  const forms = sent
    .filter((value) => value.length >= 3)
    .flatMap((value) => [value, JSON.stringify(value).slice(1, -1), print({ kind: Kind.STRING, value }).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  for (const form of forms) rest = rest.replaceAll(form, '');
  return rest;
}

/** Everything wrong with one answer; empty when it is fine. */
function flaws(status: number, body: GraphQLResponseBody<unknown>, sent: string[]): string[] {
  const found: string[] = [];
  if (status >= 500) found.push(`status ${status}`);
  if (body.errors === undefined && body.data === undefined) found.push('neither data nor errors');
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !knownCodes.has(code)) found.push(`code ${String(code)}: ${error.message}`);
    const extra = Object.keys(error.extensions ?? {}).filter((key) => !knownExtensions.has(key));
    if (extra.length > 0) found.push(`extensions ${extra.join(', ')}: ${error.message}`);
    const fieldErrors = (error.extensions?.fieldErrors ?? []).map(({ message }) => message);
    for (const text of [error.message, ...fieldErrors]) {
      const rest = withoutEcho(text, sent);
      for (const [what, pattern] of internals) if (pattern.test(rest)) found.push(`${what} in "${text.slice(0, 300)}"`);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------------------------

const runs = Number(process.env.YELLO_FUZZ_RUNS) || 30;
const fixedSeed = process.env.YELLO_FUZZ_SEED ? Number(process.env.YELLO_FUZZ_SEED) : undefined;
const replayPath = process.env.YELLO_FUZZ_PATH || undefined;

/** A seed of its own for each operation, so adding one does not change the values the others get. */
function seedOf(name: string): number {
  let hash = 0x9e3779b9;
  for (const character of name) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193);
  return hash | 0;
}

const fuzzTest = test.extend('foreign', { scope: 'file' }, async ({ api }) => {
  // Not the default password: the fuzzer sends that one, and must not sign in as W2's people.
  const password = `${crypto.randomUUID()}-Aa1`;
  const owner = await api.signUp({ password });
  return populate(api, owner, 'Foreign');
});

describe('fuzzing every operation', () => {
  fuzzTest.for(rootOperations(schema).map(({ kind, field }) => [field.name, kind, field] as const))(
    'AUTH-12.12 %s answers any value in any argument without a 5xx, an uncoded error, internals or a change to another tenant',
    { timeout: 120_000 },
    async ([name, kind, field], { api, foreign }) => {
      const caller = await api.signUp();
      const own = await populate(api, caller, 'Own');
      const { workspaces } = await api.data<{ workspaces: { edges: { cursor: string }[] } }>(
        '{ workspaces { edges { cursor } } }',
        { token: caller.accessToken },
      );
      const idCursors = [
        ...workspaces.edges.map(({ cursor }) => cursor),
        base64(`GPC:S:${crypto.randomUUID()}`),
        base64(`GPC:S:${uuid(foreign.ids.Project?.[0] ?? '')}`),
      ];
      const cursors = [
        ...idCursors,
        ...['S:not-a-uuid', `S:${crypto.randomUUID()}`, 'S:', 'N:1', 'N:NaN', 'I:1', 'I:x', 'D:x', 'D:1e99', 'B:AA']
          .concat(['M:1.5', 'O:{"a":1}', 'O:[', 'O:null', 'Z:', 'T:[]', 'T:x', 'X:1', ''])
          .map((chunk) => base64(`GPC:${chunk}`)),
        base64('OffsetConnection:-1'),
        base64('OffsetConnection:1e10'),
        'garbage',
      ];
      const pools: Pools = { own, foreign, caller, cursors, idCursors, wellTyped: false };
      const before = await fingerprint(api, foreign);

      const requests = fc
        .record({
          call: fc.oneof(callArbitrary(field, { ...pools, wellTyped: true }, 0), callArbitrary(field, pools, 0)),
          literal: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
          anonymous: fc.oneof(
            { weight: 5, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
          ip: fc.ipV4(),
        })
        .map(({ call, literal, anonymous, ip }) => render(kind, call, literal, anonymous, ip));

      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          const result = await api.operation(request.document, {
            variablesJson: request.variablesJson,
            token: request.anonymous ? undefined : caller.accessToken,
            ip: request.ip,
          });
          expect(flaws(result.status, result.body, request.sent)).toEqual([]);
          if (kind === 'mutation') expect(await fingerprint(api, foreign)).toBe(before);
        }),
        { numRuns: runs, seed: fixedSeed ?? seedOf(name), path: replayPath },
      );
      expect(await fingerprint(api, foreign)).toBe(before);
    },
  );
});
