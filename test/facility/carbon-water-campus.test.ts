import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sum } from 'simple-statistics';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { WrittenFacility } from '../../src/facility/schema.js';
import type { FacilitySpec } from '../../src/facility/facility-spec.js';
import { towerLitersPerKwh } from '../../src/facility/water.js';
import { facilityDefaults } from '../../src/facility/defaults.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, aWrittenScenario, provenance } from '../builders.js';
import { runCli } from '../cli/helpers.js';

/** 8 GB300 racks for ten days of July, two runs of 4 racks computing throughout. */
function run(facility: Partial<WrittenFacility>, site = 'memphis') {
  const scenario = aScenario({
    start: '2027-07-01',
    end: '2027-07-10',
    runs: [aRun({ name: 'a', totalFlop: 1e24 }), aRun({ name: 'b', totalFlop: 1e24 })],
    facility: { site, weather: { seededHeatWaves: false }, supply: { gridMw: 2 }, ...facility },
  });
  const record = simulateScenario(scenario);
  const summary = summarize(record, provenance).facility;
  if (!summary || !record.facility) throw new Error('expected a facility');
  return { scenario, spec: scenario.facility as FacilitySpec, f: record.facility, summary };
}

describe('carbon', () => {
  it('is grid MWh at the site’s intensity plus turbine MWh at the turbines’ rate, in total, by month and by run', () => {
    const { summary } = run({ supply: { gridMw: 1, turbines: { units: 1, unitMw: 1, mtbfHours: 1e9 } } });
    expect(summary.turbineEnergyMwh).toBeGreaterThan(1);
    expect(summary.gridEnergyMwh + summary.turbineEnergyMwh).toBeCloseTo(summary.energyMwh, 6);
    expect(summary.gridCarbonT).toBeCloseTo((summary.gridEnergyMwh * 283) / 1000, 6);
    expect(summary.turbineCarbonT).toBeCloseTo((summary.turbineEnergyMwh * facilityDefaults.turbineKgCo2PerMwh) / 1000, 6);
    expect(sum(summary.months.map((m) => m.carbonT))).toBeCloseTo(summary.carbonT, 6);
    // Every rack is held by a run all along: the runs' shares are the whole.
    expect(summary.byRun.map((r) => r.name)).toEqual(['a', 'b']);
    expect(sum(summary.byRun.map((r) => r.carbonT))).toBeCloseTo(summary.carbonT, 6);
    expect(sum(summary.byRun.map((r) => r.energyMwh))).toBeCloseTo(summary.energyMwh, 6);
    expect(summary.gridCarbonSource).toMatch(/TVA/);
  });

  it('reads an hourly intensity file as a typical year, and refuses one with gaps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capsim-carbon-'));
    const hours = Array.from({ length: 24 * 12 }, (_, h) => new Date(Date.UTC(2027, 6, 1) + h * 3_600_000).toISOString().slice(0, 13) + ':00');
    writeFileSync(join(dir, 'carbon.csv'), ['time,kgCo2PerMwh', ...hours.map((t, h) => `${t},${100 + (h % 24) * 10}`)].join('\n'));
    writeFileSync(join(dir, 'gaps.csv'), ['time,kgCo2PerMwh', ...hours.slice(0, 30).map((t) => `${t},300`)].join('\n'));
    const written = (file: string) => ({ ...aWrittenScenario({ start: '2027-07-01', end: '2027-07-10' }), facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 2 }, carbon: { file } } });
    writeFileSync(join(dir, 'ok.yaml'), stringify(written('carbon.csv')));
    writeFileSync(join(dir, 'bad.yaml'), stringify(written('gaps.csv')));
    const loaded = await loadScenario(join(dir, 'ok.yaml'));
    const record = simulateScenario(loaded.scenario);
    const f = record.facility;
    const expected = sum(Array.from(f?.gridDrawMw ?? [], (mw, h) => mw * (100 + (h % 24) * 10)));
    expect(summarize(record, provenance).facility?.gridCarbonT).toBeCloseTo(expected / 1000, 6);
    const bad = await runCli('validate', join(dir, 'bad.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected an hour of carbon for every hour of the horizon .* found 210 hour\(s\) missing, the first at 2027-07-02T06:00 UTC/);
  });
});

