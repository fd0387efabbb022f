// The audit log (HOOK-1 to HOOK-3): what each action records, with whom and from where; rollback; the append-only
// trigger; reading and filtering; retention.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, test } from '../../../test/fixtures.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';
import { errorCodes } from '../../../test/test-api.ts';
import type { AuditAction } from './audit-actions.ts';
import { systemAuditSource } from './audit-log.ts';

const uuid = (globalId: string) => decodeGlobalID(globalId).id;

let clients = 0;
/** A client of its own: an address and a user agent, sent as a browser behind the trusted proxy sends them. */
function newClient() {
  clients += 1;
  const ip = `203.0.113.${clients}`;
  const userAgent = `Yello-Audit-Test/${clients}.0`;
  return { ip, userAgent, options: { ip, headers: { 'user-agent': userAgent } } };
}
type Client = ReturnType<typeof newClient>;

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';

/** Signs `user` in from `client`; returns the access token and the id of the session it opened. */
async function signIn(api: TestApi, user: SignedUpUser, client: Client) {
  const { login } = await api.data<{ login: { accessToken: string } }>(LOGIN, {
    ...client.options,
    variables: { input: { email: user.email, password: user.password } },
  });
  return { accessToken: login.accessToken, sessionId: await sessionIdOf(api, login.accessToken) };
}

async function sessionIdOf(api: TestApi, accessToken: string): Promise<string> {
  const { sessions } = await api.data<{ sessions: { id: string; current: boolean }[] }>('{ sessions { id current } }', {
    token: accessToken,
  });
  const current = sessions.find((session) => session.current);
  if (!current) throw new Error('no current session');
  return uuid(current.id);
}

