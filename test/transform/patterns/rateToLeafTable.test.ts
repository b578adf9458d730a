import { describe, expect, it } from 'vitest';
import { priorStrength, rateToLeafTable } from '../../../transform/patterns/rateToLeafTable.js';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('rateToLeafTable', () => {
  it('expects a stably worse value to stay worse (main effect), so it is not a surge', () => {
    // Site s2 fails 3x as often as s1, in the baseline and in the window alike.
    const t = rateToLeafTable({
      attributes: ['site', 'sbc'],
      values: [['s1', 's1', 's2', 's2'], ['a', 'b', 'a', 'b']],
      failures: f64([10, 10, 30, 30]),
      attempts: f64([500, 500, 500, 500]),
      baselineFailures: f64([40, 40, 120, 120]),
      baselineAttempts: f64([2000, 2000, 2000, 2000]),
    });
    expect(t.table.counts).toBe(true);
    expect(t.table.expected[2] ?? 0).toBeGreaterThan(25);
    expect(t.table.expected[0] ?? 0).toBeLessThan(15);
  });

  it('shrinks a thin leaf toward its prior instead of trusting its own ratio', () => {
    // Leaf 3 has 1 baseline attempt that failed: its own ratio (100%) is noise.
    const t = rateToLeafTable({
      attributes: ['x'],
      values: [['a', 'b', 'c', 'd']],
      failures: f64([5, 5, 5, 0]),
      attempts: f64([100, 100, 100, 10]),
      baselineFailures: f64([20, 20, 20, 1]),
      baselineAttempts: f64([400, 400, 400, 1]),
    });
    expect((t.table.expected[3] ?? 0) / 10).toBeLessThan(0.5);
  });

  it('estimates an infinite prior strength when leaves vary no more than binomial noise', () => {
    expect(priorStrength(f64([10, 10, 10]), f64([200, 200, 200]), f64([0.05, 0.05, 0.05]))).toBe(Infinity);
    expect(priorStrength(f64([2, 30, 10]), f64([200, 200, 200]), f64([0.07, 0.07, 0.07]))).toBeLessThan(1000);
  });
});
