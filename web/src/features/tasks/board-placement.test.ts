import { describe, expect, it } from 'vitest';
import { type Column, keyboardMove, placeAt, placementAnnouncement, settledPlacement } from './board-placement.ts';

const todo: Column = { stateId: 'todo', taskIds: ['a', 'b', 'c'] };
const doing: Column = { stateId: 'doing', taskIds: ['d'] };
const done: Column = { stateId: 'done', taskIds: [] };

describe('board placement', () => {
  it('PT-8.1 drops into another column between its cards', () => {
    expect(placeAt(doing, 'a', 0, todo)).toEqual({ stateId: 'doing', index: 0, beforeId: 'd' });
    expect(placeAt(doing, 'a', 1, todo)).toEqual({ stateId: 'doing', index: 1, afterId: 'd' });
    expect(placeAt(done, 'a', 0, todo)).toEqual({ stateId: 'done', index: 0 });
  });

  it('PT-8.1 drops within a column, counting the moving card where it was', () => {
    expect(placeAt(todo, 'a', 3)).toEqual({ stateId: 'todo', index: 2, afterId: 'c' });
    expect(placeAt(todo, 'c', 0)).toEqual({ stateId: 'todo', index: 0, beforeId: 'a' });
    expect(placeAt(todo, 'a', 2)).toEqual({ stateId: 'todo', index: 1, afterId: 'b', beforeId: 'c' });
  });

  it('PT-8.1 ignores a drop where the card already is', () => {
    expect(placeAt(todo, 'b', 1)).toBeUndefined();
    expect(placeAt(todo, 'b', 2)).toBeUndefined();
  });

  it('PT-8.1 moves with the keyboard up, down and across columns', () => {
    const columns = [todo, doing, done];
    expect(keyboardMove(columns, 'b', 'up')).toEqual({ stateId: 'todo', index: 0, beforeId: 'a' });
    expect(keyboardMove(columns, 'b', 'down')).toEqual({ stateId: 'todo', index: 2, afterId: 'c' });
    expect(keyboardMove(columns, 'a', 'up')).toBeUndefined();
    expect(keyboardMove(columns, 'c', 'down')).toBeUndefined();
    expect(keyboardMove(columns, 'c', 'right')).toEqual({ stateId: 'doing', index: 1, afterId: 'd' });
    expect(keyboardMove(columns, 'd', 'right')).toEqual({ stateId: 'done', index: 0 });
    expect(keyboardMove(columns, 'a', 'left')).toBeUndefined();
    expect(keyboardMove(columns, 'missing', 'left')).toBeUndefined();
  });

  it('PT-8.1 reads a finished drag from the previewed layout', () => {
    expect(settledPlacement({ todo: ['a', 'c'], doing: ['d', 'b'], done: [] }, 'b', todo)).toEqual({
      stateId: 'doing',
      index: 1,
      afterId: 'd',
    });
    expect(settledPlacement({ todo: ['b', 'a', 'c'], doing: ['d'] }, 'b', todo)).toEqual({
      stateId: 'todo',
      index: 0,
      beforeId: 'a',
    });
    expect(settledPlacement({ todo: ['a', 'c'], done: ['b'] }, 'b', todo)).toEqual({ stateId: 'done', index: 0 });
  });

  it('PT-8.1 ignores a drag that ends where it started, or without the card', () => {
    expect(settledPlacement({ todo: ['a', 'b', 'c'], doing: ['d'] }, 'b', todo)).toBeUndefined();
    expect(settledPlacement({ todo: ['a', 'c'] }, 'b', todo)).toBeUndefined();
  });

  it('WEB-6.3 computes a keyboard move from the column’s data, however far its neighbours are from the cards on screen', () => {
    const long: Column = { stateId: 'todo', taskIds: Array.from({ length: 100 }, (_, index) => `t${index}`) };
    const other: Column = { stateId: 'doing', taskIds: Array.from({ length: 100 }, (_, index) => `d${index}`) };
    expect(keyboardMove([long, other], 't60', 'right')).toEqual({
      stateId: 'doing',
      index: 60,
      afterId: 'd59',
      beforeId: 'd60',
    });
    expect(keyboardMove([long, other], 't99', 'up')).toEqual({
      stateId: 'todo',
      index: 98,
      afterId: 't97',
      beforeId: 't98',
    });
  });

  it('WEB-6.3 announces the key, the column, the position and the column’s count', () => {
    expect(placementAnnouncement('YEL-12', 'Done', 2, 40)).toBe('Moved YEL-12 to Done, position 3 of 40.');
  });
});
