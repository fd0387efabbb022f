// The real entry point on its embedded database, measured from outside like the black-box test of issue 9 (item 10)
// that saw the process grow from ~680 MB to ~1 GB under hostile input and stay there. WebAssembly memory never
// shrinks, and PGlite and Prisma's query compiler each grow theirs to the largest statement they are given: a task
// search of thousands of words (one `ILIKE` pair per word, a few bytes each in the request) was such a statement.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startYelloOnEmbeddedDatabase } from './server-process.ts';
import type { GraphQLResponseBody } from './test-api.ts';

/** The resident memory of process `pid`, in MiB (Linux). */
async function residentMiB(pid: number): Promise<number> {
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kilobytes === undefined) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(kilobytes) / 1024;
}

const LIST = `query($slug: String!, $key: String!, $search: String!) {
  project(workspaceSlug: $slug, key: $key) { tasks(filter: { search: $search }, first: 50) { nodes { id title } } }
}`;

describe('memory under hostile input', () => {
  it('AUTH-13.11 refuses a search of more than 20 words before building SQL, and hostile searches leave the process memory where it was', {
    timeout: 180_000,
  }, async ({ onTestFinished }) => {
    const { server, url } = await startYelloOnEmbeddedDatabase(onTestFinished);
    const pid = server.child.pid;
    if (pid === undefined) throw new Error('The server has no process id.');

    async function graphql<TData>(query: string, variables: Record<string, unknown>, token?: string) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body: GraphQLResponseBody<TData> = await response.json();
      return { status: response.status, body };
    }
    async function data<TData>(query: string, variables: Record<string, unknown>, token?: string): Promise<TData> {
      const { body } = await graphql<TData>(query, variables, token);
      if (!body.data) throw new Error(`Operation failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    }

    const { register } = await data<{ register: { accessToken: string } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      { input: { email: 'memory@example.com', name: 'Memory', password: 'lantern-oyster-quiet-47' } },
    );
    const token = register.accessToken;
    const { createWorkspace } = await data<{ createWorkspace: { id: string; slug: string } }>(
      'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id slug } }',
      { input: { name: 'Memory', slug: 'memory' } },
      token,
    );
    const { createProject } = await data<{ createProject: { id: string; key: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id key } }',
      { input: { workspaceId: createWorkspace.id, name: 'Memory', key: 'MEM' } },
      token,
    );
    await data(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      { input: { projectId: createProject.id, title: 'alpha beta gamma' } },
      token,
    );
    const search = (words: number, word = 'a') => ({
      slug: createWorkspace.slug,
      key: createProject.key,
      search: Array.from({ length: words }, () => word).join(' '),
    });

    // Twenty words are a search; warm up on them so that the baseline holds what ordinary lists need.
    for (let round = 0; round < 5; round += 1) {
      const allowed = await data<{ project: { tasks: { nodes: { title: string }[] } } }>(
        LIST,
        search(20, 'alpha'),
        token,
      );
      expect(allowed.project.tasks.nodes.map((task) => task.title)).toEqual(['alpha beta gamma']);
    }
    const baseline = await residentMiB(pid);

    // Thousands of words (10 to 14 KB of body each, a different count each time), the kind of request that grew it.
    const answers: { status: number; body: GraphQLResponseBody<unknown> }[] = [];
    for (let round = 0; round < 8; round += 1) answers.push(await graphql(LIST, search(5_000 + round * 250), token));
    const growth = (await residentMiB(pid)) - baseline;

    expect(growth, `resident memory grew by ${Math.round(growth)} MiB from ${Math.round(baseline)} MiB`).toBeLessThan(
      64,
    );
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0]?.extensions?.fieldErrors).toEqual([
        { path: ['filter', 'search'], message: 'Search for at most 20 words.' },
      ]);
    }
  });
});
