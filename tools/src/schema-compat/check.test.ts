// The schema compatibility check on real git repositories in a temporary folder, with commit
// dates set relative to an injected today.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchemaCompat, reportSchemaCompat } from './check.ts';

const TODAY = new Date('2027-06-01T12:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

let dir = '';
let repositories = 0;

const git = (cwd: string, date: Date, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    stdio: 'pipe',
    env: { ...process.env, GIT_AUTHOR_DATE: date.toISOString(), GIT_COMMITTER_DATE: date.toISOString() },
  });

interface Commit {
  readonly daysAgo: number;
  /** schema.graphql's text in this commit; without it, the commit changes another file. */
  readonly schema?: string;
}

/** A repository whose commits are made the given number of days before TODAY, oldest first. */
async function repository(commits: readonly Commit[], workingTree?: string): Promise<string> {
  const repo = join(dir, `repo-${repositories++}`);
  git(dir, TODAY, 'init', '-q', repo);
  for (const [i, commit] of commits.entries()) {
    const date = new Date(TODAY.getTime() - commit.daysAgo * DAY_MS);
    if (commit.schema === undefined) await writeFile(join(repo, 'README.md'), `commit ${i}\n`);
    else await writeFile(join(repo, 'schema.graphql'), commit.schema);
    git(repo, date, 'add', '.');
    git(repo, date, 'commit', '-qm', `commit ${i}`);
  }
  if (workingTree !== undefined) await writeFile(join(repo, 'schema.graphql'), workingTree);
  return repo;
}

async function check(repo: string) {
  return reportSchemaCompat(await checkSchemaCompat(repo, TODAY));
}

const query = (fields: string) => `type Query {\n  name: String\n${fields}}\n`;
const withTitle = query('  title: String\n');
const titleDeprecated = (date: string) =>
  query(`  title: String @deprecated(reason: "Use name. Removal after ${date}")\n`);
