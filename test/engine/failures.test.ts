import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { aRun, aMinuteScenario } from '../builders.js';

const checkpointed = (overrides: Parameters<typeof aRun>[0] = {}) =>
  aRun({ racks: 4, totalFlop: 1e23, checkpoint: { intervalMinutes: 30, writeMinutes: 1 }, ...overrides });

const oneCause = (repairHours: number) => ({
  ratePerGpuHour: 2e-3,
  restartMinutes: 10,
  causes: [{ name: 'gpu', share: 1, repairHours }],
});

describe('failures, repairs and spares', () => {
  it('a run on every rack with no spare waits for the repair before restarting', () => {
    const scenario = aMinuteScenario({ cluster: { racks: 4 }, failures: oneCause(6), runs: [checkpointed()] });
    const run = simulateScenario(scenario, { seed: 1 }).runs[0]!;
    const noFailures = simulateScenario(aMinuteScenario({ cluster: { racks: 4 }, runs: [checkpointed()] })).runs[0]!;
    expect(run.status).toBe('completed');
    expect(run.interruptions).toBeGreaterThan(0);
    // Each interruption costs at least the six-hour repair on top of the lost work and restart.
    expect(run.endTick! - noFailures.endTick!).toBeGreaterThanOrEqual(run.interruptions * (6 * 60 + 10));
  });

  it('spare racks let the run restart at once', () => {
    // Four spares and 30-minute repairs: the spares run out only if five failures fall within
    // half an hour, against an MTBF of 1.7 hours.
    const scenario = aMinuteScenario({ cluster: { racks: 8, spareRacks: 4 }, failures: oneCause(0.5), runs: [checkpointed()] });
    const run = simulateScenario(scenario, { seed: 1 }).runs[0]!;
    expect(run.status).toBe('completed');
    expect(run.interruptions).toBeGreaterThan(0);
    // Restart time is exactly 10 minutes per interruption: no waiting for racks.
    expect(run.restartRackTicks).toBeLessThanOrEqual(run.interruptions * 10 * 4);
    const wall = run.endTick! - run.firstStartTick!;
    const held = (run.productiveRackTicks + run.lostRackTicks + run.checkpointRackTicks + run.restartRackTicks) / 4;
    expect(held).toBe(wall);
  });

  it('with one spare, two failures within a repair make the run wait for racks', () => {
    const scenario = aMinuteScenario({ cluster: { racks: 5, spareRacks: 1 }, failures: oneCause(0.5), runs: [checkpointed()] });
    const run = simulateScenario(scenario, { seed: 1 }).runs[0]!;
    const held = (run.productiveRackTicks + run.lostRackTicks + run.checkpointRackTicks + run.restartRackTicks) / 4;
    expect(held).toBeLessThan(run.endTick! - run.firstStartTick!);
  });

  it('a cause without repair keeps the rack in service', () => {
    const record = simulateScenario(aMinuteScenario({ cluster: { racks: 4 }, failures: oneCause(0), runs: [checkpointed()] }), { seed: 1 });
    expect(record.months.every((m) => m.downRackTicks === 0)).toBe(true);
    expect(record.runs[0]!.interruptions).toBeGreaterThan(0);
  });

  it('loses at most the work since the last checkpoint at each interruption', () => {
    const scenario = aMinuteScenario({
      cluster: { racks: 4 },
      failures: oneCause(0),
      runs: [checkpointed({ checkpoint: { intervalMinutes: 20, writeMinutes: 1 } })],
    });
    const run = simulateScenario(scenario, { seed: 2 }).runs[0]!;
    expect(run.interruptions).toBeGreaterThan(2);
    expect(run.lostRackTicks).toBeLessThanOrEqual(run.interruptions * 20 * 4);
  });

  it('counts interruptions by root cause in proportion to their shares', () => {
    const scenario = aMinuteScenario({
      end: '2026-12-31',
      failures: {
        ratePerGpuHour: 1e-3,
        causes: [
          { name: 'hardware', share: 3, repairHours: 0 },
          { name: 'software', share: 1, repairHours: 0 },
        ],
      },
      runs: [aRun({ racks: 4, totalFlop: 2e24, checkpoint: { intervalMinutes: 30, writeMinutes: 1 } })],
    });
    const run = simulateScenario(scenario, { seed: 5 }).runs[0]!;
    const hw = run.interruptionsByCause.hardware ?? 0;
    const sw = run.interruptionsByCause.software ?? 0;
    expect(hw + sw).toBe(run.interruptions);
    expect(hw / run.interruptions).toBeGreaterThan(0.68);
    expect(hw / run.interruptions).toBeLessThan(0.82);
  });
});
