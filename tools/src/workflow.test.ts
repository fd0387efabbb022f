// The developer workflow the accounts spec promises (AUTH requirement 17): the README's commands, the
// test scripts and CI, read from the files that define them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageSchema = z.object({
  scripts: z.record(z.string(), z.string()),
  engines: z.object({ node: z.string() }).optional(),
});
const packageOf = async (workspace: string) =>
  packageSchema.parse(JSON.parse(await readFile(join(root, workspace, 'package.json'), 'utf8')));

describe('the developer workflow', () => {
  it('AUTH-17.1 the README quick start is two commands: install and start (web build, then the API), and test; on Node 24', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(
      quickStart
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('#')[0]?.trim()),
    ).toEqual(['npm install && npm start', 'npm test']);
    const rootPackage = await packageOf('.');
    expect(rootPackage.scripts.start).toBe('npm run build -w web && npm run start -w api');
    expect((await packageOf('api')).scripts.start).toBe('NODE_ENV=production node src/main.ts');
    expect(rootPackage.engines?.node).toBe('>=24');
    // This test runs under npm's scripts, so under the Node the install brought.
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('AUTH-17.3 npm test runs every suite on PGlite; npm run test:pg runs the same API suite on a PostgreSQL server', async () => {
    const rootPackage = await packageOf('.');
    expect(rootPackage.scripts.test).toBe('npm run test -w api && npm run test -w web && npm run test -w tools');
    expect(rootPackage.scripts['test:pg']).toBe('npm run test:pg -w api');
    const api = await packageOf('api');
    expect(api.scripts.test).toBe('vitest run');
    // With the Redis the several-instances suite shares between its API processes (RT-8.1).
    expect(api.scripts['test:pg']).toMatch(/^YELLO_TEST_DATABASE_URL=\S+ YELLO_TEST_REDIS_URL=\S+ vitest run$/);
    const settings = await readFile(join(root, 'api', 'test', 'test-api.ts'), 'utf8');
    expect(settings).toContain('databaseUrl: process.env.YELLO_TEST_DATABASE_URL || undefined');
  });

  it('AUTH-17.5 .ci/run installs on a clean machine and runs every check, stopping at the first failure', async () => {
    const script = await readFile(join(root, '.ci', 'run'), 'utf8');
    expect(script).toMatch(/^set -euo pipefail$/m);
    const commands = [
      'apt-get install -y -qq chromium',
      'pg_ctlcluster',
      'redis-server',
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npm run schema:check',
      'npm test',
      'npm run test:pg',
      'npm run test:browser',
      'npm run spec:check',
    ];
    const positions = commands.map((command) => script.indexOf(command));
    expect(
      positions.every((position) => position >= 0),
      `${commands.filter((_, i) => positions[i] === -1)}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
