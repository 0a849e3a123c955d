import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import type { FacilitySpec } from '../../src/facility/facility-spec.js';
import type { WrittenFacility } from '../../src/facility/schema.js';
import { autoRampKwPerSecond, batteryRidesThrough, rampDown, visibleStep } from '../../src/facility/smoothing.js';
import { facilityPerRackItMw } from '../../src/facility/facility-power.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';

/** One run of 4 GB300 racks writing a checkpoint every 30 minutes for 3, no failures, two days. */
function withSwings(facility: Partial<WrittenFacility>) {
  const scenario = aScenario({
    start: '2027-07-01',
    end: '2027-07-02',
    runs: [aRun({ racks: 4, totalFlop: 4e22, checkpoint: { intervalMinutes: 30, writeMinutes: 3 } })],
    facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 5, rampMwPerMinute: 0.1 }, ...facility },
  });
  const record = simulateScenario(scenario);
  const summary = summarize(record, provenance).facility;
  if (!summary || !record.facility) throw new Error('expected a facility');
  return { scenario, record, f: record.facility, summary, spec: scenario.facility as FacilitySpec };
}

describe('rack smoothing in closed form', () => {
  const ramp = { rampKwPerSecond: 2, storeKj: 100 };

  it('a ramp-down burns the triangle above the low level, or the trapezoid when the low phase ends first', () => {
    expect(rampDown(100, 20, ramp, 60)).toEqual({ burnKj: (80 * 80) / (2 * 2), endKw: 20 });
    // 80 kW at 2 kW/s takes 40 s; a 10 s write ends at 80 kW, having burned 80 x 10 - 2 x 100 / 2.
    expect(rampDown(100, 20, ramp, 10)).toEqual({ burnKj: 800 - 100, endKw: 80 });
    expect(rampDown(100, 20, { rampKwPerSecond: Infinity, storeKj: 0 }, 10)).toEqual({ burnKj: 0, endKw: 20 });
  });

  it('a step up is ramped while the store holds its triangle, and otherwise the rest arrives at once', () => {
    // 10 kW at 2 kW/s needs 25 kJ: the store holds it; within a 60 s tick all 10 kW arrive, ramped.
    expect(visibleStep(10, true, ramp, 60)).toEqual({ visibleKw: 10, storeKj: 25 });
    // Within a 1 s tick only the ramp's 2 kW show.
    expect(visibleStep(10, true, ramp, 1).visibleKw).toBe(2);
    // 30 kW needs 225 kJ; 100 kJ last until the ramp reached 30 - √(900 - 400) = 7.64 kW.
    const short = visibleStep(30, true, ramp, 1);
    expect(short.storeKj).toBe(100);
    expect(short.visibleKw).toBeCloseTo(Math.sqrt(500) + 2, 12);
    // Down, the draw falls at the ramp whatever the store.
    expect(visibleStep(30, false, ramp, 1).visibleKw).toBe(2);
  });

  it("the automatic ramp moves the whole campus's meter by exactly the supply's limit per minute", () => {
    const r = autoRampKwPerSecond(10, 919, 1.2);
    expect(919 * r * 60 * 1.2).toBeCloseTo(10_000, 9);
    expect(autoRampKwPerSecond(Infinity, 919, 1.2)).toBe(Infinity);
  });

  it('the battery rides through a step only with the power for its excess and the energy of its triangle', () => {
    const battery = { powerMw: 1, energyMwh: 1 };
    // A 1.1 MW step against 0.1 MW a tick: 1 MW excess, 1² / (2 x 0.1) MW-min = 5 MW-min = 1/12 MWh.
    expect(batteryRidesThrough(1.1, 0.1, 0.1, battery, 0.5, true)).toBe(true);
    expect(batteryRidesThrough(1.1, 0.1, 0.1, battery, 1 / 12 - 1e-6, true)).toBe(false);
    expect(batteryRidesThrough(1.2, 0.1, 0.1, battery, 1, true)).toBe(false);
    // Down, it needs room to charge: a full battery cannot take a step down.
    expect(batteryRidesThrough(1.1, 0.1, 0.1, battery, 1, false)).toBe(false);
    expect(batteryRidesThrough(1.1, 0.1, 0.1, battery, 0.5, false)).toBe(true);
  });
});

