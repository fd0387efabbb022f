import { describe, expect, it } from 'vitest';
import {
  filterCount,
  filterFromParams,
  hasFilters,
  orderFromParams,
  paramValues,
  sortParam,
  valuesParam,
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
});
