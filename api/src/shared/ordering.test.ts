import { describe, expect, it } from 'vitest';
import { initialPositions, untied } from './ordering.ts';

const [a, b, c, d] = initialPositions(4).map((position) => position);

describe('untied', () => {
  it('PT-3.10 spreads each run of equal positions between its neighbours, keeping the order and the other rows', () => {
    const rows = [
      { id: '1', position: a ?? '' },
      { id: '2', position: b ?? '' },
      { id: '3', position: b ?? '' },
      { id: '4', position: b ?? '' },
      { id: '5', position: c ?? '' },
      { id: '6', position: c ?? '' },
      { id: '7', position: d ?? '' },
    ];
    const changes = untied(rows);
    expect(changes.map((change) => change.id)).toEqual(['2', '3', '4', '5', '6']);
    const result = rows.map((row) => changes.find((change) => change.id === row.id) ?? row);
    const keys = result.map((row) => row.position);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
    expect(result[0]?.position).toBe(a);
    expect(result[6]?.position).toBe(d);
  });

  it('PT-3.10 handles ties at either end of the list and leaves a list without ties alone', () => {
    expect(
      untied([
        { id: '1', position: a ?? '' },
        { id: '2', position: b ?? '' },
      ]),
    ).toEqual([]);
    const changes = untied([
      { id: '1', position: a ?? '' },
      { id: '2', position: a ?? '' },
    ]);
    expect(changes).toHaveLength(2);
    expect((changes[0]?.position ?? '') < (changes[1]?.position ?? '')).toBe(true);
  });
});
