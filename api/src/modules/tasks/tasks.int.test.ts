import { describe, expect, test } from '../../../test/fixtures.ts';
import { uuid } from '../../../test/global-ids.ts';
import { errorCodes, type TestApi, type TestWorkspace } from '../../../test/test-api.ts';

const PROJECT = `mutation($input: CreateProjectInput!) {
  createProject(input: $input) { id key states { id name category } }
}`;
const CREATE = `mutation($input: CreateTaskInput!) {
  createTask(input: $input) { id key number title priority position state { name } completedAt }
}`;
const UPDATE =
  'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { title priority dueDate assignee { name } labels { name } } }';
const MOVE = 'mutation($input: MoveTaskInput!) { moveTask(input: $input) { key state { name } completedAt } }';

type State = { id: string; name: string; category: string };
type Project = { id: string; key: string; states: State[] };
type CreatedTask = {
  id: string;
  key: string;
  number: number;
  title: string;
  position: string;
  completedAt: string | null;
};

async function setUp(api: TestApi, token: string, workspace: TestWorkspace, key = 'YEL'): Promise<Project> {
  const { createProject } = await api.data<{ createProject: Project }>(PROJECT, {
    token,
    variables: { input: { workspaceId: workspace.id, name: 'Yello', key } },
  });
  return createProject;
}

const stateNamed = (project: Project, name: string) => project.states.find((state) => state.name === name)?.id ?? '';

describe('projects', () => {
  test('PT-1.1 a new project has the default states; PT-1.2 keys are unique in the workspace', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    expect(project.states.map((state) => [state.name, state.category])).toEqual([
      ['Backlog', 'BACKLOG'],
      ['Todo', 'UNSTARTED'],
      ['In Progress', 'STARTED'],
      ['Done', 'COMPLETED'],
      ['Canceled', 'CANCELED'],
    ]);
    const again = await api.operation(PROJECT, {
      token: user.accessToken,
      variables: { input: { workspaceId: workspace.id, name: 'Copy', key: 'yel' } },
    });
    expect(errorCodes(again.body)).toEqual(['CONFLICT']);
    expect(again.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'key']);
  });
});

