import { describe, expect, it } from 'vitest';
import { bulletinBrief, bulletinDay, bulletinRunId, fingerprint, rotate, ROTATION_MEMORY, stableJson, type RotationState } from '../../../domain/schedules/index.js';
import type { ContentBrief } from '../../../domain/brief.js';

describe('message rotation', () => {
  it('gives each new run the next message, wrapping around the pool', () => {
    let state: RotationState = { next: 0, runs: {} };
    const picked: number[] = [];
    for (const run of ['a', 'b', 'c', 'd', 'e']) {
      const r = rotate(state, run, 3);
      picked.push(r.index);
      state = r.state;
    }
    expect(picked).toEqual([0, 1, 2, 0, 1]);
  });

  it('gives a retried run the message it already had, and leaves the state alone', () => {
    const first = rotate({ next: 4, runs: {} }, 'run-1', 5);
    expect(first.index).toBe(4);
    const again = rotate(first.state, 'run-1', 5);
    expect(again).toEqual({ index: 4, state: first.state, reused: true });
    expect(rotate(again.state, 'run-2', 5).index).toBe(0);
  });

  it('keeps working when the pool shrinks, and forgets old runs', () => {
    let state: RotationState = { next: 0, runs: {} };
    for (let i = 0; i < ROTATION_MEMORY + 10; i++) state = rotate(state, `r${i}`, 4).state;
    expect(Object.keys(state.runs)).toHaveLength(ROTATION_MEMORY);
    expect(state.runs.r0).toBeUndefined();
    expect(rotate(state, `r${ROTATION_MEMORY + 9}`, 2).index).toBeLessThan(2);
    expect(() => rotate(state, 'x', 0)).toThrow(RangeError);
  });
});

describe('bulletin runs', () => {
  it('name a scheduled run by its scheduled time, other runs by a hash', () => {
    expect(bulletinRunId('sched-p-bulletin-t', 'sched-p-bulletin-t-2026-03-01T21:30:00Z')).toBe('sched-p-bulletin-t-20260301t213000z');
    const manual = bulletinRunId('sched-p-bulletin-t', 'my-own-id');
    expect(manual).toMatch(/^sched-p-bulletin-t-w[0-9a-f]{12}$/);
    expect(bulletinRunId('sched-p-bulletin-t', 'my-own-id')).toBe(manual);
  });

  it('broadcast today before the slot, tomorrow after it', () => {
    expect(bulletinDay('2026-03-02', '04:30', '05:30')).toBe('2026-03-02');
    expect(bulletinDay('2026-03-02', '05:30', '05:30')).toBe('2026-03-03');
    expect(bulletinDay('2026-12-31', '14:00', '05:30')).toBe('2027-01-01');
  });

  it('make the chosen message the headline and the message repeated on air', () => {
    const base = { headline: 'Nhiệm vụ', keyMessages: ['a', 'b'], occasionDate: '' } as unknown as ContentBrief;
    expect(bulletinBrief(base, 'Giáo dục là quốc sách hàng đầu.', '2026-03-02')).toMatchObject({
      headline: 'Giáo dục là quốc sách hàng đầu',
      keyMessages: ['Giáo dục là quốc sách hàng đầu.'],
      occasionDate: '2026-03-02',
    });
  });
});

describe('fingerprint', () => {
  it('does not depend on key order, and sees any change of value', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(fingerprint({ a: 1, b: 'Tiếng Việt' })).toBe(fingerprint({ b: 'Tiếng Việt', a: 1 }));
    expect(fingerprint({ a: 1, b: 'Tiếng Việt' })).not.toBe(fingerprint({ a: 1, b: 'Tiếng Viet' }));
  });
});
