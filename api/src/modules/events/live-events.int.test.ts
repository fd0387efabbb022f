// The live stream (realtime requirements 4, 5 and 6): the subscription over Server-Sent Events through the real
// app, and the stream itself beside the real log and bus.
import { onTestFinished } from 'vitest';
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import { listen } from '../../../test/http-server.ts';
import { subscribe } from '../../../test/live-events.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';
import { createLocalEventBus, type EventBus, workspaceTopic } from './event-bus.ts';
import type { LoggedEvent } from './event-kinds.ts';
import { createEventLog } from './event-log.ts';
import { openWorkspaceStream, type StreamItem } from './event-stream.ts';

interface EventData {
  workspaceEvents: { __typename: string; cursor: string } & Record<string, unknown>;
}

const EVENTS = `subscription($id: ID!, $after: String) {
  workspaceEvents(workspaceId: $id, after: $after) {
    __typename cursor occurredAt
    ... on TaskUpdated { version fields actor { name } task { id title version } }
    ... on TaskDeleted { taskId }
    ... on ResyncRequired { reason }
  }
}`;

const rename = (api: TestApi, user: SignedUpUser, taskId: string, title: string) =>
  api.data('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', {
    token: user.accessToken,
    variables: { i: { id: taskId, title } },
  });

function live(api: TestApi, user: SignedUpUser, workspace: TestWorkspace, after?: string) {
  return api.live<EventData>(user.accessToken, EVENTS, { id: workspace.id, after });
}

const typenames = (results: { data?: EventData | null }[]) =>
  results.map((result) => result.data?.workspaceEvents.__typename);
const cursors = (results: { data?: EventData | null }[]) =>
  results.map((result) => result.data?.workspaceEvents.cursor);

