import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS, taskOrderBy, taskWhere } from './task-filters.ts';

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

  it('AUTH-13.11 takes a search of up to 20 words and refuses a longer one before building any condition', () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(' \t\n ');
    expect(MAX_SEARCH_WORDS).toBe(20);
    expect(taskWhere({ search: ` ${words(20)} ` }).AND).toHaveLength(20);
    const refusal = expect.objectContaining({
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['filter', 'search'], message: 'Search for at most 20 words.' }],
      },
    });
    for (const search of [words(21), 'a '.repeat(50_000)]) expect(() => taskWhere({ search })).toThrow(refusal);
  });

  it('AUTH-13.12 takes a search of up to 200 characters after trimming and refuses 201 before building any condition', () => {
    const word = (length: number) => 'x'.repeat(length);
    const refusal = expect.objectContaining({
      extensions: {
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['filter', 'search'], message: 'Search for at most 200 characters.' }],
      },
    });
    expect(MAX_SEARCH_LENGTH).toBe(200);
    // Whitespace around the search is not counted; whitespace between its words is.
    expect(taskWhere({ search: ` \t${word(200)}\n ` })).toEqual({
      AND: [
        {
          OR: [
            { title: { contains: word(200), mode: 'insensitive' } },
            { description: { contains: word(200), mode: 'insensitive' } },
          ],
        },
      ],
    });
    expect(taskWhere({ search: `${word(99)}  ${word(99)}` }).AND).toHaveLength(2);
    for (const search of [word(201), `${word(100)} ${word(100)}`, ` ${word(201)} `, word(100_000)]) {
      expect(() => taskWhere({ search })).toThrow(refusal);
    }
  });

  it('PT-4.1 orders by board position by default, and always ends with the id', () => {
    expect(taskOrderBy()).toEqual([{ state: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }]);
    expect(taskOrderBy('DUE_DATE', 'DESC')).toEqual([{ dueDate: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }]);
  });
});
