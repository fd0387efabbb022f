// Reads a requirements.md: its code (YAML front matter), its requirements with their user stories,
// its numbered criteria, and the criteria it says are verified outside the test suite.
import { parse as parseYaml } from 'yaml';
import { type CriterionId, citedIds, criterionId } from './ids.ts';

export interface Criterion {
  readonly id: CriterionId;
  /** The criterion's text, without its number. */
  readonly text: string;
  readonly line: number;
  /** Dropped criteria stay, so that their IDs are never reused: `N.M SUPERSEDED by …`. */
  readonly superseded: boolean;
}

export interface RequirementSection {
  readonly number: number;
  readonly title: string;
  readonly line: number;
  readonly hasUserStory: boolean;
}

export interface Requirements {
  /** The code from the front matter, or undefined when there is none. */
  readonly code: string | undefined;
  readonly criteria: readonly Criterion[];
  readonly sections: readonly RequirementSection[];
  /** Criteria no automated test can prove, with how they are verified instead. */
  readonly verifiedOutsideTests: ReadonlyMap<CriterionId, string>;
  /** Problems in the file's own form (front matter, numbering). */
  readonly problems: readonly string[];
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const SECTION = /^## Requirement (\d+): (.+)$/;
const CRITERION = /^(\d+)\.(\d+) (.+)$/;
const OUTSIDE_TESTS_HEADING = /^## Verified outside the test suite\s*$/;
const OUTSIDE_TESTS_ITEM = /^- (.+?):\s*(.+)$/;

/**
 * Parses a requirements.md. `fallbackCode` names the criteria of a version written before codes
 * were declared (older history), so that their IDs can be compared with today's.
 */
export function parseRequirements(text: string, fallbackCode?: string): Requirements {
  const problems: string[] = [];
  const frontMatter = FRONT_MATTER.exec(text);
  let code: string | undefined;
  if (frontMatter) {
    const data: unknown = parseYaml(frontMatter[1] ?? '');
    const value = typeof data === 'object' && data !== null && 'code' in data ? data.code : undefined;
    if (typeof value === 'string' && /^[A-Z][A-Z0-9]{1,9}$/.test(value)) code = value;
    else problems.push('its front matter has no `code:` of 2 to 10 capital letters or digits');
  } else if (fallbackCode === undefined) {
    problems.push('it has no YAML front matter declaring its `code:`');
  }
  const idCode = code ?? fallbackCode ?? '?';

  const criteria: Criterion[] = [];
  const sections: RequirementSection[] = [];
  const verifiedOutsideTests = new Map<CriterionId, string>();
  let section: { number: number; title: string; line: number; hasUserStory: boolean } | undefined;
  let inOutsideTests = false;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const heading = SECTION.exec(line);
    if (heading) {
      if (section) sections.push(section);
      section = { number: Number(heading[1]), title: heading[2] ?? '', line: lineNumber, hasUserStory: false };
      inOutsideTests = false;
      return;
    }
    if (line.startsWith('## ')) {
      if (section) sections.push(section);
      section = undefined;
      inOutsideTests = OUTSIDE_TESTS_HEADING.test(line);
      return;
    }
    if (inOutsideTests) {
      const item = OUTSIDE_TESTS_ITEM.exec(line);
      if (item) {
        const ids = citedIds(item[1] ?? '');
        if (ids.length === 0) problems.push(`line ${lineNumber} lists no criterion ID before its colon`);
        for (const id of ids) verifiedOutsideTests.set(id, item[2] ?? '');
      }
      return;
    }
    if (section && /^\*\*User story:?\*\*/.test(line)) section.hasUserStory = true;
    const criterion = CRITERION.exec(line);
    if (!criterion) return;
    const requirement = Number(criterion[1]);
    const body = criterion[3] ?? '';
    if (!section) {
      problems.push(
        `line ${lineNumber}: criterion ${criterion[1]}.${criterion[2]} stands outside a "## Requirement N" section`,
      );
    } else if (section.number !== requirement) {
      problems.push(
        `line ${lineNumber}: criterion ${criterion[1]}.${criterion[2]} stands under requirement ${section.number}`,
      );
    }
    criteria.push({
      id: criterionId(idCode, requirement, Number(criterion[2])),
      text: body,
      line: lineNumber,
      superseded: /^SUPERSEDED\b/.test(body),
    });
  });
  if (section) sections.push(section);

  const seen = new Set<string>();
  for (const criterion of criteria) {
    if (seen.has(criterion.id)) problems.push(`line ${criterion.line}: ${criterion.id} is numbered twice`);
    seen.add(criterion.id);
  }
  return { code, criteria, sections, verifiedOutsideTests, problems };
}
