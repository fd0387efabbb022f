// The audit log (HOOK-1 to HOOK-3): what each action records, with whom and from where; rollback; the append-only
// trigger; reading and filtering; retention.
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';
import { defaultTestSettings, errorCodes } from '../../../test/test-api.ts';
import type { AuditAction } from './audit-actions.ts';
import { systemAuditSource } from './audit-log.ts';
import {
  AUDIT_RETENTION_LOCK as AUDIT_LOCK,
  createAuditRetention,
  type RetentionRun,
  scheduleAuditRetention,
} from './audit-retention.ts';

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
const INVITE = 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url invitation { id } } }';

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

  test('HOOK-1.5 creating a workspace records WORKSPACE_CREATED with its creator, their session and client, and its name and slug, in the creation’s transaction', async ({
    api,
    user,
  }) => {
    const creator = await actingAs(api, user);
    const CREATE = 'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }';
    const { createWorkspace } = await creator.run<{ createWorkspace: { id: string } }>(CREATE, {
      input: { name: 'Audited Co', slug: 'audited-co' },
    });
    const workspaceId = uuid(createWorkspace.id);
    expect(await theEntry(api, 'WORKSPACE_CREATED', { workspaceId })).toMatchObject({
      ...creator.source,
      workspaceId,
      accountId: null,
      targetType: 'WORKSPACE',
      targetId: workspaceId,
      targetLabel: 'Audited Co',
      details: { name: 'Audited Co', slug: 'audited-co' },
    });
    // The first entry of the workspace's log, as its owner reads it.
    const log = await readLog(api, user.accessToken, {
      id: createWorkspace.id,
      name: 'Audited Co',
      slug: 'audited-co',
    });
    expect(log.body.data?.workspace.auditEntries?.nodes.map((entry) => [entry.action, entry.actor?.id])).toEqual([
      ['WORKSPACE_CREATED', user.id],
    ]);

    // Refused (its slug is taken), or its entry not written: no workspace and no entry.
    const before = await api.db.prisma.auditEntry.count({ where: { action: 'WORKSPACE_CREATED' } });
    const taken = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { name: 'Again', slug: 'audited-co' } },
    });
    expect(errorCodes(taken.body)).toEqual(['CONFLICT']);
    await whileFailing(api, 'AuditEntry', async () => {
      const failed = await api.operation(CREATE, {
        token: user.accessToken,
        variables: { input: { name: 'Never', slug: 'never-made' } },
      });
      expect(errorCodes(failed.body)).toEqual(['INTERNAL_SERVER_ERROR']);
    });
    expect(await api.db.prisma.workspace.count({ where: { slug: 'never-made' } })).toBe(0);
    expect(await api.db.prisma.auditEntry.count({ where: { action: 'WORKSPACE_CREATED' } })).toBe(before);
  });

  test('HOOK-1.6 an invitation that replaces a pending one for the same address records the replaced one’s revocation, with why, besides the new one’s creation, in the same transaction', async ({
    api,
    user,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const owner = await actingAs(api, user);
    const invite = (role: string) =>
      owner.run<{ inviteMember: { invitation: { id: string } } }>(INVITE, {
        input: { workspaceId: workspace.id, email: 'twice@example.com', role },
      });
    const first = (await invite('MEMBER')).inviteMember.invitation.id;
    const second = (await invite('ADMIN')).inviteMember.invitation.id;

    const invitationOf = (id: string) => ({
      targetType: 'INVITATION',
      targetId: uuid(id),
      targetLabel: 'twice@example.com',
    });
    expect(await theEntry(api, 'INVITATION_REVOKED', { workspaceId })).toMatchObject({
      ...owner.source,
      ...invitationOf(first),
      details: { role: 'MEMBER', reason: 'REPLACED_BY_NEW_INVITATION' },
    });
    expect(await entries(api, { workspaceId, actions: ['INVITATION_CREATED'] })).toMatchObject([
      { ...owner.source, ...invitationOf(first), details: { role: 'MEMBER' } },
      { ...owner.source, ...invitationOf(second), details: { role: 'ADMIN' } },
    ]);
    // Newest first, the replacement reads above the revocation it caused.
    const log = await readLog(api, user.accessToken, workspace, { first: 2 });
    expect(log.body.data?.workspace.auditEntries?.nodes.map((entry) => [entry.action, entry.details])).toEqual([
      ['INVITATION_CREATED', [{ name: 'role', value: 'ADMIN' }]],
      [
        'INVITATION_REVOKED',
        [
          { name: 'reason', value: 'REPLACED_BY_NEW_INVITATION' },
          { name: 'role', value: 'MEMBER' },
        ],
      ],
    ]);

    // An admin's own revocation says no reason; a replacement whose entries cannot be written replaces nothing.
    await owner.run('mutation($id: ID!) { revokeInvitation(id: $id) }', { id: second });
    const [, revokedByAdmin] = await entries(api, { workspaceId, actions: ['INVITATION_REVOKED'] });
    expect(revokedByAdmin).toMatchObject({ ...invitationOf(second), details: { role: 'ADMIN' } });
    const third = (await invite('VIEWER')).inviteMember.invitation.id;
    await whileFailing(api, 'AuditEntry', async () => {
      const failed = await api.operation(INVITE, {
        token: user.accessToken,
        variables: { input: { workspaceId: workspace.id, email: 'twice@example.com', role: 'MEMBER' } },
      });
      expect(errorCodes(failed.body)).toEqual(['INTERNAL_SERVER_ERROR']);
    });
    expect(await api.db.prisma.invitation.findUniqueOrThrow({ where: { id: uuid(third) } })).toMatchObject({
      revokedAt: null,
    });
    expect(await api.db.prisma.invitation.count({ where: { workspaceId, email: 'twice@example.com' } })).toBe(3);
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

const WORKSPACE_LOG = `query($slug: String!, $filter: AuditEntryFilter, $first: Int, $after: String) {
  workspace(slug: $slug) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      nodes { id action createdAt actor { id name } actorName sessionId apiTokenId ipAddress userAgent
        targetType targetId targetLabel details { name value } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface LogEntry {
  id: string;
  action: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  actorName: string | null;
  sessionId: string | null;
  apiTokenId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  details: { name: string; value: string }[];
}

interface LogPage {
  workspace: {
    auditEntries: { nodes: LogEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
  };
}

/** Reads a page of the workspace's log with `token`. */
const readLog = (api: TestApi, token: string, workspace: TestWorkspace, variables: Record<string, unknown> = {}) =>
  api.operation<LogPage>(WORKSPACE_LOG, { token, variables: { slug: workspace.slug, ...variables } });

/** The actions of a page of the log, newest first. */
async function actionsRead(api: TestApi, reader: SignedUpUser, workspace: TestWorkspace, filter: object) {
  const result = await readLog(api, reader.accessToken, workspace, { filter });
  expect(result.body.errors).toBeUndefined();
  return result.body.data?.workspace.auditEntries?.nodes.map((entry) => entry.action);
}

/** A step of time shorter than an access token lives. */
const STEP = 4 * 60 * 1000;

describe('reading the workspace’s audit log', () => {
  test('HOOK-2.1 owners and admins read the workspace’s entries newest first, with who, how, from where and what', async ({
    api,
    user,
    workspace,
  }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const owner = await actingAs(api, user);
    api.clock.advance(1000);
    await owner.run('mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id } }', {
      input: { id: workspace.id, name: 'Renamed' },
    });
    const other = await api.createWorkspace(user, 'Elsewhere');
    await api.addMember(user, other, 'VIEWER');

    for (const reader of [user, admin]) {
      const result = await readLog(api, reader.accessToken, workspace);
      expect(result.body.errors).toBeUndefined();
      const nodes = result.body.data?.workspace.auditEntries?.nodes ?? [];
      // The workspace's creation, the admin's invitation, its acceptance and joining, then the rename; nothing of
      // the other workspace.
      expect(nodes.map((entry) => entry.action)).toEqual([
        'WORKSPACE_UPDATED',
        'MEMBER_JOINED',
        'INVITATION_ACCEPTED',
        'INVITATION_CREATED',
        'WORKSPACE_CREATED',
      ]);
      expect(nodes[0]).toEqual({
        id: expect.any(String),
        action: 'WORKSPACE_UPDATED',
        createdAt: api.clock.now().toISOString(),
        actor: { id: user.id, name: user.name },
        actorName: user.name,
        sessionId: Buffer.from(`Session:${owner.session.sessionId}`).toString('base64'),
        apiTokenId: null,
        ipAddress: owner.client.ip,
        userAgent: owner.client.userAgent,
        targetType: 'WORKSPACE',
        targetId: workspace.id,
        targetLabel: 'Renamed',
        details: [
          { name: 'name', value: 'Renamed' },
          { name: 'previousName', value: 'Acme' },
        ],
      });
    }
  });

  test('HOOK-2.1 each filter, and all together, narrows the entries; pages follow each other by cursor', async ({
    api,
    user,
    workspace,
  }) => {
    const start = api.clock.now();
    const admin = await api.addMember(user, workspace, 'ADMIN');
    api.clock.advance(STEP);
    const middle = api.clock.now();
    const viewer = await api.addMember(admin, workspace, 'VIEWER');
    api.clock.advance(STEP);
    await api.data('mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }', {
      token: admin.accessToken,
      variables: { input: { membershipId: viewer.membershipId, role: 'MEMBER' } },
    });
    api.clock.advance(STEP);

    expect(await actionsRead(api, user, workspace, { actorId: admin.id })).toEqual([
      'MEMBER_ROLE_CHANGED',
      'INVITATION_CREATED',
      'MEMBER_JOINED',
      'INVITATION_ACCEPTED',
    ]);
    expect(await actionsRead(api, user, workspace, { action: 'MEMBER_JOINED' })).toEqual([
      'MEMBER_JOINED',
      'MEMBER_JOINED',
    ]);
    expect(await actionsRead(api, user, workspace, { since: middle.toISOString() })).toEqual([
      'MEMBER_ROLE_CHANGED',
      'MEMBER_JOINED',
      'INVITATION_ACCEPTED',
      'INVITATION_CREATED',
    ]);
    expect(await actionsRead(api, user, workspace, { until: middle.toISOString() })).toEqual([
      'MEMBER_JOINED',
      'INVITATION_ACCEPTED',
      'INVITATION_CREATED',
      'WORKSPACE_CREATED',
    ]);
    expect(
      await actionsRead(api, user, workspace, {
        actorId: admin.id,
        action: 'INVITATION_CREATED',
        since: start.toISOString(),
        until: api.clock.now().toISOString(),
      }),
    ).toEqual(['INVITATION_CREATED']);
    expect(await actionsRead(api, user, workspace, { actorId: user.id, since: middle.toISOString() })).toEqual([]);

    const first = await readLog(api, user.accessToken, workspace, { first: 4 });
    const page = first.body.data?.workspace.auditEntries;
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const rest = await readLog(api, user.accessToken, workspace, { first: 4, after: page?.pageInfo.endCursor });
    expect(rest.body.data?.workspace.auditEntries?.nodes.map((entry) => entry.action)).toEqual([
      'MEMBER_JOINED',
      'INVITATION_ACCEPTED',
      'INVITATION_CREATED',
      'WORKSPACE_CREATED',
    ]);
    expect(rest.body.data?.workspace.auditEntries?.pageInfo.hasNextPage).toBe(false);
  });

  test('HOOK-2.1 a MEMBER, a VIEWER and an API token without the ADMIN scope get FORBIDDEN; a token with it reads', async ({
    api,
    user,
    workspace,
  }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    const viewer = await api.addMember(user, workspace, 'VIEWER');
    const writer = await api.createApiToken(user, workspace, ['READ', 'WRITE']);
    const administrator = await api.createApiToken(user, workspace, ['ADMIN']);
    for (const token of [member.accessToken, viewer.accessToken, writer.secret]) {
      const refused = await readLog(api, token, workspace);
      expect(errorCodes(refused.body)).toEqual(['FORBIDDEN']);
      expect(refused.body.data?.workspace.auditEntries).toBeNull();
    }
    const read = await readLog(api, administrator.secret, workspace);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.workspace.auditEntries?.nodes.length).toBeGreaterThan(0);
    // By its id too: its workspace's admins only.
    const id = read.body.data?.workspace.auditEntries?.nodes[0]?.id;
    const NODE = 'query($id: ID!) { node(id: $id) { id ... on AuditEntry { action } } }';
    expect((await api.operation(NODE, { token: user.accessToken, variables: { id } })).body.errors).toBeUndefined();
    expect(errorCodes((await api.operation(NODE, { token: member.accessToken, variables: { id } })).body)).toEqual([
      'FORBIDDEN',
    ]);
  });

  test('HOOK-2.1 a start after the end and an unknown action are BAD_USER_INPUT', async ({ api, user, workspace }) => {
    const now = api.clock.now();
    const backwards = await readLog(api, user.accessToken, workspace, {
      filter: { since: now.toISOString(), until: new Date(now.getTime() - STEP).toISOString() },
    });
    expect(errorCodes(backwards.body)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['filter', 'until'], message: 'Give an end after the start.' },
    ]);
    const unknown = await readLog(api, user.accessToken, workspace, { filter: { action: 'TASK_CREATED' } });
    expect(errorCodes(unknown.body)).toEqual(['BAD_USER_INPUT']);
  });

  test('HOOK-2.1 an actor who left is still named, but no longer shown as a person', async ({
    api,
    user,
    workspace,
  }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    await api.data('mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id } }', {
      token: admin.accessToken,
      variables: { input: { id: workspace.id, name: 'Renamed' } },
    });
    await api.endMembership(user, admin, workspace, 'leaves');
    const result = await readLog(api, user.accessToken, workspace, { filter: { action: 'WORKSPACE_UPDATED' } });
    expect(result.body.data?.workspace.auditEntries?.nodes).toMatchObject([{ actor: null, actorName: admin.name }]);
  });

  test('HOOK-2.1 a page of entries costs the same statements whatever the number of entries and actors', async ({
    api,
    user,
    workspace,
  }) => {
    const statementsFor = async () => {
      api.db.statements.length = 0;
      const result = await readLog(api, user.accessToken, workspace, { first: 100 });
      expect(result.body.errors).toBeUndefined();
      return { count: api.db.statements.length, entries: result.body.data?.workspace.auditEntries?.nodes.length };
    };
    await api.addMember(user, workspace, 'MEMBER');
    const few = await statementsFor();
    for (let index = 0; index < 5; index += 1) await api.addMember(user, workspace, 'VIEWER');
    const many = await statementsFor();
    expect(many.entries).toBeGreaterThan(few.entries ?? 0);
    expect(many.count).toBe(few.count);
  });
});

describe('reading one’s own account entries', () => {
  test('HOOK-2.2 a person reads their sign-ins, failed sign-ins, revocations and password changes, newest first, and nobody else’s', async ({
    api,
    user,
    workspace,
  }) => {
    const teammate = await api.addMember(user, workspace, 'ADMIN');
    await api.operation(LOGIN, { variables: { input: { email: user.email, password: 'wrong-password-9' } } });
    api.clock.advance(1000);
    const laptop = await actingAs(api, user);
    api.clock.advance(1000);
    await laptop.run('mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', {
      input: { currentPassword: user.password, newPassword: 'harbour-violet-engine-82' },
    });
    const MINE = `query($first: Int) { me { auditEntries(first: $first) {
      nodes { action actor { id } ipAddress userAgent targetLabel details { name value } } } } }`;
    const { me } = await laptop.run<{
      me: { auditEntries: { nodes: { action: string; actor: { id: string } | null; ipAddress: string | null }[] } };
    }>(MINE);
    expect(me.auditEntries.nodes.map((entry) => entry.action)).toEqual([
      'PASSWORD_CHANGED',
      'SIGN_IN',
      'SIGN_IN_FAILED',
      'SIGN_IN',
    ]);
    expect(me.auditEntries.nodes[0]).toMatchObject({ actor: { id: user.id }, ipAddress: laptop.client.ip });
    expect(me.auditEntries.nodes[2]).toMatchObject({ actor: null });

    // Another person's account entries: not through their user, even as a co-member.
    const THEIRS = `query($id: ID!) { node(id: $id) { ... on User { id auditEntries { nodes { action } } } } }`;
    const theirs = await api.operation<{ node: { id: string; auditEntries: unknown } | null }>(THEIRS, {
      token: teammate.accessToken,
      variables: { id: user.id },
    });
    expect(theirs.body.data?.node).toEqual({ id: user.id, auditEntries: null });
    expect(errorCodes(theirs.body)).toEqual(['NOT_FOUND']);
    // Nor by an entry's id.
    const { workspace: log } = await laptop.run<LogPage>(WORKSPACE_LOG, { slug: workspace.slug });
    const [ownEntry] = await entries(api, { accountId: uuid(user.id), actions: ['PASSWORD_CHANGED'] });
    const entryId = Buffer.from(`AuditEntry:${ownEntry?.id}`).toString('base64');
    const NODE = 'query($id: ID!) { node(id: $id) { id } }';
    expect(
      errorCodes((await api.operation(NODE, { token: teammate.accessToken, variables: { id: entryId } })).body),
    ).toEqual(['NOT_FOUND']);
    expect(log.auditEntries?.nodes.some((entry) => entry.action === 'PASSWORD_CHANGED')).toBe(false);
  });

  test('HOOK-2.2 an API token gets FORBIDDEN for its owner’s account entries', async ({ api, user, workspace }) => {
    const token = await api.createApiToken(user, workspace, ['ADMIN']);
    const result = await api.operation('{ me { id auditEntries { nodes { action } } } }', { token: token.secret });
    expect(errorCodes(result.body)).toEqual(['FORBIDDEN']);
    expect(result.body.data).toEqual({ me: { id: user.id, auditEntries: null } });
  });
});

/** Writes one system entry outside any change, at the app clock's time, to try the database's rules on. */
async function anEntry(api: TestApi): Promise<string> {
  const targetId = crypto.randomUUID();
  await api.app.services.audit.record(api.db.prisma, {
    action: 'WEBHOOK_DISABLED',
    source: systemAuditSource,
    workspaceId: crypto.randomUUID(),
    target: { type: 'WEBHOOK', id: targetId, label: 'https://hooks.example.com/yello' },
    details: { reason: 'Deliveries kept failing.' },
  });
  const entry = await api.db.prisma.auditEntry.findFirstOrThrow({ where: { targetId } });
  return entry.id;
}

const DAY = 24 * 60 * 60 * 1000;

/** How many entries were written before `date`. */
const olderThan = (api: TestApi, date: Date) => api.db.prisma.auditEntry.count({ where: { createdAt: { lt: date } } });

/** Whether the entries of `ids` are still there, in order. */
async function kept(api: TestApi, ids: string[]): Promise<boolean[]> {
  const found = await api.db.prisma.auditEntry.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return ids.map((id) => found.some((entry) => entry.id === id));
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

describe('retention', () => {
  test('HOOK-3.1 the job deletes the entries older than the retention, at start and every interval, and keeps the younger', async ({
    api,
  }) => {
    const old = await anEntry(api);
    api.clock.advance(200 * DAY);
    const young = await anEntry(api);
    // A year and a month after the first entry: it is past the retention of 365 days, the second is not.
    const clock = { now: () => new Date(api.clock.now().getTime() + 195 * DAY) };
    const retention = createAuditRetention({ db: api.db.prisma, clock, days: 365 });
    const due = await olderThan(api, new Date(clock.now().getTime() - 365 * DAY));
    const runs: RetentionRun[] = [];
    const errors: unknown[] = [];
    const counting = {
      run: async () => {
        const outcome = await retention.run();
        runs.push(outcome);
        return outcome;
      },
    };
    const stop = scheduleAuditRetention(counting, { intervalMs: 50, onError: (error) => errors.push(error) });
    await expect.poll(() => runs.length).toBeGreaterThanOrEqual(2);
    stop();
    expect(errors).toEqual([]);
    expect(due).toBeGreaterThanOrEqual(1);
    expect(runs.slice(0, 2)).toEqual([
      { ran: true, deleted: due },
      { ran: true, deleted: 0 },
    ]);
    expect(await kept(api, [old, young])).toEqual([false, true]);
  });

  test('HOOK-3.1 HOOK-1.4 outside the job’s transaction a delete is refused, also right after the job ran', async ({
    api,
  }) => {
    const id = await anEntry(api);
    const clock = { now: () => new Date(api.clock.now().getTime() + 2 * DAY) };
    await createAuditRetention({ db: api.db.prisma, clock, days: 365 }).run();
    await expect(api.db.prisma.auditEntry.delete({ where: { id } })).rejects.toThrow(/append-only/);
    // Holding the job's lock is not enough: only the job's own setting lets a delete through.
    await expect(
      api.db.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT pg_try_advisory_xact_lock(1)`;
        await tx.auditEntry.deleteMany({ where: { id } });
      }),
    ).rejects.toThrow(/append-only/);
    expect(await kept(api, [id])).toEqual([true]);
  });

  // One instance at a time: instances share a PostgreSQL server; the embedded PGlite serves one instance, over one
  // connection, so two runs cannot overlap there.
  test.skipIf(!defaultTestSettings.databaseUrl)(
    'HOOK-3.1 of two runs at once on a shared server, one deletes and the other skips; a run skips while another instance holds the lock',
    async ({ api }) => {
      const prisma = api.db.prisma;
      const ids = [await anEntry(api), await anEntry(api)];
      const clock = { now: () => new Date(api.clock.now().getTime() + 400 * DAY) };
      const retention = createAuditRetention({ db: prisma, clock, days: 365 });

      // Another instance's run in progress: it holds the lock until its transaction ends.
      const whileHeld = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::bigint)`;
        return retention.run();
      });
      expect(whileHeld).toEqual({ ran: false });
      expect(await kept(api, ids)).toEqual([true, true]);

      // The first run's delete takes a moment, long enough for the second to find the lock held.
      await prisma.$executeRawUnsafe(
        `CREATE FUNCTION "test_slow"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.5); RETURN NULL; END $$`,
      );
      await prisma.$executeRawUnsafe(
        'CREATE TRIGGER "test_slow" BEFORE DELETE ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION "test_slow"()',
      );
      try {
        const due = await olderThan(api, new Date(clock.now().getTime() - 365 * DAY));
        const first = retention.run();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const second = retention.run();
        expect(await Promise.all([first, second])).toEqual([{ ran: true, deleted: due }, { ran: false }]);
      } finally {
        await prisma.$executeRawUnsafe('DROP TRIGGER "test_slow" ON "AuditEntry"');
        await prisma.$executeRawUnsafe('DROP FUNCTION "test_slow"()');
      }
      expect(await kept(api, ids)).toEqual([false, false]);
    },
  );
});
