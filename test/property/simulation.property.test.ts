import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { policyFor } from '../../src/policies/registry.js';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { summarize } from '../../src/reports/summary.js';
import { renderJson } from '../../src/reports/table.js';
import { ScenarioError } from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import { formatProblem } from '../../src/scenario/problems.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { provenance } from '../builders.js';
import { aValidScenario } from './generators.js';
import {
  expectFractions,
  expectGpuHoursConserved,
  expectMoneyConserved,
  expectProgressMonotone,
  expectFacilityWithinSupply,
  expectOptionMoneyConserved,
  expectRackTicksConserved,
  expectSeriesConserved,
  watchingPools,
} from './invariants.js';

/**
 * Invariants over generated valid scenarios. CI runs a few hundred with a fixed seed; run many
 * more locally with CAPSIM_PROPERTY_RUNS=20000 (and CAPSIM_PROPERTY_SEED=n for other scenarios).
 */
const numRuns = Number(process.env.CAPSIM_PROPERTY_RUNS ?? 300);
const seed = Number(process.env.CAPSIM_PROPERTY_SEED ?? 42);
// Room for many more runs locally, and for shrinking a counterexample.
const timeout = 60_000 + numRuns * 300;

function load(written: WrittenScenario): Scenario {
  try {
    return parseScenario(JSON.stringify(written), 'generated.json').scenario;
  } catch (e) {
    // A generated scenario the loader refuses is a generator bug: show why.
    if (e instanceof ScenarioError) throw new Error(`generated scenario refused:\n${e.problems.map(formatProblem).join('\n')}`);
    throw e;
  }
}

describe('simulation invariants over generated scenarios', () => {
  it('conserve rack-ticks, GPU-hours and money, keep fractions in [0, 1] and pools whole at every decision', () => {
    fc.assert(
      fc.property(aValidScenario(), (written) => {
        const scenario = load(written);
        const seen = { decisions: 0 };
        const record = simulateScenario(scenario, { policy: watchingPools(policyFor(scenario), seen, written.facility !== undefined) });
        const summary = summarize(record, provenance);
        expectRackTicksConserved(record);
        expectSeriesConserved(record);
        expectGpuHoursConserved(summary);
        expectMoneyConserved(summary);
        expectFractions(summary);
        const battery = written.facility?.supply.battery;
        expectFacilityWithinSupply(record, battery !== undefined && battery.energyMwh > 0 && battery.powerMw > 0);
        if (record.runs.some((r) => r.firstStartTick !== null)) expect(seen.decisions).toBeGreaterThan(0);
      }),
      { numRuns, seed },
    );
  }, timeout);

  it("never lets a run's progress fall except by a loss back to its last checkpoint", () => {
    fc.assert(
      fc.property(aValidScenario(), fc.uniqueArray(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 2, maxLength: 4 }), (written, cuts) => {
        const scenario = load(written);
        const horizons = [...cuts].sort((a, b) => a - b).map((c) => Math.max(1, Math.floor(c * scenario.horizonTicks)));
        const records = horizons.map((horizonTicks) => simulateScenario({ ...scenario, horizonTicks }));
        // A run of several phases is bounded by its fastest phase per rack.
        const perRack = (r: { gpus: number; tflopsPerGpu: number; racks: number }) => (r.gpus * r.tflopsPerGpu * 1e12 * scenario.tickSeconds) / r.racks;
        const rate = new Map(scenario.runs.map((r) => [r.name, Math.max(perRack(r), ...(r.phases ?? []).map(perRack))]));
        // Stream jobs are not in scenario.runs; their speed is bounded by the fastest run's.
        const fastest = Math.max(0, ...rate.values(), ...records.flatMap((rec) => rec.runs.map((r) => (r.gpus * 20_000e12 * scenario.tickSeconds) / r.racks)));
        expectProgressMonotone(records, (name) => rate.get(name) ?? fastest);
      }),
      { numRuns: Math.ceil(numRuns / 3), seed },
    );
  }, timeout);

  it('bills every procurement option so that run costs plus idle cost make the total, to the cent', () => {
    fc.assert(
      fc.property(aValidScenario().filter((w) => w.options !== undefined), (written) => {
        const loaded = parseScenario(JSON.stringify(written), 'generated.json');
        const ctx = { scenario: loaded.scenario, written: loaded.written };
        for (const option of resolveOptions(loaded.written, loaded.scenario)) expectOptionMoneyConserved(evaluateOption(ctx, option, loaded.scenario.seed, 0));
      }),
      { numRuns: Math.ceil(numRuns / 6), seed },
    );
  }, timeout);

  it('is deterministic: the same scenario and seed give byte-identical reports', () => {
    fc.assert(
      fc.property(aValidScenario(), fc.nat({ max: 3 }), (written, replication) => {
        const first = renderJson(summarize(simulateScenario(load(written), { replication }), provenance));
        const second = renderJson(summarize(simulateScenario(load(written), { replication }), provenance));
        expect(second).toBe(first);
      }),
      { numRuns: Math.ceil(numRuns / 3), seed },
    );
  }, timeout);
});
