// The limits of a task's fields (projects-and-tasks 3.7), on both ways of writing them: createTask and updateTask.
// A refusal is BAD_USER_INPUT with a field error at the input field, and writes nothing; the limits themselves pass.
import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes, type GraphQLResponseBody, type SignedUpUser, type TestApi } from '../../../test/test-api.ts';

const TASK_FIELDS = 'id title description priority dueDate';
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${TASK_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { ${TASK_FIELDS} } }`;
const TASKS = `query($slug: String!, $key: String!) {
  project(workspaceSlug: $slug, key: $key) { tasks(first: 100) { nodes { ${TASK_FIELDS} } } }
}`;

interface TaskFields {
  id: string;
  title: string;
  description: string;
  priority: string;
  dueDate: string | null;
}

type Mutation = 'createTask' | 'updateTask';
const mutations: readonly Mutation[] = ['createTask', 'updateTask'];

/** A project with one task, and a way to send `fields` through either mutation as its member. */
async function taskWriter(api: TestApi, user: SignedUpUser, mutation: Mutation) {
  const workspace = await api.createWorkspace(user);
  const content = await api.createContent(user, workspace);
  const write = (fields: Record<string, unknown>) =>
    mutation === 'createTask'
      ? api.operation<{ createTask: TaskFields }>(CREATE, {
          token: user.accessToken,
          variables: { input: { projectId: content.projectId, title: 'A valid title', ...fields } },
        })
      : api.operation<{ updateTask: TaskFields }>(UPDATE, {
          token: user.accessToken,
          variables: { input: { id: content.taskId, ...fields } },
        });
  /** What the project's tasks are now, to show a refusal wrote nothing. */
  const tasks = async () =>
    (
      await api.data<{ project: { tasks: { nodes: TaskFields[] } } }>(TASKS, {
        token: user.accessToken,
        variables: { slug: workspace.slug, key: content.projectKey },
      })
    ).project.tasks.nodes;
  /** The task as the mutation returned it. */
  const written = async (fields: Record<string, unknown>): Promise<TaskFields> => {
    const result = await write(fields);
    expect(result.body.errors).toBeUndefined();
    const data = result.body.data;
    const task = data && ('createTask' in data ? data.createTask : data.updateTask);
    if (!task) throw new Error(`${mutation} returned no task: ${JSON.stringify(result.body)}`);
    return task;
  };
  return { write, tasks, written };
}

/** Asserts one BAD_USER_INPUT error whose only field error is at `path`. */
function expectRefusedAt(body: GraphQLResponseBody<unknown>, path: (string | number)[]): void {
  expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
  expect(body.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path)).toEqual([path]);
  expect(body.data ?? null).toBeNull();
}

describe('task field limits', () => {
  test.for(mutations)(
    'PT-3.7 %s takes a title of 1 to 200 characters and refuses an empty, blank or longer one at input.title',
    async (mutation, { api, user }) => {
      const writer = await taskWriter(api, user, mutation);
      expect((await writer.written({ title: 'x' })).title).toBe('x');
      const longest = 'T'.repeat(200);
      expect((await writer.written({ title: longest })).title).toBe(longest);
      const before = await writer.tasks();
      for (const title of ['', '   ', 'T'.repeat(201)]) {
        expectRefusedAt((await writer.write({ title })).body, ['input', 'title']);
      }
      expect(await writer.tasks()).toEqual(before);
    },
  );

  test.for(mutations)(
    'PT-3.7 %s stores a description of 50 000 characters as written and refuses a longer one at input.description',
    async (mutation, { api, user }) => {
      const writer = await taskWriter(api, user, mutation);
      const markdown = '  # Plan\n\n- [ ] *first*\n\n```ts\nconst x = 1;\n```\n';
      const longest = `${markdown}${'a'.repeat(50_000 - markdown.length - 1)}\n`;
      expect(longest).toHaveLength(50_000);
      expect((await writer.written({ description: longest })).description).toBe(longest);
      const before = await writer.tasks();
      expectRefusedAt((await writer.write({ description: `${longest}b` })).body, ['input', 'description']);
      expect(await writer.tasks()).toEqual(before);
    },
  );

  test.for(mutations)(
    'PT-3.7 %s takes every priority of the enum and refuses any other value at input.priority',
    async (mutation, { api, user }) => {
      const writer = await taskWriter(api, user, mutation);
      for (const priority of ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT']) {
        expect((await writer.written({ priority })).priority).toBe(priority);
      }
      const before = await writer.tasks();
      for (const priority of ['SUPER', 'high', '', 3]) {
        expectRefusedAt((await writer.write({ priority })).body, ['input', 'priority']);
      }
      expect(await writer.tasks()).toEqual(before);
    },
  );

  test.for(mutations)(
    'PT-3.7 %s takes due dates as YYYY-MM-DD calendar dates and refuses anything else at input.dueDate',
    async (mutation, { api, user }) => {
      const writer = await taskWriter(api, user, mutation);
      for (const dueDate of ['2028-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) {
        expect((await writer.written({ dueDate })).dueDate).toBe(dueDate);
      }
      const before = await writer.tasks();
      for (const dueDate of [
        '2026-02-29',
        '2026-13-01',
        '2026-1-5',
        '26-01-05',
        '2026-01-05T00:00:00Z',
        '05/01/2026',
        'tomorrow',
        '0000-01-01',
        20260105,
      ]) {
        expectRefusedAt((await writer.write({ dueDate })).body, ['input', 'dueDate']);
      }
      expect(await writer.tasks()).toEqual(before);
    },
  );
});

describe('null in updateTask', () => {
  test.for(['title', 'priority', 'stateId', 'labelIds'])(
    'PT-3.11 null for %s, which cannot be cleared, is refused at the field and changes nothing',
    async (field, { api, user }) => {
      const { write, tasks } = await taskWriter(api, user, 'updateTask');
      const before = await tasks();
      expectRefusedAt((await write({ [field]: null, title: field === 'title' ? null : 'Changed' })).body, [
        'input',
        field,
      ]);
      expect(await tasks()).toEqual(before);
    },
  );

  test('PT-3.11, PT-3.2 null clears the description', async ({ api, user }) => {
    const { written } = await taskWriter(api, user, 'updateTask');
    expect((await written({ description: 'Some words' })).description).toBe('Some words');
    expect((await written({ description: null })).description).toBe('');
  });
});
