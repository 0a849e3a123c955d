import { describe, expect, it } from 'vitest';
import { exactEttr, firstOrderEttr, splitCycles, wallTicksForCompute, youngDalyInterval } from '../../src/model/checkpoint.js';

describe('splitCycles', () => {
  it('splits elapsed time into committed compute, uncommitted compute and writes', () => {
    // interval 10, write 2: cycle of 12. At 30: two cycles done (20 compute, 4 write), 6 into the third.
    expect(splitCycles(30, 10, 2)).toEqual({ committedComputeTicks: 20, uncommittedComputeTicks: 6, writeTicks: 4, completedCheckpoints: 2 });
  });

  it('counts a write in progress as write time and its compute as uncommitted', () => {
    expect(splitCycles(11, 10, 2)).toEqual({ committedComputeTicks: 0, uncommittedComputeTicks: 10, writeTicks: 1, completedCheckpoints: 0 });
  });

  it('commits nothing when the run never checkpoints', () => {
    expect(splitCycles(500, Infinity, 2)).toEqual({ committedComputeTicks: 0, uncommittedComputeTicks: 500, writeTicks: 0, completedCheckpoints: 0 });
  });

  it('always adds back up to the elapsed time', () => {
    for (const elapsed of [0, 1, 9, 10, 11, 12, 13, 100, 1234]) {
      const s = splitCycles(elapsed, 7, 3);
      expect(s.committedComputeTicks + s.uncommittedComputeTicks + s.writeTicks).toBe(elapsed);
    }
  });
});

describe('wallTicksForCompute', () => {
  it('adds one write per completed interval before the last compute tick', () => {
    expect(wallTicksForCompute(10, 10, 2)).toBe(10); // no write before the 10th compute tick
    expect(wallTicksForCompute(11, 10, 2)).toBe(13);
    expect(wallTicksForCompute(25, 10, 2)).toBe(29);
    expect(wallTicksForCompute(25, Infinity, 2)).toBe(25);
  });

  it('is the inverse of splitCycles: at that wall time all compute is done', () => {
    for (const k of [1, 5, 10, 11, 99]) {
      const s = splitCycles(wallTicksForCompute(k, 10, 3), 10, 3);
      expect(s.committedComputeTicks + s.uncommittedComputeTicks).toBe(k);
    }
  });
});

describe('checkpoint closed forms', () => {
  it("youngDalyInterval is sqrt(2 x write x MTBF)", () => {
    expect(youngDalyInterval(2, 100)).toBeCloseTo(20, 12);
  });

  it('the Young/Daly interval maximises the first-order ETTR', () => {
    const write = 2;
    const mtbf = 150;
    const best = youngDalyInterval(write, mtbf);
    const at = (tau: number) => (1 - write / (tau + write)) - (1 / mtbf) * (tau + write) / 2;
    expect(at(best)).toBeGreaterThan(at(best * 0.8));
    expect(at(best)).toBeGreaterThan(at(best * 1.25));
  });

  it('exact and first-order ETTR agree when failures are rare and part when they are not', () => {
    expect(exactEttr(30, 2, 10, 1e-5)).toBeCloseTo(firstOrderEttr(30, 2, 10, 1e-5), 6);
    expect(Math.abs(exactEttr(30, 2, 10, 1e-2) - firstOrderEttr(30, 2, 10, 1e-2))).toBeGreaterThan(1e-3);
    expect(exactEttr(30, 2, 10, 0)).toBe(30 / 32);
  });
});
