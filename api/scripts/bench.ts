// npm run bench [-- --url http://127.0.0.1:3000 --password … --duration 10 --connections 10 --only board …]:
// load-tests a running server seeded with `npm run seed`. Signs in once as the demo user, then
// measures with autocannon: the board of the 500-task project, the filtered task list, createTask
// and moveTask. Prints requests per second and latency percentiles per scenario, and a Markdown
// table for the README. The first response of each scenario must carry no GraphQL errors.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { z } from 'zod';
import {
  BOARD_PROJECT_KEY,
  DEMO_EMAIL,
  DEMO_PASSWORD_VARIABLE,
  DEMO_WORKSPACE,
  WRITE_PROJECT_KEY,
} from './demo-workspace.ts';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    email: { type: 'string', default: DEMO_EMAIL },
    password: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    search: { type: 'string', default: 'login' },
    /** Scenario ids to run (board, list, create, move); all when absent. */
    only: { type: 'string', multiple: true },
  },
});

const endpoint = new URL('/graphql', options.url).href;
const duration = Number(options.duration);
const connections = Number(options.connections);
const password = options.password ?? process.env[DEMO_PASSWORD_VARIABLE];
if (!password) {
  console.error(`Give the demo user's password (printed by npm run seed): --password or ${DEMO_PASSWORD_VARIABLE}.`);
  process.exit(1);
}
if (!(duration > 0 && Number.isInteger(connections) && connections > 0)) {
  console.error('--duration must be a positive number of seconds and --connections a positive integer.');
  process.exit(1);
}

class BenchError extends Error {
  override name = 'BenchError';
}

const graphQLBody = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() }).loose()).optional(),
});

/** Sends one operation; throws, naming the operation, on a non-2xx status or GraphQL errors. */
async function request<T>(
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

// --- Set-up: sign in, find the ids the mutations need -----------------------------------------

const json = { 'content-type': 'application/json' };
const { login } = await request(
  'login',
  z.object({ login: z.object({ accessToken: z.string() }) }),
  operation(LOGIN, { input: { email: options.email, password } }),
  json,
);
const headers = { ...json, authorization: `Bearer ${login.accessToken}` };

const boardBody = operation(BOARD, { slug: DEMO_WORKSPACE.slug, key: BOARD_PROJECT_KEY });
const listBody = operation(TASK_LIST, { slug: DEMO_WORKSPACE.slug, key: BOARD_PROJECT_KEY, search: options.search });

const { project: target } = await request(
  'write targets',
  z.object({
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
  }),
  operation(WRITE_TARGETS, { slug: DEMO_WORKSPACE.slug, key: WRITE_PROJECT_KEY, first: Math.min(connections, 100) }),
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

// --- Scenarios --------------------------------------------------------------------------------

interface Scenario {
  /** What `--only` selects it by. */
  id: 'board' | 'list' | 'create' | 'move';
  name: string;
  /** Requests a connection sends in turn; `taskId` is the task the connection works on. */
  bodies: ((taskId: string) => string)[];
}

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

interface Measured {
  name: string;
  result: autocannon.Result;
  /** 2xx responses whose body carried GraphQL errors. */
  graphqlErrors: number;
}

async function run(scenario: Scenario): Promise<Measured> {
  // The first response must be a clean one, or the numbers measure error handling.
  const first = scenario.bodies[0];
  if (!first) throw new BenchError(`${scenario.name} has no request.`);
  await request(scenario.name, z.unknown(), first(movable[0] ?? ''), headers);
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
    connections,
    duration,
    requests: scenario.bodies.map((body) => ({
      method: 'POST',
      headers,
      setupRequest: (req, context) => ({ ...req, body: body(taskFor(context)) }),
      onResponse: (_status, responseBody) => {
        if (responseBody.includes('"errors"')) graphqlErrors += 1;
      },
    })),
  });
  return { name: scenario.name, result, graphqlErrors };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const row = ({ name, result, graphqlErrors }: Measured) => ({
  scenario: name,
  'req/s': Math.round(result.requests.average),
  p50: ms(result.latency.p50),
  p90: ms(result.latency.p90),
  p99: ms(result.latency.p99),
  max: ms(result.latency.max),
  requests: result.requests.total,
  'errors / non-2xx / GraphQL errors': `${result.errors} / ${result.non2xx} / ${graphqlErrors}`,
});

const selected = scenarios.filter((scenario) => !options.only || options.only.includes(scenario.id));
if (selected.length === 0) {
  console.error(`--only takes one or more of: ${scenarios.map((scenario) => scenario.id).join(', ')}.`);
  process.exit(1);
}

console.log(`Benchmarking ${endpoint}: ${connections} connections, ${duration} s per scenario.`);
const measured: Measured[] = [];
try {
  for (const scenario of selected) {
    process.stdout.write(`\n${scenario.name}…\n`);
    const outcome = await run(scenario);
    measured.push(outcome);
    console.table([row(outcome)]);
  }
} catch (error: unknown) {
  if (!(error instanceof BenchError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const rows = measured.map(row);
const columns = Object.keys(rows[0] ?? {});
console.log('\nMarkdown:\n');
console.log(`| ${columns.join(' | ')} |`);
console.log(`| ${columns.map(() => '---').join(' | ')} |`);
for (const line of rows) console.log(`| ${Object.values(line).join(' | ')} |`);

const failed = measured.filter((m) => m.result.errors + m.result.non2xx + m.graphqlErrors > 0);
if (failed.length > 0) {
  console.error(`\nSome requests failed in: ${failed.map((m) => m.name).join(', ')}.`);
  process.exitCode = 1;
}