describe('cooling-tower water', () => {
  it('is the heat rejected x litres per kWh at the hour’s wet-bulb, and none with air chillers', () => {
    const towers = run({ cooling: { plant: 'cooling-towers' } });
    const w = towers.spec.cooling.water;
    const expected = sum(Array.from(towers.f.itMw, (mw, h) => mw * 1000 * towerLitersPerKwh(w, towers.f.wetBulbC[h] ?? 0)));
    expect(towers.summary.waterM3).toBeCloseTo(expected / 1000, 6);
    expect(sum(towers.summary.months.map((m) => m.waterM3))).toBeCloseTo(towers.summary.waterM3, 6);
    expect(run({}).summary.waterM3).toBe(0);
    // From 25 °C of wet-bulb a tower evaporates all its heat: the reference's 2.6 L per kWh.
    expect(towerLitersPerKwh(w, 27)).toBeCloseTo(1.5 * 1.73, 12);
    expect(towerLitersPerKwh(w, 0)).toBeCloseTo(0.65 * 1.5 * 1.73, 12);
  });

  it('is lower at the cool, dry site, whose grid emits more', () => {
    const memphis = run({ cooling: { plant: 'cooling-towers' } });
    const cheyenne = run({ cooling: { plant: 'cooling-towers' } }, 'cheyenne');
    expect(cheyenne.summary.waterLitersPerItKwh).toBeLessThan(memphis.summary.waterLitersPerItKwh ?? 0);
    expect(cheyenne.summary.carbonKgPerMwh).toBeGreaterThan(3 * (memphis.summary.carbonKgPerMwh ?? 0));
  });
});

describe("a lease's share of a campus", () => {
  it('a share of the supply and the plant behaves exactly as an envelope of that size, and the report names the campus', () => {
    const share = run({ supply: { gridMw: 2.4 }, cooling: { plantCapacityMw: 1.6 }, campus: { supplyShare: 0.5, plantShare: 0.5 } });
    const alone = run({ supply: { gridMw: 1.2 }, cooling: { plantCapacityMw: 0.8 } });
    expect(Array.from(share.f.capShare)).toEqual(Array.from(alone.f.capShare));
    expect(share.summary.energyMwh).toBeCloseTo(alone.summary.energyMwh, 9);
    expect(share.summary.cappedHours).toBeGreaterThan(0);
    expect(share.summary.campus).toMatchObject({ supplyShare: 0.5, plantShare: 0.5, campusSupplyMw: 2.4, campusPlantMw: 1.6, leaseShareOfEnergy: 1 });
  });

  it('a campus written in racks gives the lease its racks\' share, exactly as the same shares written out', () => {
    const racks = run({ supply: { gridMw: 2.4 }, cooling: { plantCapacityMw: 1.6 }, campus: { racks: 16 } });
    const shares = run({ supply: { gridMw: 2.4 }, cooling: { plantCapacityMw: 1.6 }, campus: { supplyShare: 0.5, plantShare: 0.5 } });
    expect(racks.summary.campus).toMatchObject({ supplyShare: 0.5, plantShare: 0.5 });
    expect(Array.from(racks.f.capShare)).toEqual(Array.from(shares.f.capShare));
  });

  it('with other tenants, the constraints hold for the whole campus and the lease alone is held back', () => {
    const others = { otherTenants: [{ name: 'neighbour', itMw: 0.6 }] };
    const shared = run({ supply: { gridMw: 1.6 }, campus: others });
    const alone = run({ supply: { gridMw: 1.6 } });
    expect(alone.summary.cappedHours).toBe(0);
    expect(shared.summary.cappedHours).toBeGreaterThan(0);
    // Lease + neighbour at the meter never exceed the campus supply.
    shared.f.peakDemandMw.forEach((mw, h) => expect(mw + (shared.f.otherTenantsMw[h] ?? 0)).toBeLessThanOrEqual(1.6 + 1e-9));
    const c = shared.summary.campus;
    expect(c?.otherTenants).toEqual([{ name: 'neighbour', itMw: 0.6 }]);
    expect(c?.campusEnergyMwh).toBeCloseTo(shared.summary.energyMwh + sum(Array.from(shared.f.otherTenantsMw)), 6);
    expect(c?.leaseShareOfEnergy).toBeLessThan(1);
  });
});
