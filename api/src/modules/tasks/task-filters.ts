// The task list's filters and orderings, turned into Prisma's where and orderBy. Pure.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { StateCategory, TaskPriority } from '../../generated/prisma/enums.ts';

export interface TaskFilter {
  stateIds?: string[] | null | undefined;
  stateCategories?: StateCategory[] | null | undefined;
  assigneeIds?: string[] | null | undefined;
  /** Only tasks nobody is assigned to (combined with assigneeIds as "either"). */
  unassigned?: boolean | null | undefined;
  /** Tasks with any of these labels. */
  labelIds?: string[] | null | undefined;
  priorities?: TaskPriority[] | null | undefined;
  dueBefore?: Date | null | undefined;
  dueAfter?: Date | null | undefined;
  /** Words found, case-insensitively, in the title or the description. */
  search?: string | null | undefined;
}

export type TaskOrderField = 'POSITION' | 'PRIORITY' | 'DUE_DATE' | 'CREATED' | 'UPDATED';
export type OrderDirection = 'ASC' | 'DESC';

const nonEmpty = <T>(values: T[] | null | undefined): values is T[] => Array.isArray(values) && values.length > 0;

/** A search word as LIKE matches it literally: Prisma's `contains` leaves `%`, `_` and `\` to the database. */
const literal = (word: string): string => word.replace(/[\\%_]/g, (character) => `\\${character}`);

export function taskWhere(filter: TaskFilter | null | undefined): Prisma.TaskWhereInput {
  if (!filter) return {};
  const conditions: Prisma.TaskWhereInput[] = [];
  if (nonEmpty(filter.stateIds)) conditions.push({ stateId: { in: filter.stateIds } });
  if (nonEmpty(filter.stateCategories)) conditions.push({ state: { category: { in: filter.stateCategories } } });
  const assignees: Prisma.TaskWhereInput[] = [];
  if (nonEmpty(filter.assigneeIds)) assignees.push({ assigneeId: { in: filter.assigneeIds } });
  if (filter.unassigned) assignees.push({ assigneeId: null });
  if (assignees.length > 0) conditions.push({ OR: assignees });
  if (nonEmpty(filter.labelIds)) conditions.push({ labels: { some: { id: { in: filter.labelIds } } } });
  if (nonEmpty(filter.priorities)) conditions.push({ priority: { in: filter.priorities } });
  if (filter.dueBefore) conditions.push({ dueDate: { lt: filter.dueBefore } });
  if (filter.dueAfter) conditions.push({ dueDate: { gt: filter.dueAfter } });
  for (const word of (filter.search?.trim().split(/\s+/).filter(Boolean) ?? []).map(literal)) {
    conditions.push({
      OR: [
        { title: { contains: word, mode: 'insensitive' } },
        { description: { contains: word, mode: 'insensitive' } },
      ],
    });
  }
  return conditions.length > 0 ? { AND: conditions } : {};
}

/** The order of a list; ties are broken by id so cursors stay stable. */
export function taskOrderBy(
  field: TaskOrderField = 'POSITION',
  direction: OrderDirection = 'ASC',
): Prisma.TaskOrderByWithRelationInput[] {
  const sort: Prisma.SortOrder = direction === 'ASC' ? 'asc' : 'desc';
  const nullsLast: Prisma.SortOrderInput = { sort, nulls: 'last' };
  const orders: Record<TaskOrderField, Prisma.TaskOrderByWithRelationInput[]> = {
    POSITION: [{ state: { position: sort } }, { position: sort }],
    PRIORITY: [{ priority: sort }],
    DUE_DATE: [{ dueDate: nullsLast }],
    CREATED: [{ createdAt: sort }],
    UPDATED: [{ updatedAt: sort }],
  };
  return [...orders[field], { id: sort }];
}
