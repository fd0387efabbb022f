// `npm run seed` (projects-and-tasks 7.1): the seed's own code, on a small scale, into the test database. The demo
// user signs in with what the seed printed and finds the workspace, its projects, tasks, comments and history.
import { DEMO_EMAIL, DEMO_WORKSPACE } from '../scripts/demo-workspace.ts';
import { TEAMMATES } from '../scripts/seed-data.ts';
import { DEMO_TEST_PASSWORD, SMALL_DEMO_PROJECTS, seedSmallDemo } from './demo-seed.ts';
import { describe, expect, test } from './fixtures.ts';
import { errorCodes, type TestApi } from './test-api.ts';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const DEMO = `query($slug: String!) {
  workspace(slug: $slug) {
    name viewerRole members { totalCount } labels { id }
    projects { nodes { key taskCount lead { id } states { name taskCount } } }
  }
}`;
const CREATE_TASK = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { key } }';

interface DemoWorkspace {
  name: string;
  viewerRole: string;
  members: { totalCount: number };
  labels: { id: string }[];
  projects: {
    nodes: {
      key: string;
      taskCount: number;
      lead: { id: string } | null;
      states: { name: string; taskCount: number }[];
    }[];
  };
}

/** Seeding takes about a second; the first test also waits for the file's database, slow on a busy machine. */
const SEED_TIMEOUT = 120_000;

const totalTasks = SMALL_DEMO_PROJECTS.reduce((sum, project) => sum + project.tasks, 0);

/** The value printed after `label:` in the seed's report. */
function printed(lines: string[], label: string): string | undefined {
  return lines.map((line) => new RegExp(`^\\s*${label}:\\s+(\\S+)$`).exec(line)?.[1]).find(Boolean);
}

const login = (api: TestApi, email: string | undefined, password: string | undefined) =>
  api.operation<{ login: { accessToken: string } }>(LOGIN, { variables: { input: { email, password } } });

describe('demo seed', () => {
  test('PT-7.1 seeds a demo workspace with projects, tasks, comments and history, showing a progress bar, and prints how to sign in', {
    timeout: SEED_TIMEOUT,
  }, async ({ api, settings }) => {
    const { outcome, output } = await seedSmallDemo(api, settings, { reset: true });
    expect(outcome).toEqual({ seeded: true, people: TEAMMATES.length + 1, projects: 5, tasks: totalTasks });

    const bar = output.progressText();
    expect(bar).toMatch(new RegExp(`Seeding .* 0/${totalTasks} tasks`));
    expect(bar).toMatch(new RegExp(`Seeding .* ${totalTasks}/${totalTasks} tasks \\| OPS`));

    expect(output.lines).toContain('Sign in at http://127.0.0.1:3000');
    const email = printed(output.lines, 'email');
    const password = printed(output.lines, 'password');
    expect(email).toBe(DEMO_EMAIL);
    expect(password).toBe(DEMO_TEST_PASSWORD);
    const signedIn = await login(api, email, password);
    expect(signedIn.body.errors).toBeUndefined();
    const token = signedIn.body.data?.login.accessToken;

    const { workspace } = await api.data<{ workspace: DemoWorkspace }>(DEMO, {
      token,
      variables: { slug: DEMO_WORKSPACE.slug },
    });
    expect(workspace).toMatchObject({ name: DEMO_WORKSPACE.name, viewerRole: 'OWNER' });
    expect(workspace.members.totalCount).toBe(TEAMMATES.length + 1);
    expect(workspace.labels.length).toBeGreaterThan(1);
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(workspace.projects.nodes.map(({ key, taskCount }) => ({ key, tasks: taskCount })).sort(byKey)).toEqual(
      SMALL_DEMO_PROJECTS.map(({ key, tasks }) => ({ key, tasks })).sort(byKey),
    );
    for (const project of workspace.projects.nodes) {
      expect(project.lead).not.toBeNull();
      // Tasks are spread over the board's columns, not all in one.
      expect(project.states.filter((state) => state.taskCount > 0).length).toBeGreaterThan(2);
    }

    const demo = await api.db.prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } });
    const ofDemo = { task: { workspaceId: demo.id } };
    expect(await api.db.prisma.taskActivity.count({ where: { ...ofDemo, kind: 'CREATED' } })).toBe(totalTasks);
    expect(await api.db.prisma.taskActivity.count({ where: { ...ofDemo, kind: 'CHANGED' } })).toBeGreaterThan(0);
    expect(await api.db.prisma.comment.count({ where: ofDemo })).toBeGreaterThan(0);
    expect(await api.db.prisma.task.count({ where: { workspaceId: demo.id, labels: { some: {} } } })).toBeGreaterThan(
      0,
    );

    // Each project's counter follows its seeded tasks: the next task takes the next number.
    const [first] = SMALL_DEMO_PROJECTS;
    const project = await api.db.prisma.project.findFirstOrThrow({ where: { workspaceId: demo.id, key: first?.key } });
    const created = await api.data<{ createTask: { key: string } }>(CREATE_TASK, {
      token,
      variables: {
        input: { projectId: Buffer.from(`Project:${project.id}`).toString('base64'), title: 'After seeding' },
      },
    });
    expect(created.createTask.key).toBe(`${first?.key}-${(first?.tasks ?? 0) + 1}`);
  });

  test('PT-7.1 leaves an existing demo workspace alone and says how to sign in; reset seeds it again with a new password', {
    timeout: SEED_TIMEOUT,
  }, async ({ api, settings }) => {
    await seedSmallDemo(api, settings, { reset: true });
    const tasksBefore = await api.db.prisma.task.count();

    const again = await seedSmallDemo(api, settings, { password: 'a-password-never-used-9' });
    expect(again.outcome).toEqual({ seeded: false });
    expect(again.output.lines.join('\n')).toMatch(/already exists.*nothing to do/);
    expect(again.output.lines.join('\n')).toContain(`Sign in at http://127.0.0.1:3000 as ${DEMO_EMAIL}`);
    expect(await api.db.prisma.task.count()).toBe(tasksBefore);
    expect((await login(api, DEMO_EMAIL, DEMO_TEST_PASSWORD)).body.errors).toBeUndefined();

    const reset = await seedSmallDemo(api, settings, { reset: true, password: 'a-fresh-demo-password-7' });
    expect(reset.outcome).toMatchObject({ seeded: true, tasks: totalTasks });
    expect(reset.output.lines).toContain(`Deleting the workspace "${DEMO_WORKSPACE.slug}"…`);
    expect(await api.db.prisma.task.count()).toBe(tasksBefore);
    expect(errorCodes((await login(api, DEMO_EMAIL, DEMO_TEST_PASSWORD)).body)).toEqual(['UNAUTHENTICATED']);
    expect((await login(api, DEMO_EMAIL, 'a-fresh-demo-password-7')).body.errors).toBeUndefined();
  });
});