const withoutTitle = query('');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schema-compat-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the schema compatibility check', () => {
  it('INT-2.1 fails naming each breaking change since the previous commit that changed schema.graphql', async () => {
    const repo = await repository([
      { daysAgo: 200, schema: query('  title: String\n  count: Int\n') },
      { daysAgo: 1, schema: query('  count: String\n') },
    ]);
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(1);
    expect(lines[0]).toMatch(/^schema:compat FAILED: 2 breaking changes in schema\.graphql against [0-9a-f]{7} \(/);
    expect(lines).toContain(
      "  ✗ Field 'title' was removed from object type 'Query' (Query.title): it was not deprecated first",
    );
    expect(lines).toContain("  ✗ Field 'Query.count' changed type from 'Int' to 'String' (Query.count)");
  });

  it('INT-2.1 passes an addition, printing one OK line with the number of non-breaking changes', async () => {
    const repo = await repository([
      { daysAgo: 10, schema: withoutTitle },
      { daysAgo: 0, schema: withTitle },
    ]);
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^schema:compat OK: schema\.graphql against [0-9a-f]{7} \(2027-05-22\): 1 non-breaking change \(0 dangerous\)$/,
      ),
    ]);
  });

  it('INT-2.1 compares a commit that leaves the schema alone with the version before its last change', async () => {
    const repo = await repository([
      { daysAgo: 10, schema: withTitle },
      { daysAgo: 5, schema: withoutTitle },
      { daysAgo: 0 },
    ]);
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(1);
    expect(lines[0]).toContain('(2027-05-22)');
  });

  it('INT-2.2 accepts removing a field deprecated 100 days before once its removal date has passed', async () => {
    const repo = await repository(
      [
        { daysAgo: 200, schema: withTitle },
        { daysAgo: 100, schema: titleDeprecated('2027-05-01') },
      ],
      withoutTitle,
    );
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^ {2}✓ Field 'title' \(deprecated\) was removed from object type 'Query' \(Query\.title\): announced for removal after 2027-05-01, deprecated in [0-9a-f]{7} on 2027-02-21$/,
      ),
      expect.stringMatching(/^schema:compat OK: .*: 0 non-breaking changes \(0 dangerous\), 1 announced removal$/),
    ]);
  });

  it('INT-2.2 refuses removing a field deprecated only 30 days before, although its removal date has passed', async () => {
    const repo = await repository([
      { daysAgo: 200, schema: withTitle },
      { daysAgo: 30, schema: titleDeprecated('2027-05-20') },
      { daysAgo: 0, schema: withoutTitle },
    ]);
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(1);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}✗ Field 'title' \(deprecated\) was removed .*: it was deprecated in [0-9a-f]{7} on 2027-05-02, less than 90 days ago \(removable from 2027-07-31\)$/,
      ),
    );
  });

  it('INT-2.2 refuses removing a field before its removal date, however long ago it was deprecated', async () => {
    const repo = await repository([
      { daysAgo: 200, schema: withTitle },
      { daysAgo: 100, schema: titleDeprecated('2027-07-01') },
      { daysAgo: 0, schema: withoutTitle },
    ]);
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(1);
    expect(lines).toContainEqual(
      expect.stringMatching(/\(Query\.title\): its removal date 2027-07-01 has not passed$/),
    );
  });

  it('INT-2.2 dates each deprecation of an argument, input field or enum value by the commit that introduced it', async () => {
    const removal = (item: string) => `@deprecated(reason: "${item} goes. Removal after 2027-05-01")`;
    const schema = (late: string) =>
      [
        'type Query {',
        `  tasks(filter: Filter, old: Int ${removal('old')}): [State]`,
        `  late: Int${late}`,
        '}',
        `input Filter {\n  state: State\n  legacy: Int ${removal('legacy')}\n}`,
        `enum State {\n  OPEN\n  ARCHIVED ${removal('ARCHIVED')}\n}`,
        '',
      ].join('\n');
    const repo = await repository([
      { daysAgo: 120, schema: schema('') },
      { daysAgo: 50, schema: schema(` ${removal('late')}`) },
      {
        daysAgo: 0,
        schema:
          'type Query {\n  tasks(filter: Filter): [State]\n}\ninput Filter {\n  state: State\n}\nenum State {\n  OPEN\n}\n',
      },
    ]);
    const { lines, exitCode } = await check(repo);
    expect(exitCode).toBe(1);
    expect(
      lines.filter((line) => line.startsWith('  ✓')).map((line) => /\(([\w.]+)\): announced/.exec(line)?.[1]),
    ).toEqual(['Query.tasks.old', 'Filter.legacy', 'State.ARCHIVED']);
    expect(lines.filter((line) => line.startsWith('  ✗'))).toEqual([
      expect.stringMatching(/\(Query\.late\): it was deprecated in [0-9a-f]{7} on 2027-04-12, less than 90 days ago/),
    ]);
  });

  it('INT-2.3 skips the comparison in a shallow clone without the previous version, and says so', async () => {
    const repo = await repository([
      { daysAgo: 10, schema: withTitle },
      { daysAgo: 0, schema: withoutTitle },
    ]);
    const shallow = join(dir, `shallow-${repositories++}`);
    git(dir, TODAY, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    const outcome = await checkSchemaCompat(shallow, TODAY);
    expect(outcome).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('shallow clone') });
    const { lines, exitCode } = reportSchemaCompat(outcome);
    expect(exitCode).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^!!! schema:compat SKIPPED the comparison: this is a shallow clone .*git fetch --unshallow/,
      ),
      '!!! schema.graphql was NOT checked for breaking changes.',
    ]);
  });

  it('INT-2.3 skips the comparison when schema.graphql has a single version, and says so', async () => {
    const repo = await repository([{ daysAgo: 0, schema: withTitle }]);
    const outcome = await checkSchemaCompat(repo, TODAY);
    expect(outcome).toEqual({
      kind: 'skipped',
      reason: 'schema.graphql has no earlier version: every commit that touched it (1) holds the current text',
    });
    expect(reportSchemaCompat(outcome).lines[0]).toMatch(/^!!! schema:compat SKIPPED/);
  });

  it('INT-2.1 .ci/run runs the check right after the schema freshness check', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const steps = (await readFile(join(root, '.ci', 'run'), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('npm run schema:'));
    expect(steps).toEqual(['npm run schema:check', 'npm run schema:compat']);
  });
});
