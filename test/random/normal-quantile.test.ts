import { describe, expect, it } from 'vitest';
import { probit } from 'simple-statistics';
import { normalQuantile } from '../../src/random/normal-quantile.js';
import { createRng } from '../../src/random/rng.js';

describe('normalQuantile', () => {
  it("returns simple-statistics' probit bit for bit over a million draws", () => {
    const rng = createRng(7, 0, 'normal-quantile');
    let differing = 0;
    for (let i = 0; i < 1_000_000; i += 1) {
      const p = rng();
      if (!Object.is(normalQuantile(p), probit(p))) differing += 1;
    }
    expect(differing).toBe(0);
  });

  it('agrees at the edges and the middle, where probit moves 0 and 1 inside', () => {
    for (const p of [0, 1e-12, 1e-4, 0.05, 0.5, 0.95, 1 - 1e-12, 1 - 1e-4, 1, 1.5]) expect(Object.is(normalQuantile(p), probit(p))).toBe(true);
  });

  it('is the normal quantile to the approximation’s accuracy', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 2);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 2);
  });
});
