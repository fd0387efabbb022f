import { describe, expect, it } from 'vitest';
import { taskOrderBy, taskWhere } from './task-filters.ts';

describe('task filters', () => {
  it('PT-4.1 no filter selects everything', () => {
    expect(taskWhere(undefined)).toEqual({});
    expect(taskWhere({ stateIds: [], search: '  ' })).toEqual({});
  });

  it('PT-4.1 combines filters with AND, assignees and "unassigned" with OR, and each search word', () => {
    expect(
      taskWhere({ assigneeIds: ['u1'], unassigned: true, priorities: ['HIGH'], labelIds: ['l1'], search: 'login bug' }),
    ).toEqual({
      AND: [
        { OR: [{ assigneeId: { in: ['u1'] } }, { assigneeId: null }] },
        { labels: { some: { id: { in: ['l1'] } } } },
        { priority: { in: ['HIGH'] } },
        {
          OR: [
            { title: { contains: 'login', mode: 'insensitive' } },
            { description: { contains: 'login', mode: 'insensitive' } },
          ],
        },
        {
          OR: [
            { title: { contains: 'bug', mode: 'insensitive' } },
            { description: { contains: 'bug', mode: 'insensitive' } },
          ],
        },
      ],
    });
  });

  it('PT-4.1 matches search words literally, escaping the LIKE wildcards', () => {
    expect(taskWhere({ search: '100% a_b c\\d' })).toEqual({
      AND: ['100\\%', 'a\\_b', 'c\\\\d'].map((word) => ({
        OR: [
          { title: { contains: word, mode: 'insensitive' } },
          { description: { contains: word, mode: 'insensitive' } },
        ],
      })),
    });
  });

  it('PT-4.1 orders by board position by default, and always ends with the id', () => {
    expect(taskOrderBy()).toEqual([{ state: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }]);
    expect(taskOrderBy('DUE_DATE', 'DESC')).toEqual([{ dueDate: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }]);
  });
});