/** The entries of `actions`, oldest first, as stored. */
async function entries(api: TestApi, where: { workspaceId?: string; accountId?: string; actions?: AuditAction[] }) {
  return api.db.prisma.auditEntry.findMany({
    where: {
      workspaceId: where.workspaceId,
      accountId: where.accountId,
      ...(where.actions ? { action: { in: where.actions } } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/** The one entry of `action` in the workspace, or on the account. */
async function theEntry(api: TestApi, action: AuditAction, where: { workspaceId?: string; accountId?: string }) {
  const found = await entries(api, { ...where, actions: [action] });
  expect(found).toHaveLength(1);
  const [entry] = found;
  if (!entry) throw new Error(`no ${action} entry`);
  return entry;
}

/** What an entry says of who acted and from where, with a session. */
const bySession = (actor: { id: string }, sessionId: string, client: Client) => ({
  actorId: uuid(actor.id),
  sessionId,
  apiTokenId: null,
  ipAddress: client.ip,
  userAgent: client.userAgent,
});

/** A session of `user` from a client of its own, for operations whose entries the test reads. */
async function actingAs(api: TestApi, user: SignedUpUser) {
  const client = newClient();
  const session = await signIn(api, user, client);
  const run = <T>(query: string, variables: Record<string, unknown> = {}) =>
    api.data<T>(query, { ...client.options, token: session.accessToken, variables });
  return { client, session, run, source: bySession(user, session.sessionId, client) };
}

describe('what the audit log records', () => {
  test('HOOK-1.1 a registration and a sign-in record the account’s entry with its new session and the client', async ({
    api,
  }) => {
    const client = newClient();
    const { register } = await api.data<{ register: { accessToken: string; user: { id: string } } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
      {
        ...client.options,
        variables: { input: { email: 'audit-new@example.com', name: 'New', password: 'lantern-oyster-quiet-47' } },
      },
    );
    const person = { id: register.user.id, email: 'audit-new@example.com', password: 'lantern-oyster-quiet-47' };
    const registered = await theEntry(api, 'SIGN_IN', { accountId: uuid(person.id) });
    expect(registered).toMatchObject({
      ...bySession(person, await sessionIdOf(api, register.accessToken), client),
      workspaceId: null,
      targetType: 'ACCOUNT',
      targetId: uuid(person.id),
      targetLabel: person.email,
      details: { method: 'REGISTRATION' },
    });

    const again = newClient();
    const { login } = await api.data<{ login: { accessToken: string } }>(LOGIN, {
      ...again.options,
      variables: { input: { email: person.email, password: person.password } },
    });
    const [, signedIn] = await entries(api, { accountId: uuid(person.id), actions: ['SIGN_IN'] });
    expect(signedIn).toMatchObject({
      actorId: uuid(person.id),
      accountId: uuid(person.id),
      sessionId: await sessionIdOf(api, login.accessToken),
      ipAddress: again.ip,
      userAgent: again.userAgent,
      details: { method: 'PASSWORD' },
    });
    expect(signedIn?.createdAt).toEqual(api.clock.now());
  });

  test('HOOK-1.1 revoking a session, changing the password and signing out record account entries naming the session used', async ({
    api,
    user,
  }) => {
    const laptop = await actingAs(api, user);
    const phone = await actingAs(api, user);
    await laptop.run('mutation($id: ID!) { revokeSession(id: $id) }', {
      id: Buffer.from(`Session:${phone.session.sessionId}`).toString('base64'),
    });
    expect(await theEntry(api, 'SESSION_REVOKED', { accountId: uuid(user.id) })).toMatchObject({
      ...laptop.source,
      targetType: 'SESSION',
      targetId: phone.session.sessionId,
      targetLabel: phone.client.userAgent,
      details: { reason: 'REVOKED' },
    });

    await laptop.run('mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', {
      input: { currentPassword: user.password, newPassword: 'harbour-violet-engine-82' },
    });
    // The sign-up's session was still open; the phone's was revoked already.
    expect(await theEntry(api, 'PASSWORD_CHANGED', { accountId: uuid(user.id) })).toMatchObject({
      ...laptop.source,
      targetType: 'ACCOUNT',
      targetId: uuid(user.id),
      targetLabel: user.email,
      details: { sessionsEnded: 1 },
    });

    await laptop.run('mutation { logout }');
    expect(await theEntry(api, 'SIGN_OUT', { accountId: uuid(user.id) })).toMatchObject({
      ...laptop.source,
      targetType: 'SESSION',
      targetId: laptop.session.sessionId,
      details: {},
    });
  });

  test('HOOK-1.1 a refresh token presented twice ends its session, recorded with no actor and the client that presented it', async ({
    api,
    user,
  }) => {
    const REFRESH = 'mutation { refreshSession { accessToken } }';
    await api.operation(REFRESH, { refreshCookie: user.refreshCookie });
    api.clock.advance(60_000);
    const copy = newClient();
    expect(
      errorCodes((await api.operation(REFRESH, { ...copy.options, refreshCookie: user.refreshCookie })).body),
    ).toEqual(['UNAUTHENTICATED']);
    expect(await theEntry(api, 'SESSION_REVOKED', { accountId: uuid(user.id) })).toMatchObject({
      actorId: null,
      apiTokenId: null,
      ipAddress: copy.ip,
      userAgent: copy.userAgent,
      targetType: 'SESSION',
      details: { reason: 'REFRESH_TOKEN_REUSED' },
    });
  });

  test('HOOK-1.1 creating and revoking an API token record workspace entries naming the token', async ({
    api,
    user,
    workspace,
  }) => {
    const owner = await actingAs(api, user);
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const workspaceId = uuid(workspace.id);
    const expiresAt = new Date(api.clock.now().getTime() + 7 * 86_400_000);
    const { createApiToken } = await owner.run<{ createApiToken: { token: { id: string } } }>(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }',
      { input: { workspaceId: workspace.id, name: 'Deploy bot', scopes: ['READ', 'WRITE'], expiresAt } },
    );
    const tokenId = uuid(createApiToken.token.id);
    expect(await theEntry(api, 'API_TOKEN_CREATED', { workspaceId })).toMatchObject({
      ...owner.source,
      accountId: null,
      targetType: 'API_TOKEN',
      targetId: tokenId,
      targetLabel: 'Deploy bot',
      details: { scopes: ['READ', 'WRITE'], expiresAt: expiresAt.toISOString() },
    });

    const byAdmin = await actingAs(api, admin);
    await byAdmin.run('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: createApiToken.token.id });
    // Revoking it again changes nothing and records nothing.
    await byAdmin.run('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: createApiToken.token.id });
    expect(await theEntry(api, 'API_TOKEN_REVOKED', { workspaceId })).toMatchObject({
      ...byAdmin.source,
      targetType: 'API_TOKEN',
      targetId: tokenId,
      targetLabel: 'Deploy bot',
    });
  });

  test('HOOK-1.1 invitations made, revoked and accepted, and members joining, changing role, removed and leaving each record their entry', async ({
    api,
    user,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const owner = await actingAs(api, user);
    const INVITE = 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url invitation { id } } }';
    const dropped = await owner.run<{ inviteMember: { invitation: { id: string } } }>(INVITE, {
      input: { workspaceId: workspace.id, email: 'not-coming@example.com', role: 'VIEWER' },
    });
    await owner.run('mutation($id: ID!) { revokeInvitation(id: $id) }', { id: dropped.inviteMember.invitation.id });
    const invitee = await api.signUp();
    const invited = await owner.run<{ inviteMember: { url: string; invitation: { id: string } } }>(INVITE, {
      input: { workspaceId: workspace.id, email: invitee.email, role: 'MEMBER' },
    });
    const joining = await actingAs(api, invitee);
    const { acceptInvitation } = await joining.run<{ acceptInvitation: { id: string } }>(
      'mutation($token: String!) { acceptInvitation(token: $token) { id } }',
      { token: invited.inviteMember.url.split('/invite/')[1] },
    );
    const membershipId = uuid(acceptInvitation.id);
    await owner.run('mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }', {
      input: { membershipId: acceptInvitation.id, role: 'ADMIN' },
    });
    await joining.run('mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }', { id: workspace.id });
    const removed = await api.addMember(user, workspace, 'VIEWER');
    await owner.run('mutation($id: ID!) { removeMember(membershipId: $id) }', { id: removed.membershipId });

    const invitationOf = (id: string) => ({ targetType: 'INVITATION', targetId: uuid(id) });
    expect(await theEntry(api, 'INVITATION_REVOKED', { workspaceId })).toMatchObject({
      ...owner.source,
      ...invitationOf(dropped.inviteMember.invitation.id),
      targetLabel: 'not-coming@example.com',
      details: { role: 'VIEWER' },
    });
    const created = await entries(api, { workspaceId, actions: ['INVITATION_CREATED'] });
    expect(created.slice(0, 2)).toMatchObject([
      { ...owner.source, ...invitationOf(dropped.inviteMember.invitation.id), details: { role: 'VIEWER' } },
      {
        ...owner.source,
        ...invitationOf(invited.inviteMember.invitation.id),
        targetLabel: invitee.email,
        details: { role: 'MEMBER' },
      },
    ]);
    // The first acceptance: the removed member's came later, through the same flow.
    const [accepted] = await entries(api, { workspaceId, actions: ['INVITATION_ACCEPTED'] });
    expect(accepted).toMatchObject({
      ...joining.source,
      ...invitationOf(invited.inviteMember.invitation.id),
      details: { role: 'MEMBER' },
    });
    const [joined] = await entries(api, { workspaceId, actions: ['MEMBER_JOINED'] });
    expect(joined).toMatchObject({
      ...joining.source,
      targetType: 'MEMBERSHIP',
      targetId: membershipId,
      targetLabel: invitee.email,
      details: { role: 'MEMBER' },
    });
    expect(await theEntry(api, 'MEMBER_ROLE_CHANGED', { workspaceId })).toMatchObject({
      ...owner.source,
      targetType: 'MEMBERSHIP',
      targetId: membershipId,
      targetLabel: invitee.email,
      details: { previousRole: 'MEMBER', role: 'ADMIN' },
    });
    expect(await theEntry(api, 'MEMBER_LEFT', { workspaceId })).toMatchObject({
      ...joining.source,
      targetId: membershipId,
      details: { role: 'ADMIN', apiTokensRevoked: 0 },
    });
    expect(await theEntry(api, 'MEMBER_REMOVED', { workspaceId })).toMatchObject({
      ...owner.source,
      targetId: uuid(removed.membershipId),
      targetLabel: removed.email,
      details: { role: 'VIEWER', apiTokensRevoked: 0 },
    });
  });

  test('HOOK-1.1 the workspace’s settings, a project’s deletion and the workspace’s deletion record entries that outlive the workspace', async ({
    api,
    user,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const owner = await actingAs(api, user);
    const content = await api.createContent(user, workspace);
    await owner.run('mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id } }', {
      input: { id: workspace.id, name: 'Renamed', slug: `${workspace.slug}-x` },
    });
    // Only what changed is recorded.
    await owner.run('mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id } }', {
      input: { id: workspace.id, name: 'Renamed again' },
    });
    await owner.run('mutation($id: ID!) { deleteProject(id: $id) }', { id: content.projectId });
    await owner.run('mutation($input: DeleteWorkspaceInput!) { deleteWorkspace(input: $input) }', {
      input: { id: workspace.id, confirmSlug: `${workspace.slug}-x` },
    });

    const updates = await entries(api, { workspaceId, actions: ['WORKSPACE_UPDATED'] });
    expect(updates).toMatchObject([
      {
        ...owner.source,
        targetType: 'WORKSPACE',
        targetId: workspaceId,
        targetLabel: 'Renamed',
        details: {
          previousName: workspace.name,
          name: 'Renamed',
          previousSlug: workspace.slug,
          slug: `${workspace.slug}-x`,
        },
      },
      { targetLabel: 'Renamed again', details: { previousName: 'Renamed', name: 'Renamed again' } },
    ]);
    expect(await theEntry(api, 'PROJECT_DELETED', { workspaceId })).toMatchObject({
      ...owner.source,
      targetType: 'PROJECT',
      targetId: uuid(content.projectId),
      targetLabel: `Project ${content.projectKey}`,
      details: { key: content.projectKey },
    });
    expect(await api.db.prisma.workspace.count({ where: { id: workspaceId } })).toBe(0);
    expect(await theEntry(api, 'WORKSPACE_DELETED', { workspaceId })).toMatchObject({
      ...owner.source,
      targetType: 'WORKSPACE',
      targetId: workspaceId,
      targetLabel: 'Renamed again',
      details: { slug: `${workspace.slug}-x` },
    });
  });

  test('HOOK-1.1 a change made with an API token records the token, not a session, and its owner as the actor', async ({
    api,
    user,
    workspace,
  }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    const token = await api.createApiToken(user, workspace, ['ADMIN']);
    const client = newClient();
    await api.data('mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }', {
      ...client.options,
      token: token.secret,
      variables: { input: { membershipId: member.membershipId, role: 'VIEWER' } },
    });
    expect(await theEntry(api, 'MEMBER_ROLE_CHANGED', { workspaceId: uuid(workspace.id) })).toMatchObject({
      actorId: uuid(user.id),
      sessionId: null,
      apiTokenId: uuid(token.id),
      ipAddress: client.ip,
      userAgent: client.userAgent,
    });
  });
});

describe('failed sign-ins', () => {
  test('HOOK-1.2 an unknown email, a wrong password and a throttled attempt each record the email tried and the client, with the account when it exists, and nothing else', async ({
    api,
    user,
  }) => {
    const stranger = newClient();
    const attempt = (email: string, client: Client) =>
      api.operation(LOGIN, { ...client.options, variables: { input: { email, password: 'not-the-password-1' } } });
    const before = { sessions: await api.db.prisma.session.count(), entries: await api.db.prisma.auditEntry.count() };

    expect(errorCodes((await attempt('Nobody@Example.com', stranger)).body)).toEqual(['UNAUTHENTICATED']);
    const [unknown] = await entries(api, { actions: ['SIGN_IN_FAILED'] }).then((all) =>
      all.filter((entry) => entry.targetLabel === 'nobody@example.com'),
    );
    expect(unknown).toMatchObject({
      accountId: null,
      actorId: null,
      sessionId: null,
      apiTokenId: null,
      workspaceId: null,
      ipAddress: stranger.ip,
      userAgent: stranger.userAgent,
      targetType: 'ACCOUNT',
      targetId: null,
      details: { reason: 'UNKNOWN_EMAIL' },
    });

    // Five wrong passwords use up the account's failures; the sixth attempt is refused by the throttle.
    const guesser = newClient();
    for (let index = 0; index < 5; index += 1) {
      expect(errorCodes((await attempt(user.email, guesser)).body)).toEqual(['UNAUTHENTICATED']);
    }
    expect(errorCodes((await attempt(user.email, guesser)).body)).toEqual(['RATE_LIMITED']);
    const failures = await entries(api, { accountId: uuid(user.id), actions: ['SIGN_IN_FAILED'] });
    expect(failures.map((entry) => entry.details)).toEqual([
      ...Array.from({ length: 5 }, () => ({ reason: 'WRONG_PASSWORD' })),
      { reason: 'THROTTLED' },
    ]);
    for (const entry of failures) {
      expect(entry).toMatchObject({
        action: 'SIGN_IN_FAILED',
        accountId: uuid(user.id),
        actorId: null,
        sessionId: null,
        ipAddress: guesser.ip,
        userAgent: guesser.userAgent,
        targetId: uuid(user.id),
        targetLabel: user.email,
      });
    }
    // Nothing else: no session, and no entry but these seven.
    expect(await api.db.prisma.session.count()).toBe(before.sessions);
    expect(await api.db.prisma.auditEntry.count()).toBe(before.entries + 7);
  });
});

/** Makes statements on `table` fail for the rest of `work`, as a broken disk or a bug would. */
async function whileFailing(api: TestApi, table: 'WorkspaceEvent' | 'AuditEntry', work: () => Promise<void>) {
  const prisma = api.db.prisma;
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION "test_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
  );
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER "test_refuse" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "test_refuse"()`,
  );
  try {
    await work();
  } finally {
    await prisma.$executeRawUnsafe(`DROP TRIGGER "test_refuse" ON "${table}"`);
    await prisma.$executeRawUnsafe('DROP FUNCTION "test_refuse"()');
  }
}

describe('entries and their changes', () => {
  test('HOOK-1.3 a change that fails after its entry was written leaves no entry, and an entry that cannot be written leaves no change', async ({
    api,
    user,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const member = await api.addMember(user, workspace, 'MEMBER');
    const CHANGE = 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }';
    // The event log is appended last in the change's transaction, after the audit entry.
    await whileFailing(api, 'WorkspaceEvent', async () => {
      const failed = await api.operation(CHANGE, {
        token: user.accessToken,
        variables: { input: { membershipId: member.membershipId, role: 'ADMIN' } },
      });
      expect(errorCodes(failed.body)).toEqual(['INTERNAL_SERVER_ERROR']);
    });
    expect(await entries(api, { workspaceId, actions: ['MEMBER_ROLE_CHANGED'] })).toEqual([]);
    expect(await api.db.prisma.membership.findUnique({ where: { id: uuid(member.membershipId) } })).toMatchObject({
      role: 'MEMBER',
    });

    await whileFailing(api, 'AuditEntry', async () => {
      const failed = await api.operation(
        'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
        {
          token: user.accessToken,
          variables: {
            input: {
              workspaceId: workspace.id,
              name: 'Never',
              scopes: ['READ'],
              expiresAt: new Date(api.clock.now().getTime() + 86_400_000),
            },
          },
        },
      );
      expect(errorCodes(failed.body)).toEqual(['INTERNAL_SERVER_ERROR']);
    });
    expect(await api.db.prisma.apiToken.count({ where: { workspaceId } })).toBe(0);

    // A change refused before it is made records nothing either: the last owner cannot step down.
    const refused = await api.operation(CHANGE, {
      token: user.accessToken,
      variables: { input: { membershipId: (await ownMembership(api, user, workspace)).id, role: 'ADMIN' } },
    });
    expect(errorCodes(refused.body)).toEqual(['CONFLICT']);
    expect(await entries(api, { workspaceId, actions: ['MEMBER_ROLE_CHANGED'] })).toEqual([]);
  });
});

async function ownMembership(api: TestApi, user: SignedUpUser, workspace: TestWorkspace) {
  const { workspace: found } = await api.data<{
    workspace: { members: { nodes: { id: string; isViewer: boolean }[] } };
  }>('query($slug: String!) { workspace(slug: $slug) { members { nodes { id isViewer } } } }', {
    token: user.accessToken,
    variables: { slug: workspace.slug },
  });
  const own = found.members.nodes.find((membership) => membership.isViewer);
  if (!own) throw new Error('no own membership');
  return own;
}

/** Writes one system entry outside any change, to try the database's rules on. */
async function anEntry(api: TestApi): Promise<string> {
  await api.app.services.audit.record(api.db.prisma, {
    action: 'WEBHOOK_DISABLED',
    source: systemAuditSource,
    workspaceId: crypto.randomUUID(),
    target: { type: 'WEBHOOK', id: crypto.randomUUID(), label: 'https://hooks.example.com/yello' },
    details: { reason: 'Deliveries kept failing.' },
  });
  const entry = await api.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'WEBHOOK_DISABLED' } });
  return entry.id;
}

describe('the append-only audit log', () => {
  test('HOOK-1.4 the database refuses an update, a delete and a truncate of an entry', async ({ api }) => {
    const id = await anEntry(api);
    const prisma = api.db.prisma;
    await expect(prisma.auditEntry.update({ where: { id }, data: { ipAddress: '192.0.2.1' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEntry.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('DELETE FROM "AuditEntry"')).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.findUnique({ where: { id } })).toMatchObject({ id, ipAddress: null });
  });
});
