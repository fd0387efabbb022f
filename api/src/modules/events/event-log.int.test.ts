// The event log (realtime requirements 1 and 2): what each change appends, numbering, rollback, retention.
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';
import { createLocalEventBus } from './event-bus.ts';
import { checkedEvent } from './event-kinds.ts';
import { createEventLog, scheduleRetention } from './event-log.ts';

async function logged(api: TestApi, workspace: TestWorkspace) {
  const rows = await api.db.prisma.workspaceEvent.findMany({
    where: { workspaceId: uuid(workspace.id) },
    orderBy: { sequence: 'asc' },
  });
  return rows;
}

const mutate = (api: TestApi, user: SignedUpUser, query: string, variables: Record<string, unknown>) =>
  api.data<Record<string, { id: string; version: number } | boolean>>(query, { token: user.accessToken, variables });

describe('the event log', () => {
  test('RT-1.1 RT-2.1 RT-1.4 every change appends its event with kind, actor, entity and the version the entity shows', async ({
    api,
    user,
    workspace,
  }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    const content = await api.createContent(user, workspace);
    const states = await api.data<{ project: { states: { id: string }[] } }>(
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.projectKey } },
    );
    const [first, second] = states.project.states;
    const versions: Record<string, number> = {};
    const run = async (query: string, variables: Record<string, unknown>) => {
      const result = await mutate(api, user, query, variables);
      for (const value of Object.values(result)) if (typeof value === 'object') versions[value.id] = value.version;
    };
    await run('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id version } }', {
      i: { id: content.taskId, title: 'Renamed', priority: 'HIGH' },
    });
    await run('mutation($i: MoveTaskInput!) { moveTask(input: $i) { id version } }', {
      i: { id: content.taskId, stateId: second?.id },
    });
    await run('mutation($i: EditCommentInput!) { editComment(input: $i) { id version } }', {
      i: { id: content.commentId, body: 'Edited' },
    });
    await run('mutation($i: UpdateLabelInput!) { updateLabel(input: $i) { id version } }', {
      i: { id: content.labelId, color: '#10B981' },
    });
    await run('mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id version } }', {
      i: { id: content.projectId, description: 'Now described' },
    });
    await run('mutation($i: UpdateWorkflowStateInput!) { updateWorkflowState(input: $i) { id version } }', {
      i: { id: first?.id, name: 'Later' },
    });
    await run('mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { id version } }', {
      i: { membershipId: member.membershipId, role: 'VIEWER' },
    });
    await run('mutation($i: UpdateWorkspaceInput!) { updateWorkspace(input: $i) { id version } }', {
      i: { id: workspace.id, name: 'Renamed workspace' },
    });
    await mutate(api, user, 'mutation($id: ID!) { deleteComment(id: $id) }', { id: content.commentId });
    await mutate(api, user, 'mutation($id: ID!) { deleteTask(id: $id) }', { id: content.taskId });
    await mutate(api, user, 'mutation($id: ID!) { deleteLabel(id: $id) }', { id: content.labelId });
    await mutate(api, user, 'mutation($id: ID!) { removeMember(membershipId: $id) }', { id: member.membershipId });
    await mutate(api, user, 'mutation($id: ID!) { deleteProject(id: $id) }', { id: content.projectId });

    const events = await logged(api, workspace);
    expect(events.map((event) => event.kind)).toEqual([
      'MEMBER_JOINED',
      'PROJECT_CREATED',
      'LABEL_CREATED',
      'TASK_CREATED',
      'COMMENT_ADDED',
      'TASK_UPDATED',
      'TASK_MOVED',
      'COMMENT_EDITED',
      'LABEL_UPDATED',
      'PROJECT_UPDATED',
      'STATE_UPDATED',
      'MEMBER_ROLE_CHANGED',
      'WORKSPACE_UPDATED',
      'COMMENT_DELETED',
      'TASK_DELETED',
      'LABEL_DELETED',
      'MEMBER_REMOVED',
      'PROJECT_DELETED',
    ]);
    expect(events.map((event) => event.sequence)).toEqual(events.map((_event, index) => index + 1));
    const joined = events[0];
    expect(joined?.actorId).toBe(uuid(member.id));
    expect(events.slice(1).every((event) => event.actorId === uuid(user.id))).toBe(true);
    // Each change's event carries the version the entity showed right after it (RT-2.1).
    expect(Object.keys(versions)).toHaveLength(7);
    for (const [id, version] of Object.entries(versions)) {
      const last = events.findLast((event) => event.entityId === uuid(id) && !/DELETED|REMOVED/.test(event.kind));
      expect(last?.version, id).toBe(version);
    }
    expect(events.find((event) => event.kind === 'TASK_UPDATED')).toMatchObject({
      version: 2,
      payload: { fields: ['title', 'priority'] },
    });
    expect(events.find((event) => event.kind === 'TASK_MOVED')).toMatchObject({
      version: 3,
      payload: { fromStateId: expect.any(String), toStateId: uuid(second?.id ?? '') },
    });
    expect(events.find((event) => event.kind === 'TASK_DELETED')?.version).toBe(4);
    // Payloads hold ids (and a task update's field names), never text a VIEWER may not read (RT-1.4).
    const payloads = JSON.stringify(events.map((event) => event.payload));
    for (const text of ['Renamed', 'Edited', 'A comment', 'First task', 'Now described', 'Later', member.email]) {
      expect(payloads).not.toContain(text);
    }
  });

  test('RT-1.4 an event whose payload does not fit its kind is refused before it is written', () => {
    expect(() =>
      checkedEvent({
        kind: 'TASK_DELETED',
        entityId: crypto.randomUUID(),
        version: 1,
        payload: { projectId: 'x', stateId: 'y' },
      }),
    ).toThrow();
  });

  test('RT-1.7 a member’s departure logs their unassigned tasks and the projects they no longer lead; a deleted state logs its moved tasks', async ({
    api,
    user,
    workspace,
  }) => {
    const member = await api.addMember(user, workspace, 'MEMBER');
    const content = await api.createContent(user, workspace);
    await mutate(api, user, 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id version } }', {
      i: { id: content.taskId, assigneeId: member.id },
    });
    await mutate(api, user, 'mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id version } }', {
      i: { id: content.projectId, leadId: member.id },
    });
    const before = (await logged(api, workspace)).length;
    await api.endMembership(user, member, workspace, 'leaves');
    const departure = (await logged(api, workspace)).slice(before);
    expect(departure.map((event) => [event.kind, event.entityId])).toEqual([
      ['PROJECT_UPDATED', uuid(content.projectId)],
      ['TASK_UPDATED', uuid(content.taskId)],
      ['MEMBER_REMOVED', uuid(member.membershipId)],
    ]);
    expect(departure[1]?.payload).toEqual({ projectId: uuid(content.projectId), fields: ['assignee'] });
    expect(departure.every((event) => event.actorId === uuid(member.id))).toBe(true);

    const { project } = await api.data<{ project: { states: { id: string }[] } }>(
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.projectKey } },
    );
    const [first, second] = project.states;
    await mutate(api, user, 'mutation($i: MoveTaskInput!) { moveTask(input: $i) { id version } }', {
      i: { id: content.taskId, stateId: first?.id },
    });
    const moves = (await logged(api, workspace)).length;
    await mutate(api, user, 'mutation($i: DeleteWorkflowStateInput!) { deleteWorkflowState(input: $i) }', {
      i: { id: first?.id, moveTasksToStateId: second?.id },
    });
    const deletion = (await logged(api, workspace)).slice(moves);
    expect(deletion.map((event) => [event.kind, event.entityId])).toEqual([
      ['TASK_MOVED', uuid(content.taskId)],
      ['STATE_DELETED', uuid(first?.id ?? '')],
    ]);
    const { node } = await api.data<{ node: { version: number } }>(
      'query($id: ID!) { node(id: $id) { ... on Task { version } } }',
      { token: user.accessToken, variables: { id: content.taskId } },
    );
    expect(deletion[0]?.version).toBe(node.version);
  });

  test('RT-1.2 concurrent changes of one workspace get consecutive numbers, once each', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const before = (await logged(api, workspace)).length;
    await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        index % 2 === 0
          ? mutate(api, user, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id version } }', {
              i: { projectId: content.projectId, title: `Parallel ${index}` },
            })
          : mutate(api, user, 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id version } }', {
              i: { id: content.taskId, title: `Title ${index}` },
            }),
      ),
    );
    const events = await logged(api, workspace);
    expect(events).toHaveLength(before + 16);
    expect(events.map((event) => event.sequence)).toEqual(events.map((_event, index) => index + 1));
    const updates = events.filter((event) => event.kind === 'TASK_UPDATED').map((event) => event.version);
    expect(updates).toEqual([...updates].sort((a, b) => a - b));
    const counter = await api.db.prisma.workspaceEventCounter.findUniqueOrThrow({
      where: { workspaceId: uuid(workspace.id) },
    });
    expect(counter.lastSequence).toBe(events.length);
  });

  test('RT-1.3 a change that fails appends and publishes nothing', async ({ api, user, workspace }) => {
    const content = await api.createContent(user, workspace);
    const workspaceId = uuid(workspace.id);
    const heard: unknown[] = [];
    const stop = await api.app.services.bus.listen(`workspace:${workspaceId}`, (message) => heard.push(message));
    const before = await logged(api, workspace);
    // Refused after the project's counter was taken: the transaction rolls back with the event it would have had.
    const refused = await api.operation('mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', {
      token: user.accessToken,
      variables: { i: { projectId: content.projectId, title: 'Never', labelIds: [crypto.randomUUID()] } },
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const log = createEventLog({ db: api.db.prisma, bus: api.app.services.bus, clock: api.clock });
    await expect(
      log.write(workspaceId, null, async (_tx, record) => {
        record({ kind: 'LABEL_DELETED', entityId: uuid(content.labelId), version: 9, payload: {} });
        throw new Error('Rolled back');
      }),
    ).rejects.toThrow('Rolled back');
    stop();
    expect(await logged(api, workspace)).toEqual(before);
    expect(await log.lastSequence(workspaceId)).toBe(before.length);
    expect(heard).toEqual([]);
  });

  test('RT-1.5 the events of a workspace after a sequence are read through the (workspace, sequence) index', async ({
    api,
    user,
    workspace,
  }) => {
    await api.createContent(user, workspace);
    const plan = await api.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT * FROM "WorkspaceEvent" WHERE "workspaceId" = '${uuid(workspace.id)}' AND "sequence" > 2 ORDER BY "sequence" LIMIT 100`,
      );
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('WorkspaceEvent_pkey');
    expect(text).not.toMatch(/Sort/);
  });

  test('RT-1.6 events older than the retention are deleted when the job runs, and again every interval', async ({
    api,
    user,
    workspace,
  }) => {
    await api.createContent(user, workspace);
    const before = await logged(api, workspace);
    const clock = { now: () => new Date(Date.now() + 31 * 24 * 60 * 60 * 1000) };
    const deletions: number[] = [];
    const log = createEventLog({ db: api.db.prisma, bus: createLocalEventBus(() => {}), clock });
    const counting = {
      deleteOlderThan: async (date: Date) => {
        const count = await log.deleteOlderThan(date);
        deletions.push(count);
        return count;
      },
    };
    const stop = scheduleRetention(counting, { clock, days: 30, onError: () => {}, intervalMs: 50 });
    await expect.poll(() => deletions.length).toBeGreaterThanOrEqual(2);
    stop();
    expect(deletions[0]).toBeGreaterThanOrEqual(before.length);
    expect(await logged(api, workspace)).toEqual([]);
    // Kept when younger than the retention.
    await api.createContent(user, workspace);
    await log.deleteOlderThan(new Date(Date.now() - 24 * 60 * 60 * 1000));
    expect((await logged(api, workspace)).length).toBe(4);
  });
});
