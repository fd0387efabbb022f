import { describe, expect, it } from 'vitest';
import {
  dottedType,
  eventTypeGroups,
  eventTypeLabels,
  eventTypeOptions,
  eventTypesSummary,
  parseEventTypes,
} from './event-types.ts';

describe('webhook event types in the web app', () => {
  it('HOOK-8.3 every event type of the schema is offered once, in a group, with the type its body carries', () => {
    const grouped = eventTypeGroups.flatMap((group) => group.types);
    // The labels are typed by the schema's enum: a new event type cannot be left without one.
    expect([...grouped].sort()).toEqual(Object.keys(eventTypeLabels).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    const tasks = eventTypeOptions[0];
    expect(tasks?.allLabel).toBe('All task events');
    expect(tasks?.options.map((option) => option.description)).toEqual([
      'task.created',
      'task.updated',
      'task.moved',
      'task.deleted',
    ]);
    expect(dottedType('MEMBER_ROLE_CHANGED')).toBe('member.role_changed');
  });

  it('HOOK-8.3 event types are read from the form in a stable order, unknown values left out', () => {
    expect(parseEventTypes(['COMMENT_ADDED', 'nonsense', 'TASK_MOVED', 'TASK_MOVED'])).toEqual([
      'TASK_MOVED',
      'COMMENT_ADDED',
    ]);
    expect(parseEventTypes([])).toEqual([]);
  });

  it('HOOK-8.3 a webhook’s event types are summed up by whole groups where it takes a whole group', () => {
    expect(eventTypesSummary(eventTypeGroups.flatMap((group) => group.types))).toBe('All events');
    expect(eventTypesSummary(['TASK_CREATED', 'TASK_UPDATED', 'TASK_MOVED', 'TASK_DELETED', 'COMMENT_ADDED'])).toBe(
      'All task events, Comment added',
    );
    expect(eventTypesSummary(['WORKSPACE_UPDATED', 'TASK_MOVED'])).toBe('Task moved, Workspace renamed or moved');
  });
});
