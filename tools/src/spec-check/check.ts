// The spec check: requirement → task → test, traced by criterion IDs and judged on test reports.
// Pure: the caller reads the files, the reports and the history; this names every problem.
import { earsProblem } from './ears.ts';
import { type CriterionId, citedIds, citedIdsWithRanges, compareIds, startsWithBareNumber } from './ids.ts';
import { EXPECTED_REPORTS, type TestCase, type TestReport } from './reports.ts';
import { type Criterion, parseRequirements, type Requirements } from './requirements.ts';
import { type SteeringInput, steeringProblems } from './steering.ts';
import { allTasks, parseTasks, type Task } from './tasks.ts';

export interface SpecVersion {
  /** The commit the version comes from (for the message). */
  readonly commit: string;
  readonly requirements: string;
}

export interface SpecFolder {
  /** The folder's name under .kiro/specs. */
  readonly name: string;
  readonly requirements: string;
  readonly design: string;
  readonly tasks: string;
  /** Earlier versions of requirements.md, newest first; empty when git history is not available. */
  readonly history: readonly SpecVersion[];
}

export interface CheckInput {
  readonly specs: readonly SpecFolder[];
  readonly reports: readonly TestReport[];
  /** Report name → the command that writes it; each must be present. */
  readonly expectedReports?: ReadonlyMap<string, string>;
  readonly steering?: SteeringInput;
}

export interface CheckResult {
  readonly problems: readonly string[];
  /** Criteria verified outside the test suite, with how: printed so that someone looks. */
  readonly outsideTests: readonly string[];
  readonly criteria: number;
  readonly traced: number;
}

interface ParsedSpec {
  readonly folder: SpecFolder;
  readonly requirements: Requirements;
  readonly code: string;
}

export function checkSpecs(input: CheckInput): CheckResult {
  const problems: string[] = [];
  const specs: ParsedSpec[] = input.specs.map((folder) => {
    const requirements = parseRequirements(folder.requirements);
    for (const problem of requirements.problems) problems.push(`${folder.name}/requirements.md: ${problem}`);
    return { folder, requirements, code: requirements.code ?? folder.name };
  });

  const codes = new Map<string, string>();
  for (const spec of specs) {
    const other = codes.get(spec.code);
    if (other) problems.push(`${spec.folder.name} and ${other} both declare the code ${spec.code}`);
    codes.set(spec.code, spec.folder.name);
  }

  const criteria = new Map<CriterionId, { criterion: Criterion; spec: ParsedSpec }>();
  for (const spec of specs) {
    for (const criterion of spec.requirements.criteria) criteria.set(criterion.id, { criterion, spec });
  }
  const existing = new Set<string>(criteria.keys());
  const outside = new Map<CriterionId, string>();
  for (const spec of specs) {
    for (const [id, how] of spec.requirements.verifiedOutsideTests) {
      if (!criteria.has(id))
        problems.push(
          `${spec.folder.name}/requirements.md says ${id} is verified outside the tests, but there is no ${id}`,
        );
      else outside.set(id, how);
    }
  }

  // Requirements: EARS form, user stories, IDs kept across history.
  for (const spec of specs) {
    const file = `${spec.folder.name}/requirements.md`;
    for (const section of spec.requirements.sections) {
      if (!section.hasUserStory)
        problems.push(`${file}:${section.line}: requirement ${section.number} has no **User story:**`);
    }
    for (const criterion of spec.requirements.criteria) {
      if (criterion.superseded) continue;
      const problem = earsProblem(criterion.text);
      if (problem) problems.push(`${file}:${criterion.line}: ${criterion.id} is not in EARS form: ${problem}`);
    }
    problems.push(...historyProblems(spec));
  }

  // Tests: each cites existing criteria by qualified ID; none fails.
  const reports = input.expectedReports ?? EXPECTED_REPORTS;
  const present = new Set(input.reports.map((report) => report.name));
  for (const [name, command] of reports) {
    if (!present.has(name)) problems.push(`no ${name} test report: run \`${command}\` before the spec check`);
  }
  const tests = input.reports.flatMap((report) => report.tests);
  const passingBy = new Map<CriterionId, TestCase[]>();
  const citingBy = new Map<CriterionId, TestCase[]>();
  const reportedNames = new Set<string>();
  for (const test of tests) {
    const where = `${test.report}: ${test.file} › "${test.fullName}"`;
    if (test.status === 'failed') problems.push(`${where} failed`);
    const ids = citedIds(test.fullName);
    const once = `${test.file}\n${test.fullName}`;
    const firstSight = !reportedNames.has(once);
    reportedNames.add(once);
    if (firstSight && startsWithBareNumber(test.title)) {
      problems.push(`${where} starts with a bare number: cite criteria as CODE-N.M (e.g. AUTH-3.2)`);
    } else if (firstSight && ids.length === 0) {
      problems.push(`${where} cites no criterion: start its title with the ID of the criterion it proves`);
    }
    for (const id of ids) {
      if (!criteria.has(id)) {
        if (firstSight) problems.push(`${where} cites ${id}, which no requirements.md defines`);
        continue;
      }
      citingBy.set(id, [...(citingBy.get(id) ?? []), test]);
      if (test.status === 'passed') passingBy.set(id, [...(passingBy.get(id) ?? []), test]);
    }
  }

  // Every live criterion: a passing test, or a stated verification outside the tests.
  let traced = 0;
  const liveIds = [...criteria.values()]
    .filter(({ criterion }) => !criterion.superseded)
    .map(({ criterion }) => criterion.id);
  for (const id of liveIds) {
    if (passingBy.has(id)) {
      traced++;
      continue;
    }
    if (outside.has(id)) continue;
    const citing = citingBy.get(id) ?? [];
    const detail =
      citing.length === 0
        ? 'no test cites it'
        : `the tests citing it did not pass (${citing.map((test) => `"${test.fullName}" ${test.status}`).join('; ')})`;
    problems.push(`${id} has no passing test: ${detail}`);
  }

  // Tasks and designs cite existing criteria; leaf tasks cite some; ticks are true.
  const citedByTasks = new Set<CriterionId>();
  for (const spec of specs) {
    const file = `${spec.folder.name}/tasks.md`;
    const tasks = allTasks(parseTasks(spec.folder.tasks));
    if (tasks.length === 0) problems.push(`${file} has no tasks`);
    for (const task of tasks) {
      const ids = citedIdsWithRanges(task.text, existing);
      for (const id of ids) citedByTasks.add(id);
      problems.push(...taskProblems(file, task, ids, criteria, passingBy, outside));
    }
    const designIds = citedIdsWithRanges(spec.folder.design, existing);
    for (const id of designIds) {
      if (!criteria.has(id))
        problems.push(`${spec.folder.name}/design.md cites ${id}, which no requirements.md defines`);
    }
    if (!/Validates:/.test(spec.folder.design)) {
      problems.push(`${spec.folder.name}/design.md has no correctness property marked "Validates: …"`);
    }
  }
  for (const id of liveIds) {
    if (!citedByTasks.has(id)) problems.push(`${id} is cited by no task`);
  }

  if (input.steering) problems.push(...steeringProblems(input.steering));

  const outsideTests = [...outside].sort(([a], [b]) => compareIds(a, b)).map(([id, how]) => `${id}: ${how}`);
  return { problems, outsideTests, criteria: liveIds.length, traced };
}

