// The spec check on real checkouts: history from git, and none from a shallow clone.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpecs } from './check.ts';
import { readSpecs } from './repository.ts';

let dir = '';
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe' });

const version = (criteria: string) =>
  `---\ncode: DEMO\n---\n## Requirement 1: Greeting\n\n**User story:** As a visitor, I want a greeting.\n\n${criteria}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spec-check-'));
  const repo = join(dir, 'repo');
  await mkdir(join(repo, '.kiro', 'specs', 'demo'), { recursive: true });
  git(dir, 'init', '-q', repo);
  const file = join(repo, '.kiro', 'specs', 'demo', 'requirements.md');
  await writeFile(file, version('1.1 THE page SHALL greet.\n1.2 THE page SHALL wave.\n'));
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'first');
  await writeFile(file, version('1.1 THE page SHALL greet.\n1.3 THE page SHALL wave.\n'));
  git(repo, 'commit', '-qam', 'second');
  git(dir, 'clone', '-q', '--depth', '1', `file://${repo}`, join(dir, 'shallow'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('reading a checkout', () => {
  it('TRACE-1.2 compares requirements.md with every earlier commit and finds the ID that went', async () => {
    const specs = await readSpecs(join(dir, 'repo'));
    expect(specs[0]?.history).toHaveLength(2);
    const { problems } = checkSpecs({ specs, reports: [], expectedReports: new Map() });
    expect(problems.filter((problem) => problem.includes('(in '))).toEqual([
      expect.stringMatching(/^demo\/requirements\.md: DEMO-1\.2 \(in [0-9a-f]+\) was renumbered to DEMO-1\.3/),
    ]);
  });

  it('TRACE-1.3 reads no history from a shallow clone', async () => {
    const specs = await readSpecs(join(dir, 'shallow'));
    expect(specs.map((spec) => spec.history)).toEqual([[]]);
  });
});
