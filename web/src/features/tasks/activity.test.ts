import { describe, expect, it } from 'vitest';
import { type ActivityEntry, activitySentence, formatDueDate, timeAgo } from './activity.ts';

const ada = { name: 'Ada' };
const changed = (field: string, from: unknown, to: unknown): ActivityEntry => ({
  kind: 'CHANGED',
  field,
  from: from === null ? null : JSON.stringify(from),
  to: to === null ? null : JSON.stringify(to),
  actor: ada,
});

describe('activity sentences', () => {
  it('PT-8.2 says who created the task', () => {
    expect(activitySentence({ kind: 'CREATED', field: null, from: null, to: null, actor: ada })).toBe(
      'Ada created the task',
    );
    expect(activitySentence({ kind: 'CREATED', field: null, from: null, to: null, actor: null })).toBe(
      'Someone created the task',
    );
  });

  it('PT-8.2 names states, people and priorities', () => {
    expect(activitySentence(changed('state', { id: '1', name: 'Todo' }, { id: '2', name: 'In Progress' }))).toBe(
      'Ada changed state from Todo to In Progress',
    );
    expect(activitySentence(changed('assignee', null, { id: '1', name: 'Bob' }))).toBe('Ada assigned Bob');
    expect(activitySentence(changed('assignee', { id: '1', name: 'Bob' }, null))).toBe('Ada unassigned Bob');
    expect(activitySentence(changed('priority', 'NONE', 'HIGH'))).toBe('Ada changed priority from No priority to High');
    expect(activitySentence(changed('title', 'Old', 'New'))).toBe('Ada changed title from “Old” to “New”');
  });

  it('PT-8.2 describes labels, due dates and descriptions', () => {
    expect(activitySentence(changed('labels', ['Bug'], ['Bug', 'UI', 'API']))).toBe('Ada added labels UI and API');
    expect(activitySentence(changed('labels', ['Bug'], []))).toBe('Ada removed label Bug');
    expect(activitySentence(changed('dueDate', null, '2026-12-03'))).toBe('Ada set the due date to Dec 3, 2026');
    expect(activitySentence(changed('dueDate', '2026-12-03', null))).toBe('Ada removed the due date Dec 3, 2026');
    expect(activitySentence(changed('description', '', 'Text'))).toBe('Ada edited the description');
  });

  it('PT-8.2 says how long ago', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(timeAgo('2026-11-26T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2026-11-26T11:58:00Z', now)).toBe('2 min. ago');
    expect(timeAgo('2026-11-25T12:00:00Z', now)).toBe('yesterday');
    expect(formatDueDate('2026-01-31')).toBe('Jan 31, 2026');
  });
});
