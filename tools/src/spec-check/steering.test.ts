import { describe, expect, it } from 'vitest';
import { requiredStructurePaths, type SteeringInput, steeringProblems } from './steering.ts';

const techMd = `# Tech

## Dependencies

| package | in | why |
| --- | --- | --- |
| \`hono\`, \`zod\` | api | HTTP, validation |
| \`vitest\` | api, web | tests |

## Scripts

| script | does |
| --- | --- |
| \`npm test\` | tests |
| \`npm run lint\` / \`typecheck\` | checks |
`;

const structureMd = `# Structure

## Top level

- \`api/\`, \`web/\`, \`package.json\`, \`.ci/run\`.

## api/

- \`src/main.ts\`: entry; \`src/db/\`: the database.
- \`scripts/\`: \`seed.ts\`.
- \`test/\`: helpers.

## web/

- \`src/\`, \`src/lib/\`.
`;

const files = [
  '.ci/run',
  'package.json',
  'api/package.json',
  'api/src/main.ts',
  'api/src/db/database.ts',
  'api/scripts/seed.ts',
  'api/test/fixtures.ts',
  'web/package.json',
  'web/src/lib/client.ts',
];

function steering(overrides: Partial<SteeringInput> = {}): SteeringInput {
  return {
    techMd,
    structureMd,
    files,
    packages: [
      { workspace: 'root', json: { scripts: { test: 'vitest', lint: 'biome', typecheck: 'tsc' } } },
      { workspace: 'api', json: { dependencies: { hono: '^4', zod: '^4' }, devDependencies: { vitest: '^5' } } },
      { workspace: 'web', json: { devDependencies: { vitest: '^5' } } },
    ],
    ...overrides,
  };
}

describe('steering files', () => {
  it('TRACE-3.1, TRACE-3.2, TRACE-3.3 find nothing when tech.md and structure.md match the repository', () => {
    expect(steeringProblems(steering())).toEqual([]);
  });

  it('TRACE-3.1 names a dependency that tech.md lacks, places wrongly or lists without a package.json', () => {
    const packages = [
      { workspace: 'root', json: { scripts: { test: 'vitest', lint: 'biome', typecheck: 'tsc' } } },
      { workspace: 'api', json: { dependencies: { zod: '^4', jose: '^6' }, devDependencies: { vitest: '^5' } } },
      { workspace: 'web', json: { dependencies: { hono: '^4' } } },
    ];
    expect(steeringProblems(steering({ packages }))).toEqual([
      "tech.md's dependency table lacks `jose` (api)",
      'tech.md says `vitest` is in web, but it is not',
      "tech.md's dependency table does not say `hono` is in web",
      'tech.md says `hono` is in api, but it is not',
    ]);
  });

  it('TRACE-3.2 names a script that tech.md lacks or lists without package.json', () => {
    const packages = [
      { workspace: 'root', json: { scripts: { test: 'vitest', lint: 'biome', 'spec:check': 'node' } } },
      { workspace: 'api', json: { dependencies: { hono: '^4', zod: '^4' }, devDependencies: { vitest: '^5' } } },
      { workspace: 'web', json: { devDependencies: { vitest: '^5' } } },
    ];
    expect(steeringProblems(steering({ packages }))).toEqual([
      "tech.md's script table lacks `npm run spec:check`",
      'tech.md lists the script `typecheck`, which package.json does not have',
    ]);
  });

  it('TRACE-3.3 names a path structure.md gives that is gone, and folders and scripts it does not name', () => {
    const moved = files
      .filter((file) => file !== 'api/src/main.ts')
      .concat(['api/src/app.ts', 'api/scripts/bench.ts', 'api/src/modules/tasks/tasks.ts']);
    expect(steeringProblems(steering({ files: moved }))).toEqual([
      'structure.md names `src/main.ts`, which is not in the tree',
      'structure.md does not name api/scripts/bench.ts',
      'structure.md does not name api/src/modules',
      'structure.md does not name api/src/modules/tasks',
    ]);
  });

  it('TRACE-3.3 requires the top level, workspace folders, two levels of src/, scripts and .ci files', () => {
    expect(
      requiredStructurePaths(
        [
          'README.md',
          'package-lock.json',
          '.ci/run',
          'api/src/generated/prisma/client.ts',
          'api/src/modules/tasks/tasks.ts',
          'api/scripts/seed.ts',
          'api/scripts/lib/x.ts',
        ],
        ['api'],
      ),
    ).toEqual([
      '.ci',
      '.ci/run',
      'README.md',
      'api',
      'api/scripts',
      'api/scripts/seed.ts',
      'api/src',
      'api/src/generated',
      'api/src/modules',
      'api/src/modules/tasks',
    ]);
  });
});
