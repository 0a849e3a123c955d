import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import type { FacilitySpec } from '../../src/facility/facility-spec.js';
import type { WrittenFacility } from '../../src/facility/schema.js';
import { runCli } from '../cli/helpers.js';
import { aRun, aScenario } from '../builders.js';

/** 8 GB300 racks in July, both runs of 4 racks computing throughout (no checkpoints). */
function scenarioWith(facility: WrittenFacility) {
  return aScenario({
    start: '2027-07-01',
    end: '2027-07-04',
    runs: [aRun({ name: 'a', totalFlop: 1e24 }), aRun({ name: 'b', totalFlop: 1e24 })],
    facility: { weather: { seededHeatWaves: false }, ...facility },
  });
}

describe('supply and CDUs', () => {
  it('binds on the CDUs: the cap is the closed form of their capacity', () => {
    // One CDU of 800 kW for the 8 racks carries 800 / 0.94 kW of rack IT.
    const scenario = scenarioWith({ supply: { gridMw: 10 }, cooling: { cduCapacityKw: 800, racksPerCdu: 14 } });
    const f = simulateScenario(scenario).facility;
    const it = (scenario.facility as FacilitySpec).it;
    const limitKw = 800 / it.liquidShare;
    const share = Math.floor(((limitKw - 8 * it.nonGpuKw) / (8 * (it.trainingKw - it.nonGpuKw))) * 100 + 1e-9) / 100;
    expect(share).toBeLessThan(1);
    expect(f?.capShare[10]).toBe(share);
    expect(f?.capShare[60]).toBe(share);
  });

  it('a battery rides through a short curtailment and not through a long one', () => {
    const curtail = (hours: number) => ({ gridMw: 2, battery: { energyMwh: 1, powerMw: 1 }, curtailments: [{ from: '2027-07-02T00:00', hours, mw: 1.2 }] });
    const short = simulateScenario(scenarioWith({ supply: curtail(2) })).facility;
    const long = simulateScenario(scenarioWith({ supply: curtail(10) })).facility;
    const capped = (c: Float64Array | undefined) => Array.from(c ?? []).filter((s) => s < 1).length;
    expect(capped(short?.capShare)).toBe(0);
    expect(Array.from(short?.batteryMw ?? []).some((mw) => mw > 0)).toBe(true);
    expect(capped(long?.capShare)).toBeGreaterThan(0);
    // The battery never gives more than it holds: discharge over the horizon <= 1 MWh + what it recharged.
    const discharged = Array.from(long?.batteryMw ?? []).reduce((s, mw) => s + Math.max(0, mw), 0);
    const charged = Array.from(long?.batteryMw ?? []).reduce((s, mw) => s + Math.max(0, -mw), 0);
    expect(discharged).toBeLessThanOrEqual(1 + charged * 0.9 + 1e-9);
  });

  it('turbine outages take whole units out of the supply, drawn from their own streams', () => {
    const scenario = scenarioWith({ supply: { gridMw: 1, turbines: { units: 3, unitMw: 0.5, mtbfHours: 10, repairHours: 5 } } });
    const f = simulateScenario(scenario).facility;
    const levels = new Set(Array.from(f?.supplyMw ?? []).map((mw) => Math.round(mw * 10) / 10));
    expect([...levels].every((mw) => [1, 1.5, 2, 2.5].includes(mw))).toBe(true);
    expect(levels.has(2.5)).toBe(true);
    expect(levels.size).toBeGreaterThan(1);
  });

  it('capsim run prints the facility section of a facility scenario', async () => {
    const { code, stdout } = await runCli('run', 'scenarios/memphis-heat-wave.yaml');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Facility\npower: peak [\d.]+ MW · p99 [\d.]+ MW · mean [\d.]+ MW/);
    expect(stdout).toMatch(/held back: [\d,]+ hours capped/);
    const json = JSON.parse((await runCli('run', 'scenarios/memphis-heat-wave.yaml', '--format', 'json')).stdout) as { facility?: { cappedHours: number } };
    expect(json.facility?.cappedHours).toBeGreaterThan(0);
  });
});

describe('facility with racks installed in phases and air-cooled racks', () => {
  it('draws nothing before the first racks arrive and idle power after, CDUs scaling with the racks', () => {
    const scenario = aScenario({
      start: '2027-07-01',
      end: '2027-07-03',
      cluster: { phases: [{ from: '2027-07-02', racks: 8 }] },
      runs: [aRun({ name: 'a', submit: '2027-07-02', totalFlop: 1e23 })],
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 10 } },
    });
    const f = simulateScenario(scenario).facility;
    expect(f?.itMw[10]).toBe(0);
    expect(f?.itMw[30]).toBeGreaterThan(0);
    expect(f?.capShare.every((c) => c === 1)).toBe(true);
  });

  it('runs an air-cooled HGX cluster with no CDU limit', () => {
    const scenario = aScenario({
      hardware: { rack: 'hgx-h100' },
      cluster: { racks: 16 },
      runs: [aRun({ name: 'a', racks: 8, precision: 'bf16', totalFlop: 1e21 })],
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 1 }, cooling: { cduCapacityKw: 1 } },
    });
    const f = simulateScenario(scenario).facility;
    expect(f?.capShare.every((c) => c === 1)).toBe(true);
    expect(Array.from(f?.pue ?? []).every((p) => p > 1)).toBe(true);
  });
});
