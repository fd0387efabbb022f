import { describe, expect, it } from 'vitest';
import {
  clearedQuery,
  filterCount,
  filterFromParams,
  hasFilters,
  limitSearch,
  orderFromParams,
  paramValues,
  sortParam,
  valuesParam,
  viewFilter,
  viewParams,
} from './list-params.ts';

describe('list view parameters', () => {
  it('PT-8.1 reads every filter of PT-4.1 from the URL', () => {
    expect(
      filterFromParams({
        state: 's1,s2',
        category: 'started,nonsense',
        assignee: 'u1,none',
        label: 'l1',
        priority: 'high,URGENT,huge',
        dueBefore: '2026-12-31',
        dueAfter: 'yesterday',
        q: '  login bug ',
      }),
    ).toEqual({
      stateIds: ['s1', 's2'],
      stateCategories: ['STARTED'],
      assigneeIds: ['u1'],
      unassigned: true,
      labelIds: ['l1'],
      priorities: ['HIGH', 'URGENT'],
      dueBefore: '2026-12-31',
      search: 'login bug',
    });
  });

  it('PT-8.1 has no filter for an empty query string', () => {
    expect(filterFromParams({})).toEqual({});
    expect(hasFilters({ sort: 'due', q: ' ' })).toBe(false);
    expect(hasFilters({ assignee: 'none' })).toBe(true);
  });

  it('PT-8.1 reads and writes the order', () => {
    expect(orderFromParams({})).toEqual({ field: 'POSITION', direction: 'ASC' });
    expect(orderFromParams({ sort: 'due', dir: 'desc' })).toEqual({ field: 'DUE_DATE', direction: 'DESC' });
    expect(orderFromParams({ sort: 'bogus' })).toEqual({ field: 'POSITION', direction: 'ASC' });
    expect(orderFromParams({ sort: 'Due', dir: 'DESC' })).toEqual({ field: 'DUE_DATE', direction: 'DESC' });
    expect(sortParam('UPDATED')).toBe('updated');
    expect(sortParam('POSITION')).toBeUndefined();
    expect(orderFromParams({ sort: sortParam('CREATED') })).toEqual({ field: 'CREATED', direction: 'ASC' });
  });

  it('PT-8.1 reads and writes comma-separated lists', () => {
    expect(paramValues(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(paramValues(undefined)).toEqual([]);
    expect(valuesParam(['a', 'b', 'a'])).toBe('a,b');
    expect(valuesParam([])).toBeUndefined();
    expect(paramValues(valuesParam(['u1', 'none']))).toEqual(['u1', 'none']);
  });

  it('WEB-3.3 counts the filters set besides the search, one for each control, ignoring values the list ignores', () => {
    expect(filterCount({})).toBe(0);
    expect(filterCount({ q: 'venue', sort: 'due', dir: 'desc' })).toBe(0);
    expect(filterCount({ priority: 'high,low', category: 'started', state: 's1' })).toBe(2);
    expect(filterCount({ assignee: 'none,u1', label: 'l1', dueAfter: '2030-01-01', dueBefore: '2030-02-01' })).toBe(4);
    expect(filterCount({ priority: 'bogus', dueBefore: 'tomorrow' })).toBe(0);
  });

  it('PT-8.1 searches for the first 20 words and 200 characters of a longer search, and says which limit it passed', () => {
    expect(limitSearch('  ')).toEqual({ search: undefined, over: [] });
    expect(limitSearch(' login  bug ')).toEqual({ search: 'login  bug', over: [] });
    const words = Array.from({ length: 25 }, (_, index) => `w${index}`);
    expect(limitSearch(words.join(' '))).toEqual({ search: words.slice(0, 20).join(' '), over: ['20 words'] });
    expect(limitSearch('x'.repeat(201))).toEqual({ search: 'x'.repeat(200), over: ['200 characters'] });
  });
});

describe('the board’s parameters', () => {
  const params = {
    state: 's1',
    category: 'started',
    assignee: 'u1',
    label: 'l1',
    priority: 'urgent',
    dueBefore: '2026-12-31',
    q: 'venue',
    sort: 'due',
    dir: 'desc',
  };

  it('WEB-7.2 applies the list’s filters but the state and the category, and no order', () => {
    expect(viewFilter('board', params)).toEqual({
      assigneeIds: ['u1'],
      labelIds: ['l1'],
      priorities: ['URGENT'],
      dueBefore: '2026-12-31',
      search: 'venue',
    });
    expect(viewFilter('list', params)).toEqual({
      ...viewFilter('board', params),
      stateIds: ['s1'],
      stateCategories: ['STARTED'],
    });
    expect(viewFilter('board', { state: 's1', sort: 'due' })).toEqual({});
    expect(viewFilter('board', { q: Array.from({ length: 21 }, () => 'a').join(' ') }).search).toBe(
      Array.from({ length: 20 }, () => 'a').join(' '),
    );
  });

  it('WEB-7.2 counts and clears only the filters the board applies, keeping the others for the list', () => {
    expect(filterCount(viewParams('board', params))).toBe(4);
    expect(filterCount(viewParams('list', params))).toBe(5);
    expect(hasFilters(viewParams('board', { state: 's1', category: 'started' }))).toBe(false);
    expect(clearedQuery('board', params)).toBe('?state=s1&category=started&sort=due&dir=desc');
    expect(clearedQuery('board', { q: 'venue' })).toBe('');
    expect(clearedQuery('list', params)).toBe('');
  });
});