describe('whole-run swings against the ramp limit', () => {
  it('without smoothing or a battery, every write, start and stop over the limit is a violation', () => {
    const { summary, spec, f } = withSwings({});
    const c = summary.swingsByCause;
    const writes = c.find((x) => x.cause === 'checkpoint');
    expect(writes?.swings).toBeGreaterThan(40);
    expect(summary.rampViolations).toBe(summary.swings);
    expect(c.find((x) => x.cause === 'restart')?.swings).toBe(1);
    expect(c.find((x) => x.cause === 'stop')?.swings).toBe(1);
    expect(summary.maxSwingMw).toBeCloseTo((4 * (spec.it.trainingKw - spec.it.checkpointKw) * Math.max(...Array.from(f.dryBulbC, (t) => facilityPerRackItMw(spec.it, spec.cooling, t)))) / 1000, 9);
    expect(summary.smoothingEnergyMwh).toBe(0);
  });

  it('a battery that covers a swing removes its violation, and one too small removes none', () => {
    const none = withSwings({}).summary;
    // The steps are ~0.45 MW against 0.1 MW a minute: 0.35 MW of excess for ~0.01 MWh.
    const covered = withSwings({ supply: { gridMw: 5, rampMwPerMinute: 0.1, battery: { energyMwh: 1, powerMw: 0.5 } } }).summary;
    const tooSmall = withSwings({ supply: { gridMw: 5, rampMwPerMinute: 0.1, battery: { energyMwh: 1, powerMw: 0.2 } } }).summary;
    // A full battery has no room to charge, so it takes the steps up (write ends, the start) and not the steps down.
    const ups = (s: typeof none) => s.swingsByCause.reduce((n, c) => n + (c.cause === 'restart' ? c.swings : 0), 0) + (s.swingsByCause.find((c) => c.cause === 'checkpoint')?.swings ?? 0) / 2;
    expect(covered.swingsRiddenByBattery).toBe(ups(none));
    expect(covered.rampViolations).toBe(none.rampViolations - ups(none));
    expect(tooSmall.swingsRiddenByBattery).toBe(0);
    expect(tooSmall.rampViolations).toBe(none.rampViolations);
  });

  it('rack smoothing ramps every step down within the limit and burns, in closed form, what it holds up', () => {
    const plain = withSwings({});
    const smooth = withSwings({ smoothing: {}, supply: { gridMw: 5, rampMwPerMinute: 0.1, battery: { energyMwh: 1, powerMw: 0.5 } } });
    const s = smooth.summary;
    expect(s.swingsByCause.find((c) => c.cause === 'stop')?.smoothed).toBe(1);
    // The stores (1 s of draw) cannot bridge a minute-scale ramp up: the battery takes those.
    expect(s.swingsSmoothed + s.swingsRiddenByBattery).toBe(s.swingsOverLimit);
    expect(s.rampViolations).toBe(0);
    // The burn: each write ramps down from training at r for 3 minutes; the stop ramps to idle.
    const it = smooth.spec.it;
    const ramp = { rampKwPerSecond: s.rackRampKwPerSecond ?? Infinity, storeKj: s.rackStoreKj };
    expect(ramp.rampKwPerSecond).toBeCloseTo(autoRampKwPerSecond(0.1, 8, facilityPerRackItMw(it, smooth.spec.cooling, smooth.spec.cooling.designC)), 12);
    const writes = (s.swingsByCause.find((c) => c.cause === 'checkpoint')?.swings ?? 0) / 2;
    const burnKj = 4 * (writes * rampDown(it.trainingKw, it.checkpointKw, ramp, 180).burnKj + rampDown(it.trainingKw, it.idleKw, ramp, Infinity).burnKj);
    const itMwh = (x: typeof plain) => x.summary.itEnergyMwh;
    expect(itMwh(smooth) - itMwh(plain)).toBeCloseTo((burnKj / 3.6e6) * (1 + it.overheadMwPerItMw), 6);
    expect(s.smoothingEnergyMwh).toBeGreaterThan(burnKj / 3.6e6);
    // Facility power is still IT + cooling + losses in every hour.
    smooth.f.facilityMw.forEach((mw, h) => expect(mw).toBeCloseTo((smooth.f.itMw[h] ?? 0) + (smooth.f.coolingMw[h] ?? 0) + (smooth.f.lossesMw[h] ?? 0), 12));
  });

  it('counts a failure as a step down and its restart as a step up', () => {
    const scenario = aScenario({
      start: '2027-07-01',
      end: '2027-07-03',
      failures: { ratePerGpuHour: 4e-4, restartMinutes: 10, repairHours: 1 },
      cluster: { racks: 8, spareRacks: 2 },
      runs: [aRun({ racks: 4, totalFlop: 1e24, checkpoint: { intervalMinutes: 30, writeMinutes: 3 } })],
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 5, rampMwPerMinute: 0.1 } },
    });
    const record = simulateScenario(scenario);
    const c = record.facility?.swings.byCause;
    const interruptions = record.runs.reduce((n, r) => n + r.interruptions, 0);
    expect(interruptions).toBeGreaterThan(3);
    // A failure during a write steps from write power to restart power: no step with the defaults.
    expect(c?.failure.swings).toBeLessThanOrEqual(interruptions);
    expect(c?.failure.swings).toBeGreaterThan(interruptions / 2);
    expect(c?.restart.swings).toBe(interruptions + 1);
  });
});
