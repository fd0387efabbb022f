// The load test `npm run bench` runs against a server seeded with `npm run seed`: signs in once as the demo user,
// then measures with autocannon the board of the 500-task project, the filtered task list, createTask and moveTask,
// and reports requests per second and latency percentiles per scenario, and a Markdown table for the README. The
// first response of each scenario must carry no GraphQL errors.
import autocannon from 'autocannon';
import { z } from 'zod';
import { BOARD_PROJECT_KEY, DEMO_WORKSPACE, WRITE_PROJECT_KEY } from './demo-workspace.ts';

export const SCENARIO_IDS = ['board', 'list', 'create', 'move'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const isScenarioId = (value: string): value is ScenarioId => SCENARIO_IDS.some((id) => id === value);

export interface BenchOptions {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  url: string;
  email: string;
  password: string;
  /** Seconds per scenario. */
  duration: number;
  connections: number;
  /** The words the task list searches for. */
  search: string;
  /** The scenarios to run; all when absent. */
  only?: readonly ScenarioId[] | undefined;
}

export interface BenchOutput {
  /** Prints one line. */
  log(line: string): void;
  /** Prints a scenario's result as a table. */
  table(rows: Record<string, string | number>[]): void;
}

export interface Measured {
  id: ScenarioId;
  name: string;
  result: autocannon.Result;
  /** 2xx responses whose body carried GraphQL errors. */
  graphqlErrors: number;
}

/** A refusal to measure: the server is unreachable, the sign-in failed, or the demo data is missing. */
export class BenchError extends Error {
  override name = 'BenchError';
}

const graphQLBody = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() }).loose()).optional(),
});

/** Sends one operation; throws, naming the operation, on a non-2xx status or GraphQL errors. */
async function request<T>(
  endpoint: string,
  name: string,
  shape: z.ZodType<T>,
  body: string,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await response.text();
  const parsed = graphQLBody.safeParse(JSON.parse(text));
  if (!response.ok || !parsed.success || parsed.data.errors) {
    throw new BenchError(`${name} failed (HTTP ${response.status}): ${text.slice(0, 500)}`);
  }
  const data = shape.safeParse(parsed.data.data);
  if (!data.success) throw new BenchError(`${name} returned unexpected data: ${text.slice(0, 500)}`);
  return data.data;
}

const operation = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

// --- Operations -------------------------------------------------------------------------------

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;

const BOARD = `query Board($slug: String!, $key: String!) {
  project(workspaceSlug: $slug, key: $key) {
    id name
    states { id name taskCount tasks(first: 100) {
      nodes { id key title priority assignee { name } labels { name color } commentCount }
    } }
  }
}`;

const TASK_LIST = `query TaskList($slug: String!, $key: String!, $search: String!) {
  project(workspaceSlug: $slug, key: $key) {
    tasks(first: 50, filter: { priorities: [HIGH, URGENT], search: $search }, orderBy: { field: DUE_DATE }) {
      totalCount
      nodes { id key title priority dueDate state { name } assignee { name } labels { name color } }
    }
  }
}`;

const WRITE_TARGETS = `query WriteTargets($slug: String!, $key: String!, $first: Int!) {
  project(workspaceSlug: $slug, key: $key) {
    id
    workspace { labels { id } }
    states { id name tasks(first: $first) { nodes { id } } }
  }
}`;

const CREATE_TASK = `mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id key } }`;
const MOVE_TASK = `mutation MoveTask($input: MoveTaskInput!) { moveTask(input: $input) { id state { name } } }`;

const writeTargets = z.object({
  project: z.object({
    id: z.string(),
    workspace: z.object({ labels: z.array(z.object({ id: z.string() })) }),
    states: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        tasks: z.object({ nodes: z.array(z.object({ id: z.string() })) }),
      }),
    ),
  }),
});

interface Scenario {
  id: ScenarioId;
  name: string;
  /** Requests a connection sends in turn; `taskId` is the task the connection works on. */
  bodies: ((taskId: string) => string)[];
}

// --- Set-up: sign in, find the ids the mutations need -----------------------------------------

