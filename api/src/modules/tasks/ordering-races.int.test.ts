// Positions under concurrency: placements in one column (tasks of a state, states of a project) sent at
// once. On PostgreSQL (`npm run test:pg`) the requests really overlap; on PGlite they queue.
import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import type { SignedUpUser, TestApi, TestWorkspace } from '../../../test/test-api.ts';

const PROJECT = `mutation($input: CreateProjectInput!) {
  createProject(input: $input) { id key states { id name } }
}`;
const CREATE = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }';
const MOVE = 'mutation($input: MoveTaskInput!) { moveTask(input: $input) { id } }';
const ADD_STATE = 'mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }';
const MOVE_STATE = 'mutation($input: MoveWorkflowStateInput!) { moveWorkflowState(input: $input) { id } }';
const BOARD = `query($slug: String!, $key: String!) {
  project(workspaceSlug: $slug, key: $key) {
    states { id name tasks(first: 100) { nodes { id title position } } }
  }
}`;

type Row = { id: string; position: string };
/** The database id behind a global id, to corrupt a column directly. */

type Column = { id: string; name: string; tasks: { nodes: (Row & { title: string })[] } };

/** A project and helpers to fill and read its board as its owner. */
async function board(api: TestApi, user: SignedUpUser, workspace: TestWorkspace) {
  const token = user.accessToken;
  const key = 'RACE'; // each test has a workspace of its own
  const { createProject } = await api.data<{ createProject: { id: string; states: { id: string; name: string }[] } }>(
    PROJECT,
    { token, variables: { input: { workspaceId: workspace.id, name: 'Races', key } } },
  );
  const stateId = (name: string) => createProject.states.find((state) => state.name === name)?.id ?? '';
  // Ties are written beside the event log, as rows written before PT-3.9 held: the board is read with the response
  // cache off, which would not see them.
  const columns = async () =>
    (
      await api.uncached.data<{ project: { states: Column[] } }>(BOARD, {
        token,
        variables: { slug: workspace.slug, key },
      })
    ).project.states;
  /** The states in board order with their positions (not part of the API, so read from the database). */
  const states = async (): Promise<(Row & { name: string })[]> => {
    const stored = await api.db.prisma.workflowState.findMany({ where: { projectId: uuid(createProject.id) } });
    return (await columns()).map((state) => ({
      id: state.id,
      name: state.name,
      position: stored.find((row) => row.id === uuid(state.id))?.position ?? '',
    }));
  };
  return {
    token,
    projectId: createProject.id,
    stateId,
    states,
    /** The tasks of a state in board order. */
    column: async (name: string) => (await columns()).find((state) => state.name === name)?.tasks.nodes ?? [],
    createTask: async (title: string, state = 'Todo') =>
      (
        await api.data<{ createTask: { id: string } }>(CREATE, {
          token,
          variables: { input: { projectId: createProject.id, title, stateId: stateId(state) } },
        })
      ).createTask.id,
  };
}

const positions = (rows: readonly Row[]) => rows.map((row) => row.position);