describe('tasks', () => {
  test('PT-3.1 numbers tasks per project without gaps or duplicates, also when created at once', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.data<{ createTask: CreatedTask & { state: { name: string } } }>(CREATE, {
          token: user.accessToken,
          variables: { input: { projectId: project.id, title: `Task ${i}` } },
        }),
      ),
    );
    expect(created.map((result) => result.createTask.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(created.map((result) => result.createTask.key)).size).toBe(8);
    expect(created.every((result) => result.createTask.state.name === 'Todo')).toBe(true);
  });

  test('PT-3.2 changes only the fields given; null clears', async ({ api, user, workspace }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const { createTask } = await api.data<{ createTask: CreatedTask }>(CREATE, {
      token: user.accessToken,
      variables: { input: { projectId: project.id, title: 'Write docs', priority: 'HIGH', dueDate: '2026-12-24' } },
    });
    const first = await api.data<{ updateTask: Record<string, unknown> }>(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: createTask.id, title: 'Write the docs' } },
    });
    expect(first.updateTask).toMatchObject({ title: 'Write the docs', priority: 'HIGH', dueDate: '2026-12-24' });
    const second = await api.data<{ updateTask: Record<string, unknown> }>(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: createTask.id, dueDate: null, priority: 'LOW' } },
    });
    expect(second.updateTask).toMatchObject({ title: 'Write the docs', priority: 'LOW', dueDate: null });
  });

  test('PT-3.3, PT-3.4 moves between neighbours and across states; completion time follows the state', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const make = async (title: string) =>
      (
        await api.data<{ createTask: CreatedTask }>(CREATE, {
          token: user.accessToken,
          variables: { input: { projectId: project.id, title } },
        })
      ).createTask;
    const [a, b, c] = [await make('A'), await make('B'), await make('C')];
    const todo = stateNamed(project, 'Todo');
    await api.data(MOVE, {
      token: user.accessToken,
      variables: { input: { id: c?.id, stateId: todo, afterId: a?.id } },
    });
    const column = await api.data<{ project: { tasks: { nodes: { title: string }[] } } }>(
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { tasks { nodes { title } } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: project.key } },
    );
    expect(column.project.tasks.nodes.map((task) => task.title)).toEqual(['A', 'C', 'B']);
    // A stale or contradictory pair of neighbours: afterId decides, and no two tasks share a position.
    const placed = async (afterId: string | undefined, beforeId: string | undefined) => {
      await api.data(MOVE, {
        token: user.accessToken,
        variables: { input: { id: a?.id, stateId: todo, afterId, beforeId } },
      });
      const nodes = (
        await api.data<{ project: { tasks: { nodes: { title: string; position: string }[] } } }>(
          'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { tasks { nodes { title position } } } }',
          { token: user.accessToken, variables: { slug: workspace.slug, key: project.key } },
        )
      ).project.tasks.nodes;
      expect(new Set(nodes.map((task) => task.position)).size).toBe(nodes.length);
      return nodes.map((task) => task.title);
    };
    expect(await placed(b?.id, c?.id)).toEqual(['C', 'B', 'A']);
    expect(await placed(c?.id, c?.id)).toEqual(['C', 'A', 'B']);
    const done = await api.data<{ moveTask: { state: { name: string }; completedAt: string | null } }>(MOVE, {
      token: user.accessToken,
      variables: { input: { id: b?.id, stateId: stateNamed(project, 'Done') } },
    });
    expect(done.moveTask.state.name).toBe('Done');
    expect(done.moveTask.completedAt).not.toBeNull();
    const reopened = await api.data<{ moveTask: { completedAt: string | null } }>(MOVE, {
      token: user.accessToken,
      variables: { input: { id: b?.id, stateId: todo } },
    });
    expect(reopened.moveTask.completedAt).toBeNull();
  });

  test('PT-3.5 references outside the project or workspace are bad input and write nothing', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const other = await setUp(api, user.accessToken, workspace, 'OTH');
    const stranger = await api.signUp();
    const tasksBefore = await api.db.prisma.task.count();
    const foreignState = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { projectId: project.id, title: 'X', stateId: stateNamed(other, 'Todo') } },
    });
    expect(foreignState.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'stateId']);
    const foreignAssignee = await api.operation(CREATE, {
      token: user.accessToken,
      variables: { input: { projectId: project.id, title: 'X', assigneeId: stranger.id } },
    });
    expect(foreignAssignee.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'assigneeId']);
    expect(await api.db.prisma.task.count()).toBe(tasksBefore);
  });

  test('PT-3.6 finds a task by key, case-insensitively; PT-6.1 records its history', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const { createTask } = await api.data<{ createTask: CreatedTask }>(CREATE, {
      token: user.accessToken,
      variables: { input: { projectId: project.id, title: 'Track me' } },
    });
    await api.data(UPDATE, {
      token: user.accessToken,
      variables: { input: { id: createTask.id, title: 'Tracked', priority: 'URGENT' } },
    });
    const found = await api.data<{
      task: {
        title: string;
        activity: { nodes: { kind: string; field: string | null; from: string | null; to: string | null }[] };
      };
    }>(
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { title activity { nodes { kind field from to } } } }',
      {
        token: user.accessToken,
        variables: { slug: workspace.slug, key: createTask.key.toLowerCase() },
      },
    );
    expect(found.task.title).toBe('Tracked');
    expect(found.task.activity.nodes).toEqual([
      { kind: 'CREATED', field: null, from: null, to: null },
      { kind: 'CHANGED', field: 'title', from: '"Track me"', to: '"Tracked"' },
      { kind: 'CHANGED', field: 'priority', from: '"NONE"', to: '"URGENT"' },
    ]);
  });
});