async function prepare(endpoint: string, options: BenchOptions) {
  const json = { 'content-type': 'application/json' };
  const { login } = await request(
    endpoint,
    'login',
    z.object({ login: z.object({ accessToken: z.string() }) }),
    operation(LOGIN, { input: { email: options.email, password: options.password } }),
    json,
  );
  const headers = { ...json, authorization: `Bearer ${login.accessToken}` };

  const boardBody = operation(BOARD, { slug: DEMO_WORKSPACE.slug, key: BOARD_PROJECT_KEY });
  const listBody = operation(TASK_LIST, { slug: DEMO_WORKSPACE.slug, key: BOARD_PROJECT_KEY, search: options.search });

  const { project: target } = await request(
    endpoint,
    'write targets',
    writeTargets,
    operation(WRITE_TARGETS, {
      slug: DEMO_WORKSPACE.slug,
      key: WRITE_PROJECT_KEY,
      first: Math.min(options.connections, 100),
    }),
    headers,
  );
  const todo = target.states.find((state) => state.name === 'Todo');
  const inProgress = target.states.find((state) => state.name === 'In Progress');
  const movable = todo?.tasks.nodes.map((task) => task.id) ?? [];
  if (!todo || !inProgress || movable.length === 0) {
    throw new BenchError(`Project ${WRITE_PROJECT_KEY} needs tasks in "Todo" and an "In Progress" state: reseed it.`);
  }
  const createBody = operation(CREATE_TASK, {
    input: {
      projectId: target.id,
      title: 'Benchmark task',
      priority: 'MEDIUM',
      labelIds: target.workspace.labels.slice(0, 2).map((label) => label.id),
    },
  });
  const moveBody = (taskId: string, stateId: string) => operation(MOVE_TASK, { input: { id: taskId, stateId } });

  const scenarios: Scenario[] = [
    { id: 'board', name: `board (${BOARD_PROJECT_KEY}, 5 states × first 100)`, bodies: [() => boardBody] },
    { id: 'list', name: `task list (priorities + search + DUE_DATE order, first 50)`, bodies: [() => listBody] },
    { id: 'create', name: `createTask (${WRITE_PROJECT_KEY})`, bodies: [() => createBody] },
    {
      id: 'move',
      name: `moveTask (Todo ⇄ In Progress, one task per connection)`,
      bodies: [(taskId) => moveBody(taskId, inProgress.id), (taskId) => moveBody(taskId, todo.id)],
    },
  ];
  return { headers, movable, scenarios };
}

// --- Scenarios --------------------------------------------------------------------------------

async function run(
  endpoint: string,
  options: BenchOptions,
  setUp: Awaited<ReturnType<typeof prepare>>,
  scenario: Scenario,
): Promise<Measured> {
  const { headers, movable } = setUp;
  // The first response must be a clean one, or the numbers measure error handling.
  const first = scenario.bodies[0];
  if (!first) throw new BenchError(`${scenario.name} has no request.`);
  await request(endpoint, scenario.name, z.unknown(), first(movable[0] ?? ''), headers);
  // Each connection takes its own task, so moves of one task do not queue behind each other.
  const taskOf = new WeakMap<object, string>();
  let assigned = 0;
  let graphqlErrors = 0;
  const taskFor = (context: object): string => {
    let taskId = taskOf.get(context);
    if (taskId === undefined) {
      taskId = movable[assigned % movable.length] ?? '';
      assigned += 1;
      taskOf.set(context, taskId);
    }
    return taskId;
  };
  const result = await autocannon({
    url: endpoint,
    method: 'POST',
    headers,
    connections: options.connections,
    duration: options.duration,
    requests: scenario.bodies.map((body) => ({
      method: 'POST',
      headers,
      setupRequest: (req, context) => ({ ...req, body: body(taskFor(context)) }),
      onResponse: (_status, responseBody) => {
        if (responseBody.includes('"errors"')) graphqlErrors += 1;
      },
    })),
  });
  return { id: scenario.id, name: scenario.name, result, graphqlErrors };
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** A scenario's result as printed: requests per second and latency percentiles. */
export function resultRow({ name, result, graphqlErrors }: Measured): Record<string, string | number> {
  return {
    scenario: name,
    'req/s': Math.round(result.requests.average),
    p50: ms(result.latency.p50),
    p90: ms(result.latency.p90),
    p99: ms(result.latency.p99),
    max: ms(result.latency.max),
    requests: result.requests.total,
    'errors / non-2xx / GraphQL errors': `${result.errors} / ${result.non2xx} / ${graphqlErrors}`,
  };
}

/** The scenarios in which some request failed (a connection error, a non-2xx status or GraphQL errors). */
export function failedScenarios(measured: readonly Measured[]): Measured[] {
  return measured.filter((m) => m.result.errors + m.result.non2xx + m.graphqlErrors > 0);
}

/**
 * Runs the selected scenarios one after the other against the server at `options.url`, printing each result as
 * it comes and a Markdown table at the end. Throws BenchError when it cannot measure.
 */
export async function runBenchmark(options: BenchOptions, output: BenchOutput): Promise<Measured[]> {
  const endpoint = new URL('/graphql', options.url).href;
  const setUp = await prepare(endpoint, options);
  const selected = setUp.scenarios.filter((scenario) => !options.only || options.only.includes(scenario.id));
  output.log(`Benchmarking ${endpoint}: ${options.connections} connections, ${options.duration} s per scenario.`);
  const measured: Measured[] = [];
  for (const scenario of selected) {
    output.log(`\n${scenario.name}…`);
    const outcome = await run(endpoint, options, setUp, scenario);
    measured.push(outcome);
    output.table([resultRow(outcome)]);
  }

  const rows = measured.map(resultRow);
  const columns = Object.keys(rows[0] ?? {});
  output.log('\nMarkdown:\n');
  output.log(`| ${columns.join(' | ')} |`);
  output.log(`| ${columns.map(() => '---').join(' | ')} |`);
  for (const line of rows) output.log(`| ${Object.values(line).join(' | ')} |`);
  return measured;
}