/** Positions are distinct and the rows come in increasing byte order (the columns compare with COLLATE "C"). */
function expectStrictlyIncreasing(rows: readonly Row[]) {
  const keys = positions(rows);
  expect(new Set(keys).size).toBe(keys.length);
  expect([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(keys);
}

/** Dozens of writes per test: on a busy machine with PGlite, which takes them one at a time, 30 s is short. */
const SLOW = { timeout: 120_000 };

const titles = (rows: readonly { title: string }[]) => rows.map((row) => row.title);

describe('concurrent placements in one column', () => {
  test(
    'PT-3.9 thirty moves between the same two neighbours at once leave every position distinct, all between them',
    SLOW,
    async ({ api, user, workspace }) => {
      const project = await board(api, user, workspace);
      const first = await project.createTask('A');
      const second = await project.createTask('B');
      const moving = await Promise.all(Array.from({ length: 30 }, (_, i) => project.createTask(`M${i + 1}`)));
      const results = await Promise.all(
        moving.map((id) =>
          api.operation(MOVE, {
            token: project.token,
            variables: { input: { id, stateId: project.stateId('Todo'), afterId: first, beforeId: second } },
          }),
        ),
      );
      expect(results.flatMap((result) => result.body.errors ?? [])).toEqual([]);
      const tasks = await project.column('Todo');
      expect(tasks).toHaveLength(32);
      expectStrictlyIncreasing(tasks);
      expect(tasks[0]?.title).toBe('A');
      expect(tasks.at(-1)?.title).toBe('B');
      // A later move between two of them lands exactly there.
      const [, left, right] = tasks;
      const last = tasks.at(-2);
      await api.data(MOVE, {
        token: project.token,
        variables: {
          input: { id: last?.id, stateId: project.stateId('Todo'), afterId: left?.id, beforeId: right?.id },
        },
      });
      const after = await project.column('Todo');
      expectStrictlyIncreasing(after);
      expect(titles(after.slice(1, 4))).toEqual([left?.title, last?.title, right?.title]);
    },
  );

  test(
    'PT-3.9 creations and moves placing tasks last in one state at once get distinct positions after the earlier tasks',
    SLOW,
    async ({ api, user, workspace }) => {
      const project = await board(api, user, workspace);
      await project.createTask('Earlier');
      const backlog = await Promise.all(
        Array.from({ length: 12 }, (_, i) => project.createTask(`Moved ${i + 1}`, 'Backlog')),
      );
      const results = await Promise.all([
        ...backlog.map((id) =>
          api.operation(MOVE, { token: project.token, variables: { input: { id, stateId: project.stateId('Todo') } } }),
        ),
        ...Array.from({ length: 12 }, (_, i) =>
          api.operation(CREATE, {
            token: project.token,
            variables: {
              input: { projectId: project.projectId, title: `Created ${i + 1}`, stateId: project.stateId('Todo') },
            },
          }),
        ),
      ]);
      expect(results.flatMap((result) => result.body.errors ?? [])).toEqual([]);
      const tasks = await project.column('Todo');
      expect(tasks).toHaveLength(25);
      expectStrictlyIncreasing(tasks);
      expect(tasks[0]?.title).toBe('Earlier');
    },
  );

  test('PT-3.9 states added and moved in one project at once get distinct positions where they were placed', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await board(api, user, workspace);
    const added = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.operation<{ createWorkflowState: { id: string } }>(ADD_STATE, {
          token: project.token,
          variables: {
            input: { projectId: project.projectId, name: `Step ${i + 1}`, category: 'STARTED', color: '#3B82F6' },
          },
        }),
      ),
    );
    expect(added.flatMap((result) => result.body.errors ?? [])).toEqual([]);
    const afterAdding = await project.states();
    expectStrictlyIncreasing(afterAdding);
    expect(afterAdding.slice(0, 5).map((state) => state.name)).toEqual([
      'Backlog',
      'Todo',
      'In Progress',
      'Done',
      'Canceled',
    ]);
    const moved = await Promise.all(
      added.map((result) =>
        api.operation(MOVE_STATE, {
          token: project.token,
          variables: {
            input: {
              id: result.body.data?.createWorkflowState.id,
              afterId: project.stateId('Backlog'),
              beforeId: project.stateId('Todo'),
            },
          },
        }),
      ),
    );
    expect(moved.flatMap((result) => result.body.errors ?? [])).toEqual([]);
    const after = await project.states();
    expectStrictlyIncreasing(after);
    expect(after[0]?.name).toBe('Backlog');
    expect(after.slice(11).map((state) => state.name)).toEqual(['Todo', 'In Progress', 'Done', 'Canceled']);
  });
});

describe('columns with tied positions', () => {
  test('PT-3.10 a move next to tasks sharing a position lands between its neighbours and respaces only the tied ones', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await board(api, user, workspace);
    for (const title of ['A', 'B', 'C', 'D', 'E']) await project.createTask(title);
    const before = await project.column('Todo');
    const [a, b, c, d, e] = before;
    // A column corrupted before positions were allocated in turn: B, C and D share one position.
    await api.db.prisma.task.updateMany({
      where: { id: { in: [b, c, d].map((task) => uuid(task?.id ?? '')) } },
      data: { position: b?.position ?? '' },
    });
    const tied = (await project.column('Todo')).slice(1, 4);
    expect(new Set(positions(tied)).size).toBe(1);
    await api.data(MOVE, {
      token: project.token,
      variables: {
        input: { id: e?.id, stateId: project.stateId('Todo'), afterId: tied[0]?.id, beforeId: tied[1]?.id },
      },
    });
    const repaired = await project.column('Todo');
    expectStrictlyIncreasing(repaired);
    expect(titles(repaired)).toEqual(['A', tied[0]?.title, 'E', tied[1]?.title, tied[2]?.title]);
    expect(repaired[0]?.position).toBe(a?.position);

    // Ties again, this time placed by `beforeId` alone.
    await api.db.prisma.task.updateMany({
      where: { id: { in: tied.map((task) => uuid(task.id)) } },
      data: { position: tied[0]?.position ?? '' },
    });
    const tiedAgain = (await project.column('Todo')).filter((task) => task.title !== 'A' && task.title !== 'E');
    await api.data(MOVE, {
      token: project.token,
      variables: { input: { id: a?.id, stateId: project.stateId('Todo'), beforeId: tiedAgain[2]?.id } },
    });
    const again = await project.column('Todo');
    expectStrictlyIncreasing(again);
    expect(titles(again).indexOf('A')).toBe(titles(again).indexOf(tiedAgain[2]?.title ?? '') - 1);
  });

  test('PT-3.10 a state moved next to states sharing a position lands between its neighbours', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await board(api, user, workspace);
    const [backlog, todo, started] = await project.states();
    await api.db.prisma.workflowState.updateMany({
      where: { id: { in: [todo, started].map((state) => uuid(state?.id ?? '')) } },
      data: { position: todo?.position ?? '' },
    });
    const tied = (await project.states()).slice(1, 3);
    await api.data(MOVE_STATE, {
      token: project.token,
      variables: { input: { id: project.stateId('Canceled'), afterId: tied[0]?.id, beforeId: tied[1]?.id } },
    });
    const after = await project.states();
    expectStrictlyIncreasing(after);
    expect(after.map((state) => state.name)).toEqual(['Backlog', tied[0]?.name, 'Canceled', tied[1]?.name, 'Done']);
    expect(after[0]?.position).toBe(backlog?.position);
  });
});
