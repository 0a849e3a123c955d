import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { podsSpanned } from '../../src/policies/placement.js';
import { aRun, aMinuteScenario } from '../builders.js';

// 4 racks x 72 GPUs x 5,000 TFLOP/s x 0.4 x 60 s: one minute of a 4-rack run
const minuteOf4 = 4 * 72 * 5000e12 * 0.4 * 60;

describe('placement in pods', () => {
  it('counts the pods a run spans at least', () => {
    expect(podsSpanned(4, 4)).toBe(1);
    expect(podsSpanned(5, 4)).toBe(2);
    expect(podsSpanned(18, 8)).toBe(3);
  });

  it('slows a run larger than a pod by the cross-pod MFU penalty, and not one that fits in a pod', () => {
    const scenario = (podRacks: number) =>
      aMinuteScenario({ scheduler: { policy: 'fifo', placement: { podRacks, crossPodMfuPenalty: 0.2 } }, runs: [aRun({ racks: 4, totalFlop: minuteOf4 * 1000 })] });
    expect(simulateScenario(scenario(4)).runs[0]?.endTick).toBe(1000);
    // 1,000 minutes of work at 0.8 of the speed: 1,250 minutes.
    expect(simulateScenario(scenario(2)).runs[0]?.endTick).toBe(1250);
  });

  it('slows a run that fits the cluster but only across pods, and only while it is spread', () => {
    // Two pods of 4 racks: 3 racks go to pod 0, 3 to pod 1, and the last 2 must take one rack of each.
    const oneMinute = (racks: number) => racks * 72 * 5000e12 * 0.4 * 60;
    const scenario = aMinuteScenario({
      scheduler: { policy: 'fifo', placement: { podRacks: 4, crossPodMfuPenalty: 0.2 } },
      runs: [
        aRun({ name: 'a', racks: 3, totalFlop: oneMinute(3) * 2000 }),
        aRun({ name: 'b', racks: 3, totalFlop: oneMinute(3) * 2000 }),
        aRun({ name: 'c', racks: 2, totalFlop: oneMinute(2) * 1000 }),
        aRun({ name: 'd', racks: 2, submit: '2026-07-03', totalFlop: oneMinute(2) * 1000 }),
      ],
    });
    const [a, b, c, d] = simulateScenario(scenario).runs;
    expect([a?.endTick, b?.endTick]).toEqual([2000, 2000]);
    expect(c?.endTick).toBe(1250);
    // d starts after a and b are done, in an empty pod: full speed.
    expect((d?.endTick ?? 0) - (d?.firstStartTick ?? 0)).toBe(1000);
  });

  it('defaults the penalty to 0.1', () => {
    const s = aMinuteScenario({ scheduler: { policy: 'fifo', placement: { podRacks: 2 } }, runs: [aRun({ racks: 4, totalFlop: minuteOf4 * 900 })] });
    expect(simulateScenario(s).runs[0]?.endTick).toBe(1000);
  });
});
