import { describe, expect, it } from 'vitest';
import { checkpointIntervalTicks, dalyInterval, exactEttr, firstOrderEttr, splitCycles, wallTicksForCompute, youngInterval } from '../../src/model/checkpoint.js';

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
  it("youngInterval is sqrt(2 x write x MTBF)", () => {
    expect(youngInterval(2, 100)).toBeCloseTo(20, 12);
  });

  it("dalyInterval gives Daly's published optima (FGCS 22(3), figs. 3-5: write 5 min, restart 10 min)", () => {
    // MTBF 24 h -> 117 min, 6 h -> 57 min, 15 min -> 9.1 min, as printed (to the figure's digits).
    expect(dalyInterval(5, 24 * 60)).toBeCloseTo(117, 0);
    expect(dalyInterval(5, 6 * 60)).toBeCloseTo(57, 0);
    expect(dalyInterval(5, 15)).toBeCloseTo(9.1, 1);
    // Young's interval is 12.2 min at the 15-minute MTBF: Daly's is a quarter shorter.
    expect(youngInterval(5, 15)).toBeCloseTo(12.25, 2);
  });

  it('dalyInterval is the MTBF once a write takes twice the MTBF or more, and tends to Young as writes shrink', () => {
    expect(dalyInterval(40, 20)).toBe(20);
    expect(dalyInterval(50, 20)).toBe(20);
    expect(dalyInterval(1e-4, 1000) / youngInterval(1e-4, 1000)).toBeCloseTo(1, 3);
  });

  it("dalyInterval lies closer than Young's to the interval that maximises the exact renewal ETTR", () => {
    for (const [write, mtbf, restart] of [[5, 15, 10], [2, 60, 10], [0.1, 30, 3]] as const) {
      const lambda = 1 / mtbf;
      let best = 0;
      for (let tau = 0.01; tau < 5 * mtbf; tau += 0.01) if (exactEttr(tau, write, restart, lambda) > exactEttr(best, write, restart, lambda)) best = tau;
      expect(Math.abs(dalyInterval(write, mtbf) - best)).toBeLessThan(Math.abs(youngInterval(write, mtbf) - best));
      expect(Math.abs(dalyInterval(write, mtbf) - best) / best).toBeLessThan(0.02);
    }
  });

  it('checkpointIntervalTicks picks Daly for auto, Young for young, and rounds minutes to whole ticks', () => {
    // 16 GPUs at 0.25 per GPU-hour: MTBF 15 minutes = 900 one-second ticks; write 300 ticks.
    expect(checkpointIntervalTicks('auto', 300, 16, 0.25, 1)).toBe(Math.round(dalyInterval(300, 900)));
    expect(checkpointIntervalTicks('young', 300, 16, 0.25, 1)).toBe(Math.round(youngInterval(300, 900)));
    expect(checkpointIntervalTicks('auto', 300, 16, 0, 1)).toBe(Infinity);
    expect(checkpointIntervalTicks('none', 300, 16, 0.25, 1)).toBe(Infinity);
    expect(checkpointIntervalTicks(0.5, 6, 16, 0.25, 1)).toBe(30);
    expect(checkpointIntervalTicks(0.01, 6, 16, 0.25, 60)).toBe(1);
  });

  it('the Young interval maximises the first-order ETTR', () => {
    const write = 2;
    const mtbf = 150;
    const best = youngInterval(write, mtbf);
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
