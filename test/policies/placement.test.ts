import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { podsSpanned } from '../../src/policies/placement.js';
import { aRun, aScenario } from '../builders.js';

// 4 racks x 72 GPUs x 5,000 TFLOP/s x 0.4 x 60 s: one minute of a 4-rack run
const minuteOf4 = 4 * 72 * 5000e12 * 0.4 * 60;

describe('placement in pods', () => {
  it('counts the pods a run spans at least', () => {
    expect(podsSpanned(4, 4)).toBe(1);
    expect(podsSpanned(5, 4)).toBe(2);
    expect(podsSpanned(18, 8)).toBe(3);
  });

  it('slows a run larger than a pod by the cross-pod MFU penalty, and only such a run', () => {
    const scenario = (podRacks: number) =>
      aScenario({ scheduler: { policy: 'fifo', placement: { podRacks, crossPodMfuPenalty: 0.2 } }, runs: [aRun({ racks: 4, totalFlop: minuteOf4 * 1000 })] });
    expect(simulate(scenario(4)).runs[0]?.endTick).toBe(1000);
    // 1,000 minutes of work at 0.8 of the speed: 1,250 minutes.
    expect(simulate(scenario(2)).runs[0]?.endTick).toBe(1250);
  });

  it('defaults the penalty to 0.1', () => {
    const s = aScenario({ scheduler: { policy: 'fifo', placement: { podRacks: 2 } }, runs: [aRun({ racks: 4, totalFlop: minuteOf4 * 900 })] });
    expect(simulate(s).runs[0]?.endTick).toBe(1000);
  });
});
