// API tokens (integrator-api requirement 1) through the real API: issue, authenticate, caps, expiry, revocation.
import { createHash } from 'node:crypto';
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';
import { errorCodes } from '../../../test/test-api.ts';
import { newTokenSecret } from './token-format.ts';

const DAY = 24 * 60 * 60 * 1000;

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  secret token { id name scopes prefix lastFour createdAt expiresAt lastUsedAt revokedAt } } }`;

interface Created {
  createApiToken: {
    secret: string;
    token: { id: string; name: string; scopes: string[]; prefix: string; lastFour: string; lastUsedAt: string | null };
  };
}

async function issue(
  api: TestApi,
  owner: SignedUpUser,
  workspace: TestWorkspace,
  scopes: string[] = ['READ'],
  days = 30,
) {
  const { createApiToken } = await api.data<Created>(CREATE, {
    token: owner.accessToken,
    variables: {
      input: {
        workspaceId: workspace.id,
        name: `Script ${scopes.join('+')}`,
        scopes,
        expiresAt: new Date(api.clock.now().getTime() + days * DAY).toISOString(),
      },
    },
  });
  return createApiToken;
}

const ME = '{ me { id name } }';
const WORKSPACE = 'query($slug: String!) { workspace(slug: $slug) { id name viewerRole } }';

describe('API tokens', () => {
  test('INT-1.1 the secret is returned once; afterwards only its name, scopes, prefix and last four show, and only its hash is stored', async ({
    api,
    user,
    workspace,
  }) => {
    const created = await issue(api, user, workspace, ['READ', 'WRITE']);
    expect(created.secret).toMatch(/^yel_/);
    expect(created.token).toMatchObject({
      name: 'Script READ+WRITE',
      scopes: ['READ', 'WRITE'],
      prefix: 'yel_',
      lastFour: created.secret.slice(-4),
      lastUsedAt: null,
    });
    const listed = await api.data<{ workspace: { apiTokens: { nodes: Record<string, unknown>[] } } }>(
      'query($slug: String!) { workspace(slug: $slug) { apiTokens { nodes { id name lastFour } } } }',
      { token: user.accessToken, variables: { slug: workspace.slug } },
    );
    expect(listed.workspace.apiTokens.nodes).toEqual([
      { id: created.token.id, name: 'Script READ+WRITE', lastFour: created.secret.slice(-4) },
    ]);
    const tokenType = await api.data<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "ApiToken") { fields { name } } }',
      { token: user.accessToken },
    );
    expect(tokenType.__type.fields.map((field) => field.name)).not.toContain('secret');
    const rows = await api.db.prisma.apiToken.findMany();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(created.secret);
    expect(stored).not.toContain(created.secret.slice(4, -6));
    expect(rows.map((row) => row.tokenHash)).toContain(createHash('sha256').update(created.secret).digest('hex'));
  });

  test('INT-1.2 a yel_ token that is malformed or fails its checksum is refused without a query', async ({ api }) => {
    const good = newTokenSecret();
    const tampered = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    for (const secret of ['yel_short', tampered, `${good}x`]) {
      api.db.statements.length = 0;
      const result = await api.operation(ME, { token: secret });
      expect(errorCodes(result.body)).toEqual(['UNAUTHENTICATED']);
      expect(result.body.errors?.[0]?.message).toBe('This is not a valid API token.');
      expect(api.db.statements).toEqual([]);
    }
    // Well formed, but not issued: one look-up.
    api.db.statements.length = 0;
    const unknown = await api.operation(ME, { token: good });
    expect(errorCodes(unknown.body)).toEqual(['UNAUTHENTICATED']);
    expect(api.db.statements).toHaveLength(1);
  });

  test('INT-1.3 a token needs a name, a scope and an expiry in the future at most a year ahead', async ({
    api,
    user,
    workspace,
  }) => {
    const now = api.clock.now().getTime();
    const before = await api.db.prisma.apiToken.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: ' ', scopes: ['READ'], expiresAt: new Date(now + DAY) }, 'name'],
      [{ name: 'x'.repeat(81), scopes: ['READ'], expiresAt: new Date(now + DAY) }, 'name'],
      [{ name: 'Empty', scopes: [], expiresAt: new Date(now + DAY) }, 'scopes'],
      [{ name: 'Past', scopes: ['READ'], expiresAt: new Date(now - 1000) }, 'expiresAt'],
      [{ name: 'Too far', scopes: ['READ'], expiresAt: new Date(now + 367 * DAY) }, 'expiresAt'],
    ];
    for (const [input, field] of cases) {
      const result = await api.operation(CREATE, {
        token: user.accessToken,
        variables: { input: { workspaceId: workspace.id, ...input } },
      });
      expect(errorCodes(result.body), field).toEqual(['BAD_USER_INPUT']);
      expect(result.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', field]);
    }
    expect(await api.db.prisma.apiToken.count()).toBe(before);
  });

  test('INT-1.4 a token acts as its owner in its one workspace, never above its scopes nor its owner’s current role', async ({
    api,
    user,
    workspace,
  }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const elsewhere = await api.createWorkspace(admin, 'Elsewhere');
    const { secret } = await issue(api, admin, workspace, ['READ', 'ADMIN']);
    const role = async () =>
      (
        await api.operation<{ workspace: { viewerRole: string } | null }>(WORKSPACE, {
          token: secret,
          variables: { slug: workspace.slug },
        })
      ).body;
    expect((await role()).data?.workspace?.viewerRole).toBe('ADMIN');
    const me = await api.data<{ me: { name: string } }>(ME, { token: secret });
    expect(me.me.name).toBe(admin.name);
    // Its owner's other workspace is out of its reach, as for a non-member.
    const other = await api.operation(WORKSPACE, { token: secret, variables: { slug: elsewhere.slug } });
    expect(errorCodes(other.body)).toEqual(['NOT_FOUND']);
    const listed = await api.data<{ workspaces: { nodes: { id: string }[] }; me: { memberships: { id: string }[] } }>(
      '{ workspaces { nodes { id } } me { memberships { id } } }',
      { token: secret },
    );
    expect(listed.workspaces.nodes.map((node) => node.id)).toEqual([workspace.id]);
    expect(listed.me.memberships).toEqual([{ id: admin.membershipId }]);
    // Demoted: the token shrinks at once; removed: it reaches nothing.
    await api.data('mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { id } }', {
      token: user.accessToken,
      variables: { i: { membershipId: admin.membershipId, role: 'VIEWER' } },
    });
    expect((await role()).data?.workspace?.viewerRole).toBe('VIEWER');
    await api.endMembership(user, admin, workspace, 'is removed');
    // Removed: the token is revoked with the membership, and stays so when they are invited back.
    expect((await role()).errors?.map((error) => error.message)).toEqual(['This API token was revoked.']);
    await api.join(user, workspace, admin, 'ADMIN');
    expect(errorCodes(await role())).toEqual(['UNAUTHENTICATED']);
  });

  test('INT-1.5 a token cannot reach account operations, and a READ token changes nothing', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const { secret } = await issue(api, user, workspace, ['READ']);
    const forbidden: [string, Record<string, unknown>][] = [
      ['mutation { updateProfile(input: { name: "Bot" }) { id } }', {}],
      ['mutation { changePassword(input: { currentPassword: "x", newPassword: "another-quiet-lantern-93" }) }', {}],
      ['{ sessions { id } }', {}],
      ['mutation { logout }', {}],
      [
        'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }',
        {
          i: { workspaceId: workspace.id, name: 'More', scopes: ['READ'], expiresAt: new Date(Date.now() + DAY) },
        },
      ],
      ['mutation { createWorkspace(input: { name: "Bot", slug: "bot-space" }) { id } }', {}],
      ['mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }', { id: workspace.id }],
      ['mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: content.taskId, title: 'Bot' } }],
      ['mutation($id: ID!) { deleteTask(id: $id) }', { id: content.taskId }],
      [
        'mutation($i: UpdateWorkspaceInput!) { updateWorkspace(input: $i) { id } }',
        { i: { id: workspace.id, name: 'Bot' } },
      ],
    ];
    const before = await api.db.prisma.task.findUniqueOrThrow({
      where: { id: uuid(content.taskId) },
    });
    for (const [query, variables] of forbidden) {
      const result = await api.operation(query, { token: secret, variables });
      expect(errorCodes(result.body), query).toEqual(['FORBIDDEN']);
    }
    const after = await api.db.prisma.task.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
    const listed = await api.operation(
      'query($slug: String!) { workspace(slug: $slug) { name apiTokens { nodes { id } } } }',
      {
        token: secret,
        variables: { slug: workspace.slug },
      },
    );
    expect(listed.body.data).toEqual({ workspace: { name: workspace.name, apiTokens: null } });
    expect(errorCodes(listed.body)).toEqual(['FORBIDDEN']);
  });

  test('INT-1.6 RT-5.3 a revoked or expired token is refused saying which, and its live stream ends', async ({
    api,
    user,
    workspace,
  }) => {
    const revokedToken = await issue(api, user, workspace, ['READ']);
    const stream = api.live(
      revokedToken.secret,
      'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { cursor } }',
      {
        id: workspace.id,
      },
    );
    await expect
      .poll(() => api.app.services.bus.listenerCount(`workspace:${uuid(workspace.id)}`))
      .toBeGreaterThan(0)
      .catch(() => {
        throw new Error(JSON.stringify(stream.results));
      });
    await api.data('mutation($id: ID!) { revokeApiToken(id: $id) }', {
      token: user.accessToken,
      variables: { id: revokedToken.token.id },
    });
    await stream.ended;
    const revoked = await api.operation(ME, { token: revokedToken.secret });
    expect(revoked.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['UNAUTHENTICATED', 'This API token was revoked.'],
    ]);
    const expiring = await issue(api, user, workspace, ['READ'], 1);
    api.clock.advance(DAY + 1000);
    const expired = await api.operation(ME, { token: expiring.secret });
    expect(expired.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['UNAUTHENTICATED', 'This API token has expired.'],
    ]);
  });

  test('INT-1.7 last use is recorded, at most once a minute', async ({ api, user, workspace }) => {
    const { secret, token } = await issue(api, user, workspace);
    const lastUsed = async () =>
      (await api.db.prisma.apiToken.findFirstOrThrow({ where: { lastFour: token.lastFour } })).lastUsedAt?.getTime();
    await api.data(ME, { token: secret });
    const first = await lastUsed();
    expect(first).toBe(api.clock.now().getTime());
    api.clock.advance(30_000);
    api.db.statements.length = 0;
    await api.data(ME, { token: secret });
    expect(api.db.statements.filter((sql) => sql.startsWith('UPDATE'))).toEqual([]);
    expect(await lastUsed()).toBe(first);
    api.clock.advance(31_000);
    await api.data(ME, { token: secret });
    expect(await lastUsed()).toBe(api.clock.now().getTime());
  });

  test('INT-1.8 members list and revoke their own tokens; admins see and revoke every token of the workspace', async ({
    api,
    user,
    workspace,
  }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    const other = await api.addMember(user, workspace, 'MEMBER');
    const own = await issue(api, member, workspace);
    const theirs = await issue(api, other, workspace);
    const list = async (viewer: SignedUpUser) =>
      (
        await api.data<{ workspace: { apiTokens: { nodes: { id: string; owner: { name: string } | null }[] } } }>(
          'query($slug: String!) { workspace(slug: $slug) { apiTokens { nodes { id owner { name } } } } }',
          { token: viewer.accessToken, variables: { slug: workspace.slug } },
        )
      ).workspace.apiTokens.nodes;
    expect(await list(member)).toEqual([{ id: own.token.id, owner: { name: member.name } }]);
    expect(await list(user)).toEqual([
      { id: theirs.token.id, owner: { name: other.name } },
      { id: own.token.id, owner: { name: member.name } },
    ]);
    const revoke = (viewer: SignedUpUser | string, id: string) =>
      api.operation('mutation($id: ID!) { revokeApiToken(id: $id) }', {
        token: typeof viewer === 'string' ? viewer : viewer.accessToken,
        variables: { id },
      });
    expect(errorCodes((await revoke(member, theirs.token.id)).body)).toEqual(['NOT_FOUND']);
    expect(errorCodes((await revoke(own.secret, own.token.id)).body)).toEqual(['FORBIDDEN']);
    expect((await revoke(member, own.token.id)).body.data).toEqual({ revokeApiToken: true });
    expect((await revoke(user, theirs.token.id)).body.data).toEqual({ revokeApiToken: true });
    const states = await api.db.prisma.apiToken.findMany({
      where: { lastFour: { in: [own.token.lastFour, theirs.token.lastFour] } },
      select: { revokedAt: true },
    });
    expect(states.map((state) => state.revokedAt !== null)).toEqual([true, true]);
  });
});
