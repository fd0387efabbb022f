// Criterion IDs: a spec's code and the criterion's number, `AUTH-3.2`. Ranges (`PT-1.1–1.4`) are
// allowed where tasks and designs cite a run of criteria; tests cite each criterion by itself.

/** `CODE-N.M`, e.g. `AUTH-3.2`. */
export type CriterionId = `${string}-${number}.${number}`;

const ID = /\b([A-Z][A-Z0-9]{1,9})-(\d+)\.(\d+)(?!\d|\.\d)/g;
const RANGE = /\b([A-Z][A-Z0-9]{1,9})-(\d+)\.(\d+)\s*[–-]\s*(?:\1-)?(\d+)\.(\d+)(?!\d|\.\d)/g;
const BARE_START = /^\s*\d+\.\d+\b/;

export function criterionId(code: string, requirement: number, criterion: number): CriterionId {
  return `${code}-${requirement}.${criterion}`;
}

/** Every criterion ID a text cites, in order of first appearance, without ranges. */
export function citedIds(text: string): CriterionId[] {
  const ids = new Set<CriterionId>();
  for (const match of text.matchAll(ID)) {
    const [, code = '', requirement = '', criterion = ''] = match;
    ids.add(criterionId(code, Number(requirement), Number(criterion)));
  }
  return [...ids];
}

/**
 * Every criterion ID a task or design text cites, with ranges expanded against the criteria that
 * exist (`PT-1.1–1.4` cites PT-1.1 to PT-1.4; a range across requirements takes the whole of each
 * requirement in between). Range ends that do not exist are returned as they are, so they are reported.
 */
export function citedIdsWithRanges(text: string, existing: ReadonlySet<string>): CriterionId[] {
  const ids = new Set<CriterionId>(citedIds(text));
  for (const match of text.matchAll(RANGE)) {
    const [, code = '', fromRequirement = '', fromCriterion = '', toRequirement = '', toCriterion = ''] = match;
    const from = [Number(fromRequirement), Number(fromCriterion)] as const;
    const to = [Number(toRequirement), Number(toCriterion)] as const;
    ids.add(criterionId(code, ...to));
    for (const id of existing) {
      const parsed = parseId(id);
      if (parsed === undefined || parsed.code !== code) continue;
      const at = [parsed.requirement, parsed.criterion] as const;
      if (compare(at, from) >= 0 && compare(at, to) <= 0) ids.add(criterionId(code, ...at));
    }
  }
  return [...ids];
}

export function parseId(id: string): { code: string; requirement: number; criterion: number } | undefined {
  const match = /^([A-Z][A-Z0-9]{1,9})-(\d+)\.(\d+)$/.exec(id);
  if (!match) return undefined;
  const [, code = '', requirement = '', criterion = ''] = match;
  return { code, requirement: Number(requirement), criterion: Number(criterion) };
}

/** Orders IDs by code, then requirement and criterion number (`PT-2.10` after `PT-2.9`). */
export function compareIds(a: string, b: string): number {
  const left = parseId(a);
  const right = parseId(b);
  if (!left || !right) return a.localeCompare(b);
  if (left.code !== right.code) return left.code.localeCompare(right.code);
  return compare([left.requirement, left.criterion], [right.requirement, right.criterion]);
}

/** True when a title starts with a number such as `5.3` that names no spec (the old, ambiguous form). */
export function startsWithBareNumber(title: string): boolean {
  return BARE_START.test(title);
}

function compare(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
