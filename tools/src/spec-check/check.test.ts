import { describe, expect, it } from 'vitest';
import { type CheckInput, checkSpecs, type SpecFolder } from './check.ts';
import type { TestCase, TestReport, TestStatus } from './reports.ts';

const requirements = `---
code: DEMO
---
# Requirements: Demo

## Requirement 1: Greeting

**User story:** As a visitor, I want to be greeted, so that I know where I am.

1.1 WHEN a visitor opens the page THEN Yello SHALL greet them.
1.2 THE page SHALL name the product.
`;

const design = 'P1. The greeting names the product. Validates: DEMO-1.1, DEMO-1.2\n';
const tasks = '- [x] 1. Greeting\n  - [x] 1.1 Page and greeting. _Requirements: DEMO-1.1–1.2_\n';

function test(fullName: string, status: TestStatus = 'passed', report = 'unit'): TestCase {
  return { report, file: 'demo.test.ts', fullName, title: fullName, status };
}

function spec(overrides: Partial<SpecFolder> = {}): SpecFolder {
  return { name: 'demo', requirements, design, tasks, history: [], ...overrides };
}

function input(overrides: { specs?: SpecFolder[]; tests?: TestCase[] } = {}): CheckInput {
  const report: TestReport = {
    name: 'unit',
    tests: overrides.tests ?? [test('DEMO-1.1 greets the visitor'), test('DEMO-1.2 names Yello')],
  };
  return { specs: overrides.specs ?? [spec()], reports: [report], expectedReports: new Map([['unit', 'npm test']]) };
}

