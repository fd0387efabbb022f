// The schema compatibility check on a checkout: the working tree's schema.graphql against its
// previous version (INT-2.1–2.3), and what the command prints.
import { DEPRECATION_DAYS, type Judgement, judgeSchemaChange } from './compare.ts';
import {
  type CommittedVersion,
  previousVersion,
  readCurrentSchema,
  SCHEMA_FILE,
  versionsMentioning,
} from './history.ts';

export type CompatOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'compared'; readonly previous: CommittedVersion; readonly judgement: Judgement };

export async function checkSchemaCompat(root: string, today: Date): Promise<CompatOutcome> {
  const current = await readCurrentSchema(root);
  const previous = await previousVersion(root, current);
  if (!previous.found) return { kind: 'skipped', reason: previous.reason };
  const judgement = await judgeSchemaChange({
    previous: previous.version.text,
    current,
    today,
    history: { versionsMentioning: (needle) => versionsMentioning(root, needle, previous.version.commit) },
  });
  return { kind: 'compared', previous: previous.version, judgement };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function reportSchemaCompat(outcome: CompatOutcome): { readonly lines: string[]; readonly exitCode: 0 | 1 } {
  if (outcome.kind === 'skipped') {
    return {
      lines: [
        `!!! schema:compat SKIPPED the comparison: ${outcome.reason}.`,
        `!!! ${SCHEMA_FILE} was NOT checked for breaking changes.`,
      ],
      exitCode: 0,
    };
  }
  const { previous, judgement } = outcome;
  const against = `${previous.commit.slice(0, 7)} (${previous.committedAt.toISOString().slice(0, 10)})`;
  const accepted = judgement.accepted.map(
    (removal) =>
      `  ✓ ${removal.message} (${removal.path}): announced for removal after ${removal.removalDate}, ` +
      `deprecated in ${removal.deprecatedIn.commit.slice(0, 7)} on ${removal.deprecatedIn.committedAt.toISOString().slice(0, 10)}`,
  );
  const counts =
    `${plural(judgement.nonBreaking, 'non-breaking change')} (${judgement.dangerous} dangerous)` +
    (judgement.accepted.length > 0 ? `, ${plural(judgement.accepted.length, 'announced removal')}` : '');
  if (judgement.refused.length === 0) {
    return { lines: [...accepted, `schema:compat OK: ${SCHEMA_FILE} against ${against}: ${counts}`], exitCode: 0 };
  }
  return {
    lines: [
      `schema:compat FAILED: ${plural(judgement.refused.length, 'breaking change')} in ${SCHEMA_FILE} against ${against}:`,
      ...judgement.refused.map(
        (change) => `  ✗ ${change.message} (${change.path})${change.why === '' ? '' : `: ${change.why}`}`,
      ),
      ...accepted,
      `Also ${counts}.`,
      'Only additions are free. To remove a field, argument, input field or enum value, deprecate it first with',
      `@deprecated(reason: "… Removal after YYYY-MM-DD"); remove it once that date has passed and the deprecation`,
      `has been committed for ${DEPRECATION_DAYS} days (.kiro/specs/integrator-api, INT-2.2).`,
    ],
    exitCode: 1,
  };
}