describe('task lists', () => {
  test('PT-4.1 filters combine and orderings apply', async ({ api, user, workspace }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const { createLabel } = await api.data<{ createLabel: { id: string } }>(
      'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }',
      { token: user.accessToken, variables: { input: { workspaceId: workspace.id, name: 'bug', color: '#EF4444' } } },
    );
    const tasks: Record<string, unknown>[] = [
      {
        title: 'Login button broken',
        priority: 'URGENT',
        labelIds: [createLabel.id],
        assigneeId: user.id,
        dueDate: '2026-12-01',
      },
      { title: 'Write onboarding docs', priority: 'LOW', description: 'Explain the LOGIN flow' },
      { title: 'Reach 100% coverage', priority: 'NONE', stateId: stateNamed(project, 'Backlog') },
      {
        title: 'Refactor billing',
        priority: 'HIGH',
        dueDate: '2027-01-15',
        stateId: stateNamed(project, 'In Progress'),
      },
    ];
    for (const input of tasks) {
      await api.data(CREATE, { token: user.accessToken, variables: { input: { projectId: project.id, ...input } } });
    }
    const LIST = `query($slug: String!, $key: String!, $filter: TaskFilter, $orderBy: TaskOrder) {
      project(workspaceSlug: $slug, key: $key) { tasks(filter: $filter, orderBy: $orderBy) { totalCount nodes { title } } }
    }`;
    const titles = async (filter: Record<string, unknown>, orderBy?: Record<string, string>) =>
      (
        await api.data<{ project: { tasks: { nodes: { title: string }[] } } }>(LIST, {
          token: user.accessToken,
          variables: { slug: workspace.slug, key: project.key, filter, orderBy },
        })
      ).project.tasks.nodes.map((task) => task.title);
    expect(await titles({ search: 'login' })).toEqual(['Login button broken', 'Write onboarding docs']);
    expect(await titles({ search: '%' })).toEqual(['Reach 100% coverage']);
    expect(await titles({ search: '_' })).toEqual([]);
    expect(await titles({ unassigned: true, priorities: ['HIGH', 'URGENT'] })).toEqual(['Refactor billing']);
    expect(await titles({ labelIds: [createLabel.id] })).toEqual(['Login button broken']);
    expect(await titles({ stateCategories: ['STARTED'] })).toEqual(['Refactor billing']);
    expect(await titles({ dueBefore: '2027-01-01' })).toEqual(['Login button broken']);
    expect(await titles({}, { field: 'PRIORITY', direction: 'DESC' })).toEqual([
      'Login button broken',
      'Refactor billing',
      'Write onboarding docs',
      'Reach 100% coverage',
    ]);
  });

  test('AUTH-13.12 a search longer than 200 characters is BAD_USER_INPUT at filter.search, and no search SQL is sent', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const long = 'x'.repeat(200);
    await api.data(CREATE, {
      token: user.accessToken,
      variables: { input: { projectId: project.id, title: 'Long description', description: `a ${long} b` } },
    });
    const LIST = `query($slug: String!, $key: String!, $search: String) {
      project(workspaceSlug: $slug, key: $key) { tasks(filter: { search: $search }) { nodes { title } } }
    }`;
    const list = (search: string) =>
      api.operation<{ project: { tasks: { nodes: { title: string }[] } } | null }>(LIST, {
        token: user.accessToken,
        variables: { slug: workspace.slug, key: project.key, search },
      });

    const searches = () => api.db.statements.filter((sql) => /\bi?like\b/i.test(sql));
    api.db.statements.length = 0;
    const allowed = await list(`  ${long}  `);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.project?.tasks.nodes.map((task) => task.title)).toEqual(['Long description']);
    expect(searches()).not.toEqual([]);

    api.db.statements.length = 0;
    const refused = await list(`${long}y`);
    expect(refused.status).toBe(200);
    expect(errorCodes(refused.body)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['filter', 'search'], message: 'Search for at most 200 characters.' },
    ]);
    expect(searches()).toEqual([]);
  });
});

