import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import type { FacilitySpec } from '../../src/facility/facility-spec.js';
import { aRun, aMinuteScenario } from '../builders.js';

/**
 * The engine never visits a tick: it integrates rack power over stretches from the checkpoint
 * cycle's closed form. Here the same power is rebuilt by visiting every tick of the runs' holds,
 * and the swings are counted tick by tick; both must agree exactly.
 */
describe('rack power from the checkpoint cycle', () => {
  const scenario = aMinuteScenario({
    start: '2027-07-01',
    end: '2027-07-03',
    failures: { ratePerGpuHour: 2e-4, restartMinutes: 10, repairHours: 3 },
    runs: [
      aRun({ name: 'a', racks: 4, totalFlop: 5e22, checkpoint: { intervalMinutes: 37, writeMinutes: 4 } }),
      aRun({ name: 'b', racks: 3, submit: '2027-07-01T05:00', totalFlop: 3e22, checkpoint: { intervalMinutes: 20, writeMinutes: 2 } }),
    ],
    // A ramp limit below any whole-run swing: every swing counts.
    facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 10, rampMwPerMinute: 0.001 } },
  });
  const record = simulateScenario(scenario);
  const f = record.facility;
  const spec = scenario.facility as FacilitySpec;

  it('hourly IT power equals the tick-by-tick sum over every rack state', () => {
    if (!f) throw new Error('expected a facility record');
    const horizon = scenario.horizonTicks;
    const heldRackKw = new Float64Array(horizon);
    const heldRacks = new Float64Array(horizon);
    const downRacks = new Float64Array(horizon);
    // A whole-run swing is a tick at which a run's own draw changes: a write begins or ends, a
    // restart ends, or a hold begins or ends (a start, a failure, a completion).
    let swings = 0;
    for (const run of record.runs) {
      const s = scenario.runs.find((x) => x.name === run.name);
      if (!s) continue;
      const runKw = new Float64Array(horizon);
      for (const hold of run.holds ?? []) {
        const stop = hold.stopTick ?? horizon;
        const cycle = s.checkpointIntervalTicks + s.checkpointWriteTicks;
        for (let t = hold.startTick; t < stop; t += 1) {
          const phase = t < hold.anchorTick ? 'restart' : (t - hold.anchorTick) % cycle < s.checkpointIntervalTicks ? 'compute' : 'write';
          const kw = hold.racks * (phase === 'compute' ? spec.it.trainingKw : phase === 'write' ? spec.it.checkpointKw : spec.it.restartKw);
          heldRackKw[t] = (heldRackKw[t] ?? 0) + kw;
          runKw[t] = kw - hold.racks * spec.it.idleKw;
          heldRacks[t] = (heldRacks[t] ?? 0) + hold.racks;
        }
        if (hold.repairTicks > 0) for (let t = stop; t < Math.min(horizon, stop + hold.repairTicks); t += 1) downRacks[t] = (downRacks[t] ?? 0) + 1;
      }
      for (let t = 0; t < horizon; t += 1) if ((runKw[t] ?? 0) !== (t === 0 ? 0 : (runKw[t - 1] ?? 0))) swings += 1;
    }
    for (let h = 0; h < f.itMw.length; h += 1) {
      let kwTicks = 0;
      for (let t = h * 60; t < (h + 1) * 60; t += 1) kwTicks += (heldRackKw[t] ?? 0) + (8 - (heldRacks[t] ?? 0) - (downRacks[t] ?? 0)) * spec.it.idleKw;
      expect(f.itMw[h], `hour ${h}`).toBeCloseTo((kwTicks / 60 / 1000) * (1 + spec.it.overheadMwPerItMw), 9);
    }
    expect(record.runs.reduce((n, r) => n + r.interruptions, 0)).toBeGreaterThan(0);
    expect(swings).toBeGreaterThan(50);
    const causes = Object.values(f.swings.byCause);
    expect(causes.reduce((n, c) => n + c.swings, 0)).toBe(swings);
    // Below any swing, without smoothing or a battery, every swing is a violation.
    expect(causes.reduce((n, c) => n + c.left, 0)).toBe(swings);
    expect(f.swings.byCause.failure.swings).toBeGreaterThan(0);
  });
});

describe('whole-run swings in the hourly series', () => {
  it('each hour with a checkpoint write shows the run-wide step at the facility meter', async () => {
    const { simulateScenario } = await import('../../src/simulation/simulate-scenario.js');
    const { facilityPerRackItMw } = await import('../../src/facility/facility-power.js');
    const scenario = aMinuteScenario({
      start: '2027-07-01',
      end: '2027-07-01',
      runs: [aRun({ racks: 4, totalFlop: 1e24, checkpoint: { intervalMinutes: 90, writeMinutes: 5 } })],
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 10 } },
    });
    const f = simulateScenario(scenario).facility;
    const spec = scenario.facility as FacilitySpec;
    // The run starts at tick 0 (idle to training: the same step, since a write draws idle power);
    // writes start at 90, 185, 280, ... and end 5 ticks later: hour 1 has both; hour 2 none.
    const step = (h: number) => (4 * (spec.it.trainingKw - spec.it.checkpointKw) * facilityPerRackItMw(spec.it, spec.cooling, f?.dryBulbC[h] ?? 0)) / 1000;
    expect(f?.swingMw[0]).toBeCloseTo(step(0), 12);
    expect(f?.swingMw[1]).toBeCloseTo(step(1), 12);
    expect(f?.swingMw[2]).toBe(0);
  });
});
