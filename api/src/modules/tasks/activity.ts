// What changed in a task, as activity rows: one per field, with display values a reader can show
// without another look-up (the state's name, the assignee's name, label names).
import type { Prisma } from '../../generated/prisma/client.ts';

export type ActivityValue = Prisma.InputJsonValue | null;

export interface FieldChange {
  field: string;
  from: ActivityValue;
  to: ActivityValue;
}

/** The fields of `before` that `after` changes, in a stable order. */
export function changedFields(
  before: Record<string, ActivityValue>,
  after: Record<string, ActivityValue | undefined>,
): FieldChange[] {
  return Object.keys(after)
    .filter(
      (field) => after[field] !== undefined && JSON.stringify(after[field]) !== JSON.stringify(before[field] ?? null),
    )
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}