describe('the board', () => {
  test('PT-4.3 the board query issues the same number of SQL statements for 5 and for 500 tasks', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const label = await api.data<{ createLabel: { id: string } }>(
      'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }',
      { token: user.accessToken, variables: { input: { workspaceId: workspace.id, name: 'bug', color: '#EF4444' } } },
    );
    const userId = (await api.db.prisma.user.findFirstOrThrow({ where: { email: user.email } })).id;
    const addTasks = async (count: number, offset: number) => {
      const dbProject = await api.db.prisma.project.findFirstOrThrow({
        where: { key: project.key, workspace: { slug: workspace.slug } },
      });
      const states = await api.db.prisma.workflowState.findMany({ where: { projectId: dbProject.id } });
      for (let i = 0; i < count; i += 1) {
        const state = states[i % states.length];
        await api.db.prisma.task.create({
          data: {
            workspaceId: dbProject.workspaceId,
            projectId: dbProject.id,
            number: offset + i + 1,
            title: `Task ${offset + i}`,
            stateId: state?.id ?? '',
            position: `a${String(offset + i).padStart(4, '0')}`,
            assigneeId: userId,
            labels: { connect: [{ id: uuid(label.createLabel.id) }] },
            comments: { create: [{ body: 'hi', authorId: userId }] },
          },
        });
      }
    };
    const BOARD = `query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) {
      states { id name tasks(first: 100) { totalCount nodes { key title priority assignee { name } labels { name color } commentCount } } }
    } }`;
    // What executing the board reads: with the cache, the second read would be answered from it (the tasks are
    // written beside the event log).
    const statements = async () => {
      api.db.statements.length = 0;
      const result = await api.uncached.operation(BOARD, {
        token: user.accessToken,
        variables: { slug: workspace.slug, key: project.key },
      });
      expect(result.body.errors).toBeUndefined();
      return api.db.statements.length;
    };
    await addTasks(5, 0);
    const few = await statements();
    await addTasks(495, 5);
    const many = await statements();
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(12);
  });
});

