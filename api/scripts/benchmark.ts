// The load `npm run bench` puts on a server seeded with the demo workspace: signs in as the demo user, then measures
// with autocannon the board of the 500-task project, the filtered task list, createTask and moveTask. runBenchmark
// measures a server that is already running and reports requests per second and latency percentiles per scenario,
// and a Markdown table for the README; bench-comparison.ts runs the same scenarios against Yello and the plain
// baseline in turn. The first response of each scenario must carry no GraphQL errors.
import autocannon from 'autocannon';
import { z } from 'zod';
import { BOARD, CREATE_TASK, LOGIN, MOVE_TASK, operation, TASK_LIST, WRITE_TARGETS } from './bench-documents.ts';
import { BOARD_PROJECT_KEY, DEMO_WORKSPACE, WRITE_PROJECT_KEY } from './demo-workspace.ts';

export const SCENARIO_IDS = ['board', 'list', 'create', 'move'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const isScenarioId = (value: string): value is ScenarioId => SCENARIO_IDS.some((id) => id === value);

export interface LoadOptions {
  /** Seconds per run. */
  duration: number;
  connections: number;
}

export interface WorkloadOptions {
  email: string;
  password: string;
  connections: number;
  /** The words the task list searches for. */
  search: string;
}

export interface BenchOptions extends WorkloadOptions, LoadOptions {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  url: string;
  /** The scenarios to run; all when absent. */
  only?: readonly ScenarioId[] | undefined;
}

export interface BenchOutput {
  /** Prints one line. */
  log(line: string): void;
  /** Prints a scenario's result as a table. */
  table(rows: Record<string, string | number>[]): void;
}

export interface Loaded {
  result: autocannon.Result;
  /** 2xx responses whose body carried GraphQL errors. */
  graphqlErrors: number;
}

export interface Measured extends Loaded {
  id: ScenarioId;
  name: string;
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
export async function request<T>(
  endpoint: string,
  name: string,
  shape: z.ZodType<T>,
  body: string,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: ReturnType<typeof graphQLBody.safeParse> | undefined;
  try {
    parsed = graphQLBody.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!response.ok || !parsed?.success || parsed.data.errors) {
    throw new BenchError(`${name} failed (HTTP ${response.status}): ${text.slice(0, 500)}`);
  }
  const data = shape.safeParse(parsed.data.data);
  if (!data.success) throw new BenchError(`${name} returned unexpected data: ${text.slice(0, 500)}`);
  return data.data;
}

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

export interface Scenario {
  id: ScenarioId;
  name: string;
  /** Whether the plain baseline answers it (everything but createTask). */
  baseline: boolean;
  /** The body of a connection's next request; `taskId` is the task the connection works on. */
  body(taskId: string): string;
}

/** What the scenarios send, found once through Yello: the signed-in headers and the ids the mutations need. */
export interface Workload {
  /** JSON with the demo user's bearer token; signIn() replaces the token. */
  readonly headers: Record<string, string>;
  /** Tasks of the write project's Todo column, one per connection: moveTask takes each to and fro. */
  readonly movable: readonly string[];
  /** The write project's Todo and In Progress states. */
  readonly states: { readonly todo: string; readonly inProgress: string };
  readonly scenarios: readonly Scenario[];
  /** Signs in again (an access token lasts 15 minutes). */
  signIn(): Promise<void>;
}

/** Signs in as the demo user and finds the ids the mutations need. */
export async function prepareWorkload(endpoint: string, options: WorkloadOptions): Promise<Workload> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signIn = async () => {
    const { login } = await request(
      endpoint,
      'login',
      z.object({ login: z.object({ accessToken: z.string() }) }),
      operation(LOGIN, { input: { email: options.email, password: options.password } }),
      { 'content-type': 'application/json' },
    );
    headers.authorization = `Bearer ${login.accessToken}`;
  };
  await signIn();

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
  // Each task goes to In Progress and back in turn, whichever server moved it last, across runs.
  const inProgressNow = new Set<string>();
  const moveBody = (taskId: string) => {
    const stateId = inProgressNow.has(taskId) ? todo.id : inProgress.id;
    if (stateId === inProgress.id) inProgressNow.add(taskId);
    else inProgressNow.delete(taskId);
    return operation(MOVE_TASK, { input: { id: taskId, stateId } });
  };

  const scenarios: Scenario[] = [
    {
      id: 'board',
      name: `board (${BOARD_PROJECT_KEY}, 5 states × first 100)`,
      baseline: true,
      body: () => boardBody,
    },
    {
      id: 'list',
      name: `task list (priorities + search + DUE_DATE order, first 50)`,
      baseline: true,
      body: () => listBody,
    },
    { id: 'create', name: `createTask (${WRITE_PROJECT_KEY})`, baseline: false, body: () => createBody },
    {
      id: 'move',
      name: `moveTask (Todo ⇄ In Progress, one task per connection)`,
      baseline: true,
      body: moveBody,
    },
  ];
  return { headers, movable, states: { todo: todo.id, inProgress: inProgress.id }, scenarios, signIn };
}

/** Sends a scenario's request once: it must succeed without GraphQL errors, or the numbers measure error handling. */
export async function sendFirst(endpoint: string, workload: Workload, scenario: Scenario): Promise<void> {
  await request(endpoint, scenario.name, z.unknown(), scenario.body(workload.movable[0] ?? ''), workload.headers);
}

/** Puts the scenario's load on the endpoint for `duration` seconds. */
export async function load(
  endpoint: string,
  workload: Workload,
  scenario: Scenario,
  options: LoadOptions,
): Promise<Loaded> {
  const { headers, movable } = workload;
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
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (req, context) => ({ ...req, body: scenario.body(taskFor(context)) }),
        onResponse: (_status, responseBody) => {
          if (responseBody.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  return { result, graphqlErrors };
}

export const ms = (value: number): string => `${Math.round(value)} ms`;

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

/** Failed requests of a run: connection errors, non-2xx statuses and GraphQL errors. */
export const failures = ({ result, graphqlErrors }: Loaded): number => result.errors + result.non2xx + graphqlErrors;

/** The scenarios in which some request failed (a connection error, a non-2xx status or GraphQL errors). */
export function failedScenarios(measured: readonly Measured[]): Measured[] {
  return measured.filter((m) => failures(m) > 0);
}

/** Prints rows as a Markdown table. */
export function printMarkdown(output: BenchOutput, rows: readonly Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  output.log('\nMarkdown:\n');
  output.log(`| ${columns.join(' | ')} |`);
  output.log(`| ${columns.map(() => '---').join(' | ')} |`);
  for (const line of rows) output.log(`| ${Object.values(line).join(' | ')} |`);
}

/**
 * Runs the selected scenarios one after the other against the server at `options.url`, printing each result as
 * it comes and a Markdown table at the end. Throws BenchError when it cannot measure.
 */
export async function runBenchmark(options: BenchOptions, output: BenchOutput): Promise<Measured[]> {
  const endpoint = new URL('/graphql', options.url).href;
  const workload = await prepareWorkload(endpoint, options);
  const selected = workload.scenarios.filter((scenario) => !options.only || options.only.includes(scenario.id));
  output.log(`Benchmarking ${endpoint}: ${options.connections} connections, ${options.duration} s per scenario.`);
  const measured: Measured[] = [];
  for (const scenario of selected) {
    output.log(`\n${scenario.name}…`);
    await sendFirst(endpoint, workload, scenario);
    const outcome: Measured = {
      id: scenario.id,
      name: scenario.name,
      ...(await load(endpoint, workload, scenario, options)),
    };
    measured.push(outcome);
    output.table([resultRow(outcome)]);
  }
  printMarkdown(output, measured.map(resultRow));
  return measured;
}