/** The events subscription posted as a raw request, asking for `accept`. */
const postEvents = (api: TestApi, user: SignedUpUser, workspace: TestWorkspace, accept: string) =>
  api.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${user.accessToken}` },
    body: JSON.stringify({ query: EVENTS, variables: { id: workspace.id } }),
  });

/** Waits until the stream is listening: an event made now reaches it. */
async function listening(api: TestApi, workspace: TestWorkspace) {
  await expect.poll(() => api.app.services.bus.listenerCount(workspaceTopic(uuid(workspace.id)))).toBeGreaterThan(0);
}

describe('live workspace events', () => {
  test('RT-4.1 RT-4.4 a member selects the fields of each event over Server-Sent Events; a deleted entity is null', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const stream = live(api, user, workspace);
    await listening(api, workspace);
    await rename(api, user, content.taskId, 'Live title');
    const [updated] = await stream.take(1);
    expect(updated?.data?.workspaceEvents).toMatchObject({
      __typename: 'TaskUpdated',
      cursor: '5',
      version: 2,
      fields: ['title'],
      actor: { name: user.name },
      task: { id: content.taskId, title: 'Live title', version: 2 },
    });
    await api.data('mutation($id: ID!) { deleteTask(id: $id) }', {
      token: user.accessToken,
      variables: { id: content.taskId },
    });
    const [, deleted] = await stream.take(2);
    stream.close();
    expect(deleted?.data?.workspaceEvents).toEqual({
      __typename: 'TaskDeleted',
      cursor: '6',
      occurredAt: expect.any(String),
      taskId: content.taskId,
    });
    // Read again from the log, the update's task is the task as it is now: gone.
    const replay = live(api, user, workspace, '4');
    const [again] = await replay.take(1);
    replay.close();
    expect(again?.data?.workspaceEvents).toMatchObject({ __typename: 'TaskUpdated', cursor: '5', task: null });
  });

  test('RT-4.4 the stream is text/event-stream with keep-alive comments, and needs the bearer token', async ({
    api,
    user,
    workspace,
  }) => {
    const response = await postEvents(api, user, workspace, 'text/event-stream');
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const reader = response.body?.getReader();
    const first = await reader?.read();
    await reader?.cancel();
    expect(new TextDecoder().decode(first?.value)).toMatch(/^:/);
    const anonymous = api.live<EventData>('', EVENTS, { id: workspace.id });
    await anonymous.ended;
    expect(anonymous.results[0]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('RT-4.2 with a cursor the stream replays the logged events, then the live ones, without gap or repeat', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    for (const title of ['One', 'Two', 'Three']) await rename(api, user, content.taskId, title);
    // Changes keep coming while the stream opens and replays.
    const writing = (async () => {
      for (let index = 0; index < 6; index += 1) await rename(api, user, content.taskId, `Racing ${index}`);
    })();
    const stream = live(api, user, workspace, '2');
    await writing;
    await rename(api, user, content.taskId, 'Last');
    const results = await stream.take(14 - 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stream.close();
    expect(cursors(stream.results)).toEqual(Array.from({ length: 12 }, (_, index) => String(index + 3)));
    expect(typenames(results).slice(0, 2)).toEqual(['TaskCreated', 'CommentAdded']);
  });

  test('RT-4.3 a cursor beyond the log or not a cursor is BAD_USER_INPUT at after; one past the retention starts with ResyncRequired', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    for (const after of ['5', 'abc', '-1']) {
      const stream = live(api, user, workspace, after);
      await stream.ended;
      expect(stream.results[0]?.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['after'] }],
      });
    }
    await api.db.prisma.workspaceEvent.deleteMany({
      where: { workspaceId: uuid(workspace.id), sequence: { lte: 2 } },
    });
    const stream = live(api, user, workspace, '1');
    const [resync] = await stream.take(1);
    await rename(api, user, content.taskId, 'After the resync');
    const [, next] = await stream.take(2);
    stream.close();
    expect(resync?.data?.workspaceEvents).toMatchObject({
      __typename: 'ResyncRequired',
      reason: 'RETENTION',
      cursor: '4',
    });
    expect(next?.data?.workspaceEvents).toMatchObject({ __typename: 'TaskUpdated', cursor: '5' });
  });

  test('RT-4.5 Query.workspaceEvents pages through the log with the events’ cursors', async ({
    api,
    user,
    workspace,
  }) => {
    await api.createContent(user, workspace);
    type Page = {
      workspaceEvents: {
        edges: { cursor: string; node: { __typename: string; cursor: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const query = `query($id: ID!, $after: String) { workspaceEvents(workspaceId: $id, first: 3, after: $after) {
      edges { cursor node { __typename cursor } } pageInfo { hasNextPage endCursor } } }`;
    const first = await api.data<Page>(query, { token: user.accessToken, variables: { id: workspace.id } });
    expect(first.workspaceEvents.edges.map((edge) => [edge.cursor, edge.node.cursor])).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    expect(first.workspaceEvents.pageInfo).toEqual({ hasNextPage: true, endCursor: '3' });
    const second = await api.data<Page>(query, {
      token: user.accessToken,
      variables: { id: workspace.id, after: first.workspaceEvents.pageInfo.endCursor },
    });
    expect(second.workspaceEvents.edges.map((edge) => edge.node.__typename)).toEqual(['CommentAdded']);
    // A client polling an empty log goes on with the end cursor it was given.
    const empty = await api.createWorkspace(user, 'Quiet');
    const none = await api.data<Page>(query, { token: user.accessToken, variables: { id: empty.id } });
    expect(none.workspaceEvents.edges).toEqual([]);
    const polled = await api.data<Page>(query, {
      token: user.accessToken,
      variables: { id: empty.id, after: none.workspaceEvents.pageInfo.endCursor },
    });
    expect(polled.workspaceEvents.edges).toEqual([]);
    const refused = await api.operation(query, {
      token: user.accessToken,
      variables: { id: workspace.id, after: 'R1BDOlM6eA==' },
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test.for(['is removed', 'leaves'] as const)(
    'RT-5.2 a subscriber who %s gets nothing more and the stream completes within a second',
    async (how, { api, user, workspace }) => {
      const content = await api.createContent(user, workspace);
      const member = await api.addMember(user, workspace, 'MEMBER');
      const stream = live(api, member, workspace);
      await listening(api, workspace);
      await rename(api, user, content.taskId, 'Seen');
      await stream.take(1);
      const start = Date.now();
      await api.endMembership(user, member, workspace, how);
      await stream.ended;
      expect(Date.now() - start).toBeLessThan(1000);
      await rename(api, user, content.taskId, 'Not seen');
      expect(typenames(stream.results)).toEqual(['TaskUpdated']);
    },
  );

  test.for(['revoked from another session', 'logged out', 'ended by a password change'] as const)(
    'RT-5.3 a subscriber whose session is %s sees the stream complete within a second',
    async (how, { api, user, workspace }) => {
      const other = await api.operation<{ login: { accessToken: string } }>(
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { variables: { i: { email: user.email, password: user.password } }, ip: '10.9.9.9' },
      );
      const otherToken = other.body.data?.login.accessToken ?? '';
      const stream = live(api, user, workspace);
      await listening(api, workspace);
      const start = Date.now();
      if (how === 'logged out') {
        await api.data('mutation { logout }', { token: user.accessToken });
      } else if (how === 'revoked from another session') {
        const { sessions } = await api.data<{ sessions: { id: string; current: boolean }[] }>(
          '{ sessions { id current } }',
          { token: user.accessToken },
        );
        const mine = sessions.find((session) => session.current);
        await api.data('mutation($id: ID!) { revokeSession(id: $id) }', {
          token: otherToken,
          variables: { id: mine?.id },
        });
      } else {
        await api.data('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', {
          token: otherToken,
          variables: { i: { currentPassword: user.password, newPassword: 'another-quiet-lantern-93' } },
        });
      }
      await stream.ended;
      expect(Date.now() - start).toBeLessThan(1000);
      expect(stream.results).toEqual([]);
    },
  );

  test('RT-5.3 the stream completes when its access token expires', async ({ api, user, workspace }) => {
    // 400 ms before the token's end (its `exp`, in whole seconds).
    const claims: unknown = JSON.parse(Buffer.from(user.accessToken.split('.')[1] ?? '', 'base64url').toString());
    const exp = typeof claims === 'object' && claims !== null && 'exp' in claims ? Number(claims.exp) : Number.NaN;
    api.clock.advance(exp * 1000 - 400 - api.clock.now().getTime());
    const start = Date.now();
    const stream = live(api, user, workspace);
    await listening(api, workspace);
    await stream.ended;
    expect(Date.now() - start).toBeLessThan(1400);
    expect(stream.results).toEqual([]);
  });

  test('RT-5.4 RT-5.6 a role changed mid-stream applies from the next event; a VIEWER reads events, and fields above their role are FORBIDDEN alone', async ({
    api,
    user,
    workspace,
  }) => {
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const stream = api.live<{ workspaceEvents: { __typename: string; workspace?: { name: string } | null } }>(
      admin.accessToken,
      `subscription($id: ID!) { workspaceEvents(workspaceId: $id) {
        __typename ... on WorkspaceUpdated { workspace { name invitations { edges { cursor } } } } } }`,
      { id: workspace.id },
    );
    await listening(api, workspace).catch(() => {
      throw new Error(JSON.stringify(stream.results));
    });
    const renameWorkspace = (name: string) =>
      api.data('mutation($i: UpdateWorkspaceInput!) { updateWorkspace(input: $i) { id } }', {
        token: user.accessToken,
        variables: { i: { id: workspace.id, name } },
      });
    await renameWorkspace('As admin');
    await api.data('mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { id } }', {
      token: user.accessToken,
      variables: { i: { membershipId: admin.membershipId, role: 'VIEWER' } },
    });
    await renameWorkspace('As viewer');
    const [asAdmin, demoted, asViewer] = await stream.take(3);
    stream.close();
    expect(asAdmin?.errors).toBeUndefined();
    expect(asAdmin?.data?.workspaceEvents.workspace).toEqual({ name: 'As admin', invitations: { edges: [] } });
    expect(demoted?.data?.workspaceEvents.__typename).toBe('MemberRoleChanged');
    expect(asViewer?.data?.workspaceEvents.workspace).toEqual({ name: 'As viewer', invitations: null });
    expect(asViewer?.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['workspaceEvents', 'workspace', 'invitations'], 'FORBIDDEN'],
    ]);
  });

  test('RT-6.3 a subscription refused by content negotiation, or never read, holds no listener', async ({
    api,
    user,
    workspace,
  }) => {
    const bus = api.app.services.bus;
    const before = bus.listenerCount();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await postEvents(api, user, workspace, 'application/json');
      expect(response.status).toBe(406);
    }
    expect(bus.listenerCount()).toBe(before);
  });

  test('RT-5.4 someone who left is no longer shown in the events after their departure', async ({
    api,
    user,
    workspace,
  }) => {
    const member = await api.addMember(user, workspace, 'ADMIN');
    const content = await api.createContent(member, workspace);
    const stream = api.live<{ workspaceEvents: { __typename: string; task?: { creator: { name: string } | null } } }>(
      user.accessToken,
      `subscription($id: ID!) { workspaceEvents(workspaceId: $id) {
        __typename ... on TaskUpdated { task { creator { name } } } } }`,
      { id: workspace.id },
    );
    await listening(api, workspace);
    await rename(api, user, content.taskId, 'While a member');
    await stream.take(1);
    await api.endMembership(user, member, workspace, 'leaves');
    await rename(api, user, content.taskId, 'After leaving');
    const results = await stream.take(3);
    stream.close();
    expect(results.map((result) => result.data?.workspaceEvents.task?.creator ?? null)).toEqual([
      { name: member.name },
      null,
      null,
    ]);
  });

  test('RT-6.3 a subscriber that disconnects leaves no listener behind', async ({ api, user, workspace }) => {
    const bus = api.app.services.bus;
    const before = bus.listenerCount();
    const server = await listen(api.app);
    onTestFinished(() => server.close());
    const over = () =>
      subscribe<EventData>({ url: `${server.url}/graphql`, token: user.accessToken }, EVENTS, { id: workspace.id });
    const streams = [over(), over(), over()];
    await expect.poll(() => bus.listenerCount(workspaceTopic(uuid(workspace.id)))).toBe(3);
    for (const stream of streams) stream.close();
    await expect.poll(() => bus.listenerCount()).toBe(before);
  });
});

describe('the stream of one subscriber', () => {
  /** Changes logged without being published, so that the test decides when and in which order they arrive. */
  async function loggedQuietly(api: TestApi, workspaceId: string, count: number): Promise<LoggedEvent[]> {
    const quiet = createEventLog({ db: api.db.prisma, bus: createLocalEventBus(() => {}), clock: api.clock });
    const events: LoggedEvent[] = [];
    for (let index = 0; index < count; index += 1) {
      await quiet.write(workspaceId, null, async (_tx, record) => {
        record({ kind: 'WORKSPACE_UPDATED', entityId: workspaceId, version: index + 2, payload: {} });
      });
    }
    events.push(...(await quiet.after(workspaceId, 0, 1000)));
    return events;
  }

  /** Opens a stream; `ready` resolves once it listens and has read where the log stands. */
  async function open(api: TestApi, bus: EventBus, workspaceId: string, queueLimit?: number) {
    let started: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      started = resolve;
    });
    const stream = await openWorkspaceStream(
      { log: api.app.services.events, bus, now: () => api.clock.now() },
      {
        workspaceId,
        userId: crypto.randomUUID(),
        accessTopic: `session:${crypto.randomUUID()}`,
        onMembershipChange: () => {},
        stillAllowed: async () => {
          started();
          return true;
        },
        queueLimit,
      },
    );
    return { stream, ready };
  }

  const sequences = (items: StreamItem[]) => items.map((item) => item.sequence);

  test('RT-5.2 RT-5.3 a stream whose viewer lost access while it opened ends at once and holds nothing', async ({
    api,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const bus = createLocalEventBus((error) => {
      throw error;
    });
    const stream = await openWorkspaceStream(
      { log: api.app.services.events, bus, now: () => api.clock.now() },
      {
        workspaceId,
        userId: crypto.randomUUID(),
        accessTopic: `session:${crypto.randomUUID()}`,
        onMembershipChange: () => {},
        // Removed, revoked or signed out between the subscription's scope check and its listening.
        stillAllowed: async () => false,
      },
    );
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(bus.listenerCount()).toBe(0);
  });

  test('RT-6.1 events arriving out of order, or missing, are sent in sequence order with no gap', async ({
    api,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const bus = createLocalEventBus((error) => {
      throw error;
    });
    const { stream, ready } = await open(api, bus, workspaceId);
    // The stream listens from its first read.
    const first = stream.next();
    await ready;
    const events = await loggedQuietly(api, workspaceId, 6);
    // 3 and 5 never arrive; 4 comes before 2.
    for (const index of [0, 3, 1, 5]) {
      const event = events[index];
      if (event) bus.publish(workspaceTopic(workspaceId), { type: 'event', event });
    }
    const received: StreamItem[] = [];
    for (const next of [first, ...Array.from({ length: 5 }, () => stream.next())]) {
      const { value } = await next;
      if (value) received.push(value);
    }
    await stream.return?.(undefined);
    expect(sequences(received)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('RT-6.2 RT-6.3 a reader that does not read holds at most its queue, then gets ResyncRequired and the end', async ({
    api,
    workspace,
  }) => {
    const workspaceId = uuid(workspace.id);
    const bus = createLocalEventBus((error) => {
      throw error;
    });
    const { stream, ready } = await open(api, bus, workspaceId, 5);
    const first = stream.next();
    await ready;
    const events = await loggedQuietly(api, workspaceId, 40);
    // Published while the reader reads nothing more than its first.
    for (const event of events) bus.publish(workspaceTopic(workspaceId), { type: 'event', event });
    const received: StreamItem[] = [];
    const { value } = await first;
    if (value) received.push(value);
    for await (const item of stream) received.push(item);
    expect(received.length).toBeLessThanOrEqual(6);
    expect(received.at(-1)).toMatchObject({ kind: 'RESYNC_REQUIRED', reason: 'OVERFLOW' });
    expect(bus.listenerCount()).toBe(0);
  });
});