describe('a filtered board', () => {
  test('WEB-7.1 WorkflowState.tasks(filter:) returns the column’s matching tasks in board order, paged, counted by totalCount, in as many statements as without a filter', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await setUp(api, user.accessToken, workspace);
    const todo = stateNamed(project, 'Todo');
    const doing = stateNamed(project, 'In Progress');
    const { createLabel } = await api.data<{ createLabel: { id: string } }>(
      'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }',
      { token: user.accessToken, variables: { input: { workspaceId: workspace.id, name: 'bug', color: '#EF4444' } } },
    );
    const bug = createLabel.id;
    const inputs: Record<string, unknown>[] = [
      { title: 'Fix the login', priority: 'URGENT', labelIds: [bug], assigneeId: user.id },
      { title: 'Write the docs', priority: 'LOW' },
      { title: 'Fix the logout', priority: 'HIGH', labelIds: [bug] },
      { title: 'Fix the signup', priority: 'URGENT', assigneeId: user.id },
      { title: 'Plan the launch', priority: 'URGENT', labelIds: [bug] },
      { title: 'Fix the build', priority: 'URGENT', labelIds: [bug], stateId: doing },
      { title: 'Tidy the backlog', priority: 'NONE', stateId: doing },
    ];
    const ids: Record<string, string> = {};
    for (const input of inputs) {
      const { createTask } = await api.data<{ createTask: CreatedTask }>(CREATE, {
        token: user.accessToken,
        variables: { input: { projectId: project.id, ...input } },
      });
      ids[createTask.title] = createTask.id;
    }
    // Board order is not creation order: "Fix the signup" goes to the top of Todo.
    await api.data(MOVE, {
      token: user.accessToken,
      variables: { input: { id: ids['Fix the signup'], stateId: todo, beforeId: ids['Fix the login'] } },
    });

    const BOARD = `query($slug: String!, $key: String!, $filter: TaskFilter) { project(workspaceSlug: $slug, key: $key) {
      states { id name taskCount tasks(first: 2, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } nodes { title priority assignee { name } labels { name } }
      } }
    } }`;
    type Column = {
      id: string;
      name: string;
      taskCount: number;
      tasks: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { title: string }[];
      };
    };
    const board = async (filter?: Record<string, unknown>) => {
      api.db.statements.length = 0;
      const result = await api.operation<{ project: { states: Column[] } }>(BOARD, {
        token: user.accessToken,
        variables: { slug: workspace.slug, key: project.key, ...(filter ? { filter } : {}) },
      });
      expect(result.body.errors).toBeUndefined();
      const states = result.body.data?.project.states ?? [];
      const column = (name: string) => states.find((state) => state.name === name);
      return { column, statements: api.db.statements.length };
    };
    const PAGE = `query($id: ID!, $after: String, $filter: TaskFilter) { node(id: $id) { ... on WorkflowState {
      tasks(first: 2, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { title } }
    } } }`;
    const page = async (after: string | null, filter?: Record<string, unknown>) => {
      api.db.statements.length = 0;
      const result = await api.operation<{ node: { tasks: Column['tasks'] } }>(PAGE, {
        token: user.accessToken,
        variables: { id: todo, after, ...(filter ? { filter } : {}) },
      });
      expect(result.body.errors).toBeUndefined();
      return { tasks: result.body.data?.node.tasks, statements: api.db.statements.length };
    };
    const titles = (column: Column | undefined) => column?.tasks.nodes.map((task) => task.title);

    const unfiltered = await board();
    expect(titles(unfiltered.column('Todo'))).toEqual(['Fix the signup', 'Fix the login']);
    expect(unfiltered.column('Todo')?.tasks.totalCount).toBe(5);
    expect(unfiltered.statements).toBeGreaterThan(0);

    // Urgent bugs: two in Todo (in board order, over two pages), one in In Progress; the state's own count stays.
    const urgentBugs = { priorities: ['URGENT'], labelIds: [bug] };
    const filtered = await board(urgentBugs);
    expect(titles(filtered.column('Todo'))).toEqual(['Fix the login', 'Plan the launch']);
    expect(filtered.column('Todo')?.tasks).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(filtered.column('Todo')?.taskCount).toBe(5);
    expect(titles(filtered.column('In Progress'))).toEqual(['Fix the build']);
    expect(filtered.column('In Progress')?.tasks.totalCount).toBe(1);
    expect(filtered.column('Done')?.tasks).toMatchObject({ totalCount: 0, nodes: [] });
    expect(filtered.statements).toBe(unfiltered.statements);

    // A search, an assignee and "unassigned": each as Project.tasks reads it.
    const fixes = await board({ search: 'fix' });
    expect(titles(fixes.column('Todo'))).toEqual(['Fix the signup', 'Fix the login']);
    expect(fixes.column('Todo')?.tasks).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(fixes.statements).toBe(unfiltered.statements);
    const mine = await board({ assigneeIds: [user.id] });
    expect(titles(mine.column('Todo'))).toEqual(['Fix the signup', 'Fix the login']);
    expect(mine.column('In Progress')?.tasks.totalCount).toBe(0);
    const nobodys = await board({ unassigned: true, priorities: ['LOW', 'NONE'] });
    expect(titles(nobodys.column('Todo'))).toEqual(['Write the docs']);
    expect(titles(nobodys.column('In Progress'))).toEqual(['Tidy the backlog']);
    // A state condition holds too: another state's column has none of its tasks.
    const onlyDoing = await board({ stateIds: [doing] });
    expect(onlyDoing.column('Todo')?.tasks.totalCount).toBe(0);
    expect(onlyDoing.column('In Progress')?.tasks.totalCount).toBe(2);

    // The column's next page (the board's "more" query) pages through the matches alone, in as many statements.
    const first = await page(null, { search: 'fix' });
    const second = await page(first.tasks?.pageInfo.endCursor ?? null, { search: 'fix' });
    expect(second.tasks).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: false },
      nodes: [{ title: 'Fix the logout' }],
    });
    const plainSecond = await page((await page(null)).tasks?.pageInfo.endCursor ?? null);
    expect(plainSecond.tasks?.nodes.map((task) => task.title)).toEqual(['Write the docs', 'Fix the logout']);
    expect(second.statements).toBe(plainSecond.statements);

    // Refused as in the list: a search over 20 words.
    const tooLong = await api.operation(BOARD, {
      token: user.accessToken,
      variables: { slug: workspace.slug, key: project.key, filter: { search: 'a '.repeat(21) } },
    });
    expect(errorCodes(tooLong.body)).toEqual(['BAD_USER_INPUT']);
  });
});
