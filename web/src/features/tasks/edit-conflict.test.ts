// When a field being edited counts as changed under the user.
import { describe, expect, it } from 'vitest';
import { changedUnderEdit, changedUnderEditMessage } from './edit-conflict.ts';

const base = { version: 3, value: 'Book the venue' };

describe('a change under an edit', () => {
  it('RT-7.4 is a newer version with another value than the one started from and the one typed', () => {
    expect(changedUnderEdit(base, { version: 4, value: 'Book the church' }, 'Book the town hall')).toBe(true);
    // The description's editor keeps its draft: only the value started from counts.
    expect(changedUnderEdit(base, { version: 4, value: 'Book the church' })).toBe(true);
  });

  it('RT-7.4 is not one’s own save, a change of another field, an older version, or the same text typed', () => {
    expect(changedUnderEdit(base, { version: 4, value: 'Book the town hall' }, 'Book the town hall')).toBe(false);
    expect(changedUnderEdit(base, { version: 4, value: 'Book the venue' }, 'Book the town hall')).toBe(false);
    expect(changedUnderEdit(base, { version: 3, value: 'Book the church' }, 'Book the town hall')).toBe(false);
  });

  it('RT-7.4 names who changed it, or says someone did', () => {
    expect(changedUnderEditMessage('Grace Hopper', 'title')).toBe(
      'Grace Hopper changed the title while you were editing.',
    );
    expect(changedUnderEditMessage(undefined, 'description')).toBe(
      'Someone changed the description while you were editing.',
    );
  });
});
