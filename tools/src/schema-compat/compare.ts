// Judges a schema change with GraphQL Inspector: breaking changes fail, except the removal of
// something deprecated with "Removal after YYYY-MM-DD" once that date has passed and the
// deprecation has been committed for 90 days (INT-2.1, INT-2.2).
import { type Change, ChangeType, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import type { CommittedVersion } from './history.ts';

export const DEPRECATION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const REMOVAL_AFTER = /Removal after (\d{4}-\d{2}-\d{2})\.?\s*$/;

export interface DeprecationHistory {
  /** Committed versions of the schema in which the count of `needle` changed, oldest first. */
  versionsMentioning(needle: string): Promise<readonly CommittedVersion[]>;
}

export interface RefusedChange {
  readonly message: string;
  readonly path: string;
  /** Why an announced removal does not qualify; empty for a breaking change no deprecation covers. */
  readonly why: string;
}

export interface AcceptedRemoval {
  readonly message: string;
  readonly path: string;
  readonly removalDate: string;
  readonly deprecatedIn: { readonly commit: string; readonly committedAt: Date };
}

export interface Judgement {
  readonly refused: readonly RefusedChange[];
  readonly accepted: readonly AcceptedRemoval[];
  /** Changes Inspector does not class as breaking, the dangerous ones included. */
  readonly nonBreaking: number;
  readonly dangerous: number;
}

/** The deprecation reason, in `schema`, of what a removal change removed; undefined when it was not deprecated. */
function deprecationOf(schema: GraphQLSchema, type: string, path: string): string | undefined {
  const [typeName = '', member = '', argument = ''] = path.split('.');
  const named = schema.getType(typeName);
  switch (type) {
    case ChangeType.FieldRemoved:
      return isObjectType(named) || isInterfaceType(named)
        ? (named.getFields()[member]?.deprecationReason ?? undefined)
        : undefined;
    case ChangeType.FieldArgumentRemoved: {
      const field = isObjectType(named) || isInterfaceType(named) ? named.getFields()[member] : undefined;
      return field?.args.find((arg) => arg.name === argument)?.deprecationReason ?? undefined;
    }
    case ChangeType.InputFieldRemoved:
      return isInputObjectType(named) ? (named.getFields()[member]?.deprecationReason ?? undefined) : undefined;
    case ChangeType.EnumValueRemoved:
      return isEnumType(named) ? (named.getValue(member)?.deprecationReason ?? undefined) : undefined;
    default:
      return undefined;
  }
}

const REMOVALS: readonly string[] = [
  ChangeType.FieldRemoved,
  ChangeType.FieldArgumentRemoved,
  ChangeType.InputFieldRemoved,
  ChangeType.EnumValueRemoved,
];

/** The "YYYY-MM-DD" a deprecation reason ends with, when it is a real date. */
function removalDate(reason: string | undefined): string | undefined {
  const date = reason === undefined ? undefined : REMOVAL_AFTER.exec(reason)?.[1];
  if (date === undefined) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export async function judgeSchemaChange(input: {
  readonly previous: string;
  readonly current: string;
  readonly today: Date;
  readonly history: DeprecationHistory;
}): Promise<Judgement> {
  const previous = buildSchema(input.previous);
  const changes: Change[] = await diff(previous, buildSchema(input.current));
  const refused: RefusedChange[] = [];
  const accepted: AcceptedRemoval[] = [];
  const parsed = new Map<string, GraphQLSchema>();
  const schemaOf = (version: CommittedVersion) => {
    const schema = parsed.get(version.commit) ?? buildSchema(version.text);
    parsed.set(version.commit, schema);
    return schema;
  };

  for (const change of changes.filter((item) => item.criticality.level === CriticalityLevel.Breaking)) {
    const type: string = change.type;
    const path = change.path ?? '';
    const refuse = (why: string) => refused.push({ message: change.message, path, why });
    if (!REMOVALS.includes(type)) {
      refuse('');
      continue;
    }
    const reason = deprecationOf(previous, type, path);
    const date = removalDate(reason);
    if (date === undefined) {
      refuse(
        reason === undefined
          ? 'it was not deprecated first'
          : `its deprecation reason does not end with "Removal after YYYY-MM-DD" (${JSON.stringify(reason)})`,
      );
      continue;
    }
    if (isoDay(input.today) <= date) {
      refuse(`its removal date ${date} has not passed`);
      continue;
    }
    const versions = await input.history.versionsMentioning(`Removal after ${date}`);
    const introduced = versions.find((version) => removalDate(deprecationOf(schemaOf(version), type, path)) === date);
    if (introduced === undefined) {
      refuse(`the commit that deprecated it with "Removal after ${date}" is not in the history`);
      continue;
    }
    const removable = new Date(introduced.committedAt.getTime() + DEPRECATION_DAYS * DAY_MS);
    if (removable > input.today) {
      refuse(
        `it was deprecated in ${introduced.commit.slice(0, 7)} on ${isoDay(introduced.committedAt)}, ` +
          `less than ${DEPRECATION_DAYS} days ago (removable from ${isoDay(removable)})`,
      );
      continue;
    }
    accepted.push({
      message: change.message,
      path,
      removalDate: date,
      deprecatedIn: { commit: introduced.commit, committedAt: introduced.committedAt },
    });
  }
  const others = changes.filter((change) => change.criticality.level !== CriticalityLevel.Breaking);
  return {
    refused,
    accepted,
    nonBreaking: others.length,
    dangerous: others.filter((change) => change.criticality.level === CriticalityLevel.Dangerous).length,
  };
}
