import { describe, expect, it } from 'vitest';
import { allocateCents, leaseFeeCentsByMonth } from '../../src/model/money.js';
import { monthsOf, parseIsoMinutes } from '../../src/model/time.js';

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

describe('lease fees', () => {
  it('charge the whole fee for whole months: 42 months of $150M is $6.3B', () => {
    const start = parseIsoMinutes('2026-07-01');
    const horizonTicks = (parseIsoMinutes('2030-01-01') - start);
    const months = monthsOf(start, 1, horizonTicks);
    expect(months).toHaveLength(42);
    const fees = leaseFeeCentsByMonth(months, 150_000_000);
    expect(fees.reduce((a, b) => a + b, 0)).toBe(6_300_000_000 * 100);
  });

  it('prorate a partial month by days', () => {
    const start = parseIsoMinutes('2026-07-01');
    const months = monthsOf(start, 1, 15 * 24 * 60);
    expect(months).toHaveLength(1);
    expect(leaseFeeCentsByMonth(months, 3_100_000)).toEqual([150_000_000]); // 15/31 of $3.1M
  });
});