describe('the spec check', () => {
  it('TRACE-2.2 finds no problem when every criterion has a passing test, task and design', () => {
    const result = checkSpecs(input());
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ criteria: 2, traced: 2 });
  });

  it('TRACE-2.2 fails naming the criterion whose only test is removed', () => {
    const { problems } = checkSpecs(input({ tests: [test('DEMO-1.1 greets the visitor')] }));
    expect(problems).toContain('DEMO-1.2 has no passing test: no test cites it');
    expect(problems).toContain('demo/tasks.md:2: task 1.1 is ticked, but DEMO-1.2 has no passing test');
  });

  it('TRACE-2.2 fails naming the criterion whose only test is skipped, and says so', () => {
    const tests = [test('DEMO-1.1 greets the visitor'), test('DEMO-1.2 names Yello', 'skipped')];
    expect(checkSpecs(input({ tests })).problems).toContain(
      'DEMO-1.2 has no passing test: the tests citing it did not pass ("DEMO-1.2 names Yello" skipped)',
    );
  });

  it('TRACE-2.3 accepts a criterion verified outside the tests, and lists it with how', () => {
    const outside = `${requirements}\n## Verified outside the test suite\n\n- DEMO-1.2: read the page title by hand\n`;
    const result = checkSpecs(input({ specs: [spec({ requirements: outside })], tests: [test('DEMO-1.1 greets')] }));
    expect(result.problems).toEqual([]);
    expect(result.outsideTests).toEqual(['DEMO-1.2: read the page title by hand']);
  });

  it('TRACE-2.4 fails on citations of criteria that do not exist, in tests, tasks and designs', () => {
    const { problems } = checkSpecs(
      input({
        specs: [
          spec({
            tasks: `${tasks}- [ ] 2. Farewell. _Requirements: DEMO-2.1_\n`,
            design: `${design}P2. Validates: DEMO-1.9\n`,
          }),
        ],
        tests: [test('DEMO-1.1 greets'), test('DEMO-1.2 names Yello'), test('DEMO-3.1 waves')],
      }),
    );
    expect(problems).toEqual([
      'unit: demo.test.ts › "DEMO-3.1 waves" cites DEMO-3.1, which no requirements.md defines',
      'demo/tasks.md:3: task 2 cites DEMO-2.1, which no requirements.md defines',
      'demo/design.md cites DEMO-1.9, which no requirements.md defines',
    ]);
  });

  it('TRACE-2.5 fails on a test that cites nothing, one that starts with a bare number, and one that failed', () => {
    const tests = [
      test('DEMO-1.1 greets'),
      test('DEMO-1.2 names Yello'),
      test('renders'),
      test('1.2 names Yello'),
      test('DEMO-1.1 greets in French', 'failed'),
    ];
    expect(checkSpecs(input({ tests })).problems).toEqual([
      'unit: demo.test.ts › "renders" cites no criterion: start its title with the ID of the criterion it proves',
      'unit: demo.test.ts › "1.2 names Yello" starts with a bare number: cite criteria as CODE-N.M (e.g. AUTH-3.2)',
      'unit: demo.test.ts › "DEMO-1.1 greets in French" failed',
    ]);
  });

  it('TRACE-2.6 fails on a leaf task without citations, a false tick and a parent ticked before its sub-tasks', () => {
    const badTasks = '- [x] 1. Greeting\n  - [ ] 1.1 Page. _Requirements: DEMO-1.1, DEMO-1.2_\n  - [x] 1.2 Polish\n';
    const { problems } = checkSpecs(input({ specs: [spec({ tasks: badTasks })], tests: [test('DEMO-1.2 names')] }));
    expect(problems).toEqual([
      'DEMO-1.1 has no passing test: no test cites it',
      'demo/tasks.md:1: task 1 is ticked, but not all of its sub-tasks are',
      'demo/tasks.md:3: task 1.2 cites no criterion',
    ]);
  });

  it('TRACE-2.7 fails on criteria not in EARS form, saying what is missing', () => {
    const notEars = requirements
      .replace('1.1 WHEN a visitor opens the page THEN Yello SHALL greet them.', '1.1 Yello greets visitors.')
      .replace('1.2 THE page SHALL name the product.', '1.2 The page names the product and SHALL be short.');
    expect(checkSpecs(input({ specs: [spec({ requirements: notEars })] })).problems).toEqual([
      'demo/requirements.md:10: DEMO-1.1 is not in EARS form: it has no SHALL',
      'demo/requirements.md:11: DEMO-1.2 is not in EARS form: it does not start with WHEN, WHILE, IF … THEN, WHERE or THE',
    ]);
  });

  it('TRACE-2.8 fails on a criterion no task cites, a requirement without a user story and a design without properties', () => {
    const { problems } = checkSpecs(
      input({
        specs: [
          spec({
            requirements: requirements.replace(/\*\*User story:\*\*.*\n/, ''),
            tasks: '- [x] 1. Greeting. _Requirements: DEMO-1.1_\n',
            design: 'Components only.\n',
          }),
        ],
      }),
    );
    expect(problems).toEqual([
      'demo/requirements.md:6: requirement 1 has no **User story:**',
      'demo/design.md has no correctness property marked "Validates: …"',
      'DEMO-1.2 is cited by no task',
    ]);
  });

  it('TRACE-1.1 fails on a spec without a code, and on two specs with one code', () => {
    const noCode = requirements.replace(/^---\ncode: DEMO\n---\n/, '');
    expect(checkSpecs(input({ specs: [spec({ requirements: noCode })] })).problems).toContain(
      'demo/requirements.md: it has no YAML front matter declaring its `code:`',
    );
    expect(checkSpecs(input({ specs: [spec(), spec({ name: 'again' })] })).problems).toContain(
      'again and demo both declare the code DEMO',
    );
  });

  it('TRACE-1.2 fails when an earlier version had an ID that is gone, or numbered a text otherwise', () => {
    const earlier = `# Requirements: Demo\n\n## Requirement 1: Greeting\n\n1.1 THE page SHALL name the product.\n1.3 THE page SHALL wave.\n`;
    const { problems } = checkSpecs(
      input({ specs: [spec({ history: [{ commit: 'abc1234', requirements: earlier }] })] }),
    );
    expect(problems).toEqual([
      'demo/requirements.md: DEMO-1.1 (in abc1234) was renumbered to DEMO-1.2: IDs are never renumbered',
      'demo/requirements.md: DEMO-1.3 (in abc1234) is gone: keep it and mark it "SUPERSEDED by …" instead',
    ]);
  });

  it('TRACE-1.2 accepts a dropped criterion kept as SUPERSEDED, which needs no test and no task', () => {
    const kept = `${requirements}1.3 SUPERSEDED by DEMO-1.2: THE page SHALL wave.\n`;
    const earlier = `---\ncode: DEMO\n---\n## Requirement 1: Greeting\n\n1.3 THE page SHALL wave.\n`;
    const result = checkSpecs(
      input({ specs: [spec({ requirements: kept, history: [{ commit: 'abc1234', requirements: earlier }] })] }),
    );
    expect(result.problems).toEqual([]);
    expect(result.criteria).toBe(2);
  });

  it('TRACE-2.1 fails naming the command of each missing report', () => {
    const { problems } = checkSpecs({
      ...input(),
      expectedReports: new Map([
        ['unit', 'npm test'],
        ['browser', 'npm run test:browser'],
      ]),
    });
    expect(problems).toEqual(['no browser test report: run `npm run test:browser` before the spec check']);
  });
});