function taskProblems(
  file: string,
  task: Task,
  ids: readonly CriterionId[],
  criteria: ReadonlyMap<CriterionId, unknown>,
  passingBy: ReadonlyMap<CriterionId, readonly TestCase[]>,
  outside: ReadonlyMap<CriterionId, string>,
): string[] {
  const where = `${file}:${task.line}: task ${task.number || `"${task.text.slice(0, 40)}"`}`;
  const problems: string[] = [];
  for (const id of ids) {
    if (!criteria.has(id)) problems.push(`${where} cites ${id}, which no requirements.md defines`);
  }
  if (task.children.length === 0 && ids.length === 0) problems.push(`${where} cites no criterion`);
  if (!task.ticked) return problems;
  if (task.children.some((child) => !child.ticked))
    problems.push(`${where} is ticked, but not all of its sub-tasks are`);
  for (const id of ids) {
    if (criteria.has(id) && !passingBy.has(id) && !outside.has(id)) {
      problems.push(`${where} is ticked, but ${id} has no passing test`);
    }
  }
  return problems;
}

function historyProblems(spec: ParsedSpec): string[] {
  const file = `${spec.folder.name}/requirements.md`;
  const current = new Map(spec.requirements.criteria.map((criterion) => [criterion.id, criterion.text]));
  const byText = new Map(spec.requirements.criteria.map((criterion) => [criterion.text, criterion.id]));
  const problems = new Set<string>();
  for (const version of spec.folder.history) {
    const earlier = parseRequirements(version.requirements, spec.code);
    for (const criterion of earlier.criteria) {
      const id = criterion.id;
      const movedTo = byText.get(criterion.text);
      if (movedTo !== undefined && movedTo !== id && current.get(id) !== criterion.text) {
        problems.add(`${file}: ${id} (in ${version.commit}) was renumbered to ${movedTo}: IDs are never renumbered`);
      } else if (!current.has(id)) {
        problems.add(`${file}: ${id} (in ${version.commit}) is gone: keep it and mark it "SUPERSEDED by …" instead`);
      }
    }
  }
  return [...problems];
}
