// Which live events change the cache (versions), and what graphcache is given of them.
import { describe, expect, it } from 'vitest';
import { graphql } from '../graphql.ts';
import { createKnownVersions, eventSubject, reconnectDelay, withOtherTypesFieldsNull } from './live-events.ts';

const task = (version: number, title = 'Book the venue') => ({ __typename: 'Task', id: 't1', version, title });

describe('live events', () => {
  it('RT-7.1 finds the entity an event is about and its version, by the entity or by the id a deletion names', () => {
    expect(eventSubject({ __typename: 'TaskMoved', cursor: '3', version: 4, task: task(5) })).toEqual({
      key: 'Task:t1',
      version: 4,
    });
    expect(eventSubject({ __typename: 'CommentDeleted', version: 2, taskId: 't1', commentId: 'c1' })).toEqual({
      key: 'Comment:c1',
      version: 2,
    });
    expect(eventSubject({ __typename: 'TaskUpdated', version: 2, task: null })).toBeUndefined();
    expect(eventSubject({ __typename: 'ResyncRequired', cursor: '9', reason: 'OVERFLOW' })).toBeUndefined();
  });

  it('RT-7.1 lets an event change the cache only when its version is newer than any the client received', () => {
    const versions = createKnownVersions();
    versions.record({ task: { ...task(3), project: { __typename: 'Project', id: 'p1', version: 1 } } });

    expect(versions.admit({ __typename: 'TaskUpdated', version: 2, task: task(3, 'Book the church') })).toBe(false);
    expect(versions.admit({ __typename: 'TaskUpdated', version: 3, task: task(3) })).toBe(false);
    expect(versions.admit({ __typename: 'TaskUpdated', version: 4, task: task(4) })).toBe(true);
    // The same event again (a replay, or one's own change after its answer) changes nothing more.
    expect(versions.admit({ __typename: 'TaskUpdated', version: 4, task: task(4) })).toBe(false);
    expect(
      versions.admit({ __typename: 'ProjectUpdated', version: 2, project: { __typename: 'Project', id: 'p1' } }),
    ).toBe(true);
    // A deletion is applied once; an entity never received is new.
    expect(versions.admit({ __typename: 'TaskDeleted', version: 5, taskId: 't1' })).toBe(true);
    expect(versions.admit({ __typename: 'TaskDeleted', version: 5, taskId: 't1' })).toBe(false);
    expect(versions.admit({ __typename: 'TaskCreated', version: 1, task: { ...task(1), id: 't2' } })).toBe(true);
    expect(versions.admit({ __typename: 'ResyncRequired', reason: 'RETENTION' })).toBe(true);
  });

  it('RT-7.1 gives graphcache the fields of the other event types as null, and keeps the event’s own', () => {
    const document = graphql(`
      subscription WorkspaceEventsExample($workspaceId: ID!) {
        workspaceEvents(workspaceId: $workspaceId) {
          cursor
          ... on TaskDeleted {
            taskId
          }
          ... on CommentAdded {
            taskId
            comment {
              id
            }
          }
        }
      }
    `);
    const event = { __typename: 'TaskDeleted', cursor: '2', taskId: 't1' };
    expect(withOtherTypesFieldsNull({ workspaceEvents: event }, document)).toEqual({
      workspaceEvents: { ...event, comment: null },
    });
    expect(withOtherTypesFieldsNull(null, document)).toBeNull();
  });

  it('RT-7.1 waits half a second before retrying a lost connection, twice as long each time, at most about 30 s', () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(1, () => 0)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(5000);
    expect(reconnectDelay(20, () => 0)).toBe(30_000);
  });
});
