// The task list's filters and orderings, turned into Prisma's where and orderBy. Pure (a refusal is thrown).
import type { Prisma } from '../../generated/prisma/client.ts';
import type { StateCategory, TaskPriority } from '../../generated/prisma/enums.ts';
import { badUserInput } from '../../shared/errors.ts';

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

/**
 * The most words a search may have. Each word is a pair of `ILIKE` conditions, so the word count sets the size of
 * the statement that Prisma's query compiler and the embedded PGlite build and plan, and both keep the WebAssembly
 * memory they grow for it: 10 000 words (20 KB of request) left the process at 1 GB instead of 630 MB, and Prisma
 * caches a plan per word count (AUTH-13.11).
 */
export const MAX_SEARCH_WORDS = 20;

/**
 * The longest search, in characters (UTF-16 code units, as an input's `maxlength` counts them) after trimming.
 * Matching a word costs time, not memory: `ILIKE` compares it at each position of each title and description, so
 * its cost grows with its length times theirs, and the embedded PGlite has one session that every other request
 * waits for (one word of 1 000 characters against ten descriptions of 50 000 took 2.1 s) (AUTH-13.12).
 */
export const MAX_SEARCH_LENGTH = 200;

const searchRefusal = (message: string) => badUserInput([{ path: ['filter', 'search'], message }]);

/**
 * The words of a search; more than MAX_SEARCH_WORDS words, or more than MAX_SEARCH_LENGTH characters, is refused
 * before any SQL is built.
 */
function searchWords(search: string | null | undefined): string[] {
  const trimmed = search?.trim() ?? '';
  const words = trimmed.split(/\s+/, MAX_SEARCH_WORDS + 1).filter(Boolean);
  if (words.length > MAX_SEARCH_WORDS) throw searchRefusal(`Search for at most ${MAX_SEARCH_WORDS} words.`);
  if (trimmed.length > MAX_SEARCH_LENGTH) throw searchRefusal(`Search for at most ${MAX_SEARCH_LENGTH} characters.`);
  return words;
}

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
  for (const word of searchWords(filter.search).map(literal)) {
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
