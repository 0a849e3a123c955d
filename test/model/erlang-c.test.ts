import { describe, expect, it } from 'vitest';
import { erlangCMeanWait, erlangCWaitProbability } from '../../src/model/erlang-c.js';

describe('Erlang C', () => {
  it('reduces to M/M/1 with one server: P(wait) = ρ and Wq = ρ / (μ - λ)', () => {
    expect(erlangCWaitProbability(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangCMeanWait(1, 0.7, 1)).toBeCloseTo(0.7 / 0.3, 12);
  });

  it('matches the two-server closed form P(wait) = 2ρ² / (1 + ρ)', () => {
    for (const rho of [0.1, 0.5, 0.9]) expect(erlangCWaitProbability(2, 2 * rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
  });

  it('matches a published table value: c = 10, a = 8 gives P(wait) ≈ 0.409', () => {
    // Direct evaluation of the textbook formula, with factorials, for a cross-check.
    const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
    const a = 8;
    const top = a ** 10 / fact(10);
    const below = Array.from({ length: 10 }, (_, k) => a ** k / fact(k)).reduce((x, y) => x + y, 0);
    const direct = top / ((1 - a / 10) * below + top);
    expect(erlangCWaitProbability(10, 8)).toBeCloseTo(direct, 12);
    expect(erlangCWaitProbability(10, 8)).toBeCloseTo(0.409, 3);
  });

  it('stays finite for hundreds of servers', () => {
    const p = erlangCWaitProbability(500, 450);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('refuses a load at or above the number of servers', () => {
    expect(() => erlangCWaitProbability(4, 4)).toThrow(/requires a load below the servers/);
  });
});
