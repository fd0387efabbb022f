import { describe, expect, it } from 'vitest';
import { changedFields } from './activity.ts';

describe('changedFields', () => {
  it('PT-6.1 lists only the fields given that really change', () => {
    expect(
      changedFields(
        { title: 'Old', priority: 'LOW', assignee: null, labels: ['bug'] },
        { title: 'New', priority: 'LOW', assignee: { id: 'u1', name: 'Ann' }, labels: undefined },
      ),
    ).toEqual([
      { field: 'title', from: 'Old', to: 'New' },
      { field: 'assignee', from: null, to: { id: 'u1', name: 'Ann' } },
    ]);
  });

  it('PT-6.1 records clearing a value', () => {
    expect(changedFields({ dueDate: '2026-12-01' }, { dueDate: null })).toEqual([
      { field: 'dueDate', from: '2026-12-01', to: null },
    ]);
  });
});
