import { describe, expect, it } from 'vitest';
import { allocateCents } from '../../src/model/money.js';

describe('allocateCents', () => {
  it('splits in proportion and sums to exactly the total', () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateCents(1000, [3, 1])).toEqual([750, 250]);
  });

  it('sums exactly for awkward weights', () => {
    const weights = [1 / 3, Math.PI, 7e-9, 12345.678, 0];
    const out = allocateCents(630_000_000_000, weights);
    expect(out.reduce((a, b) => a + b, 0)).toBe(630_000_000_000);
    expect(out[4]).toBe(0);
    expect(out.every(Number.isInteger)).toBe(true);
  });

  it('gives nothing when every weight is zero', () => {
    expect(allocateCents(100, [0, 0])).toEqual([0, 0]);
  });
});
