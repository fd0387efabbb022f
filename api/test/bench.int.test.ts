// `npm run bench` (projects-and-tasks 7.2): the bench's own code, for a moment per scenario, against the real app
// listening on a port, over the demo workspace seeded (small) by the seed's own code. Not a performance test: it
// proves that every scenario runs under concurrent load without a failed request and reports its numbers.
import { type BenchOutput, failedScenarios, runBenchmark, SCENARIO_IDS } from '../scripts/benchmark.ts';
import { DEMO_EMAIL } from '../scripts/demo-workspace.ts';
import { DEMO_TEST_PASSWORD, seedSmallDemo } from './demo-seed.ts';
import { describe, expect, test } from './fixtures.ts';
import { listen } from './http-server.ts';

/** Seeding and four scenarios of a second each, after the file's database starts: slow on a busy machine. */
const BENCH_TIMEOUT = 120_000;

describe('benchmark', () => {
  test('PT-7.2 measures the board, the filtered list, createTask and moveTask under concurrent load, reporting req/s and latency percentiles', {
    timeout: BENCH_TIMEOUT,
  }, async ({ api, settings, onTestFinished }) => {
    await seedSmallDemo(api, settings, { reset: true });
    const stateChanges = () => api.db.prisma.taskActivity.count({ where: { kind: 'CHANGED', field: 'state' } });
    const stateChangesBefore = await stateChanges();
    const server = await listen(api.app);
    onTestFinished(() => server.close());
    const lines: string[] = [];
    const tables: Record<string, string | number>[] = [];
    const output: BenchOutput = {
      log: (line) => {
        lines.push(line);
      },
      table: (rows) => {
        tables.push(...rows);
      },
    };

    const measured = await runBenchmark(
      {
        url: server.url,
        email: DEMO_EMAIL,
        password: DEMO_TEST_PASSWORD,
        duration: 1,
        connections: 2,
        search: 'login',
      },
      output,
    );

    expect(measured.map((scenario) => scenario.id)).toEqual([...SCENARIO_IDS]);
    expect(failedScenarios(measured)).toEqual([]);
    for (const { result, graphqlErrors } of measured) {
      expect(result.errors).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(graphqlErrors).toBe(0);
      expect(result.requests.total).toBeGreaterThan(0);
      expect(result.requests.average).toBeGreaterThan(0);
      for (const percentile of [result.latency.p50, result.latency.p90, result.latency.p99, result.latency.max]) {
        expect(Number.isFinite(percentile)).toBe(true);
      }
    }
    // The writes happened: tasks were created, and moved between Todo and In Progress.
    expect(await api.db.prisma.task.count({ where: { title: 'Benchmark task' } })).toBeGreaterThan(0);
    expect(await stateChanges()).toBeGreaterThan(stateChangesBefore);

    // What it prints: one row per scenario as it finishes, then the same as a Markdown table.
    expect(tables).toHaveLength(SCENARIO_IDS.length);
    for (const row of tables) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['scenario', 'req/s', 'p50', 'p90', 'p99', 'max']));
      expect(row['req/s']).toEqual(expect.any(Number));
      expect(row.p99).toMatch(/^\d+ ms$/);
      expect(row['errors / non-2xx / GraphQL errors']).toBe('0 / 0 / 0');
    }
    expect(lines[0]).toBe(`Benchmarking ${server.url}/graphql: 2 connections, 1 s per scenario.`);
    const markdown = lines.filter((line) => line.startsWith('| '));
    expect(markdown[0]).toBe(
      '| scenario | req/s | p50 | p90 | p99 | max | requests | errors / non-2xx / GraphQL errors |',
    );
    expect(markdown.slice(2).map((line) => line.split(' | ')[0])).toEqual(
      measured.map((scenario) => `| ${scenario.name}`),
    );
  });
});
