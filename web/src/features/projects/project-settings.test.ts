import { describe, expect, it } from 'vitest';
import { leadIdOf, noLead, parseCategory, projectChanges, stateMove } from './project-settings.ts';

const saved = { name: 'Launch', key: 'LP', description: 'Plan', leadId: 'u1' };

describe('projectChanges', () => {
  it('PT-1.4 sends nothing when nothing changed', () => {
    expect(projectChanges(saved, { ...saved })).toEqual({});
  });

  it('PT-1.4 sends only the changed fields', () => {
    expect(projectChanges(saved, { ...saved, key: 'LPX', description: '' })).toEqual({ key: 'LPX', description: '' });
  });

  it('PT-1.4 clears the lead with null', () => {
    expect(projectChanges(saved, { ...saved, leadId: null })).toEqual({ leadId: null });
    expect(projectChanges({ ...saved, leadId: null }, { ...saved, leadId: 'u2' })).toEqual({ leadId: 'u2' });
  });
});

describe('leadIdOf', () => {
  it('PT-1.4 reads "No lead" as null', () => {
    expect(leadIdOf(noLead)).toBeNull();
    expect(leadIdOf('u1')).toBe('u1');
  });
});

describe('stateMove', () => {
  const states = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('PT-2.1 moves up before the previous state and down after the next one', () => {
    expect(stateMove(states, 'b', 'up')).toEqual({ beforeId: 'a' });
    expect(stateMove(states, 'b', 'down')).toEqual({ afterId: 'c' });
  });

  it('PT-2.1 does not move past either end or an unknown state', () => {
    expect(stateMove(states, 'a', 'up')).toBeUndefined();
    expect(stateMove(states, 'c', 'down')).toBeUndefined();
    expect(stateMove(states, 'x', 'up')).toBeUndefined();
  });
});

describe('parseCategory', () => {
  it('PT-2.1 accepts the categories only', () => {
    expect(parseCategory('STARTED')).toBe('STARTED');
    expect(parseCategory('started')).toBeUndefined();
  });
});
