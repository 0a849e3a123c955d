import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import type { RunRecord } from '../../src/simulation/record.js';
import type { FacilityRecord } from '../../src/facility/facility-record.js';
import type { WrittenFacility } from '../../src/facility/schema.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';

type Overrides = Parameters<typeof aScenario>[0];

/** 8 GB300 racks in July, two runs of 4 racks, a 2 MW grid; facility keys override. */
function withFacility(facility: Partial<WrittenFacility>, overrides: Overrides = {}): RunRecord {
  const scenario = aScenario({
    start: '2027-07-01',
    end: '2027-07-10',
    runs: [
      aRun({ name: 'important', priority: 10, totalFlop: 2e23, checkpoint: { intervalMinutes: 30, writeMinutes: 5 } }),
      aRun({ name: 'background', priority: 0, totalFlop: 2e23, checkpoint: { intervalMinutes: 45, writeMinutes: 3 } }),
    ],
    facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 2 }, ...facility },
    ...overrides,
  });
  return simulateScenario(scenario);
}

function facilityOf(record: RunRecord): FacilityRecord {
  if (!record.facility) throw new Error('expected a facility record');
  return record.facility;
}

const curtailed = { gridMw: 2, curtailments: [{ from: '2027-07-02T12:00', hours: 6, mw: 1.1 }] };

describe('facility power and energy', () => {
  it('IT + cooling + losses = facility power in every hour, and energy is the integral of the hourly series', () => {
    const record = withFacility({ supply: curtailed });
    const f = facilityOf(record);
    f.facilityMw.forEach((mw, h) => expect(mw).toBeCloseTo((f.itMw[h] ?? 0) + (f.coolingMw[h] ?? 0) + (f.lossesMw[h] ?? 0), 12));
    const summary = summarize(record, provenance).facility;
    if (!summary) throw new Error('expected a facility section');
    const integral = Array.from(f.facilityMw).reduce((s, mw, h) => s + (mw * (f.hourTicks[h] ?? 0)) / f.ticksPerHour, 0);
    expect(summary.energyMwh).toBeCloseTo(integral, 9);
    expect(summary.energyMwh).toBeCloseTo(summary.itEnergyMwh + summary.coolingEnergyMwh + summary.lossesEnergyMwh, 9);
    expect(summary.months.reduce((s, m) => s + m.energyMwh, 0)).toBeCloseTo(summary.energyMwh, 9);
  });

  it('after the policy acts, demand never exceeds supply nor heat the plant, under cap and under shed', () => {
    for (const policy of ['cap', 'shed'] as const) {
      for (const cooling of [{}, { plantCapacityMw: 0.75 }]) {
        const f = facilityOf(withFacility({ supply: curtailed, policy, cooling }));
        f.peakDemandMw.forEach((mw, h) => expect(mw, `${policy} hour ${h}`).toBeLessThanOrEqual((f.availableMw[h] ?? 0) + 1e-9));
        f.peakHeatMw.forEach((mw, h) => expect(mw, `${policy} hour ${h}`).toBeLessThanOrEqual((f.plantCapacityMw[h] ?? 0) + 1e-9));
        // The mean power of each hour stays within the supply plus what the battery gave (none here).
        f.facilityMw.forEach((mw, h) => expect(mw).toBeLessThanOrEqual((f.supplyMw[h] ?? 0) + 1e-9));
      }
    }
  });

  it('caps every running GPU during a curtailment and slows the runs by (cap share) ^ exponent', () => {
    const free = withFacility({ supply: { gridMw: 2 } });
    const capped = withFacility({ supply: curtailed, policy: 'cap', capExponent: 1 });
    const f = facilityOf(capped);
    const curtailHours = Array.from({ length: 6 }, (_, i) => 36 + i);
    for (const h of curtailHours) expect(f.capShare[h]).toBeLessThan(0.9);
    expect(f.capShare[30]).toBe(1);
    expect(f.capShare[50]).toBe(1);
    const summary = summarize(capped, provenance).facility;
    expect(summary?.cappedHours).toBe(6);
    expect(summary?.sheds).toBe(0);
    // Lost throughput: compute rack-ticks x (1 - cap) while capped; both runs compute most of those 6 h.
    const lost = summary?.gpuHoursLostToCapping ?? 0;
    const share = f.capShare[37] ?? 1;
    expect(lost).toBeGreaterThan(0.8 * 8 * 72 * 6 * (1 - share));
    expect(lost).toBeLessThanOrEqual(8 * 72 * 6 * (1 - share) + 1e-6);
    // Each run's share of the loss; the shares add up to the total.
    const byRun = summary?.heldBackRuns ?? [];
    expect(byRun.map((r) => r.name)).toEqual(['important', 'background']);
    expect(byRun.reduce((s, r) => s + r.gpuHoursLostToCapping, 0)).toBeCloseTo(lost, 9);
    // The slowed runs finish later than the free ones.
    for (const name of ['important', 'background']) {
      const end = (r: RunRecord) => r.runs.find((x) => x.name === name)?.endTick ?? 0;
      expect(end(capped)).toBeGreaterThan(end(free));
    }
  });

  it('sheds the lowest-priority run after a checkpoint, withholds its racks and gives them back when power returns', () => {
    const record = withFacility({ supply: curtailed, policy: 'shed' });
    const f = facilityOf(record);
    expect(f.sheds).toBe(1);
    const background = record.runs.find((r) => r.name === 'background');
    const important = record.runs.find((r) => r.name === 'important');
    expect(important?.holds?.length).toBe(1);
    const stopped = background?.holds?.[0];
    expect(stopped?.end).toBe('stopped');
    expect(stopped?.stopTick).toBeGreaterThanOrEqual(36 * 60);
    expect(stopped?.lostUncommitted).toBe(false);
    expect(background?.status).toBe('completed');
    const restart = background?.holds?.[1];
    expect(restart?.startTick).toBeGreaterThanOrEqual(42 * 60);
    expect(f.capShare.every((c) => c === 1)).toBe(true);
    expect(summarize(record, provenance).facility?.gpuHoursWithheld).toBeGreaterThan(0);
    expect(summarize(record, provenance).facility?.heldBackRuns).toEqual([{ name: 'background', gpuHoursLostToCapping: 0, sheds: 1 }]);
  });
});

describe('weather and the envelope', () => {
  // The whole 150 MW campus at its rated 136 kW per rack, January to August, no heat waves.
  const campus = () =>
    aScenario({
      start: '2027-01-01',
      end: '2027-08-31',
      cluster: { racks: 919, spareRacks: 45 },
      runs: [aRun({ racks: 864, totalFlop: 1e30, checkpoint: { intervalMinutes: 'none' } })],
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 150 }, it: { trainingShareOfMax: 1 } },
    });
  const record = simulateScenario(campus());
  const f = facilityOf(record);
  const localHour = (h: number) => (h - 6 + 24) % 24;
  const monthOf = (h: number) => new Date(Date.UTC(2027, 0, 1) + (h - 6) * 3_600_000).getUTCMonth();

  it('throttles a full campus on hot August afternoons and never on January nights', () => {
    const augustAfternoons = [...f.capShare.keys()].filter((h) => monthOf(h) === 7 && localHour(h) >= 13 && localHour(h) <= 17);
    const januaryNights = [...f.capShare.keys()].filter((h) => monthOf(h) === 0 && localHour(h) <= 6);
    const cappedShare = (hours: number[]) => hours.filter((h) => (f.capShare[h] ?? 1) < 1).length / hours.length;
    expect(cappedShare(augustAfternoons)).toBeGreaterThan(0.5);
    expect(cappedShare(januaryNights)).toBe(0);
  });

  it('PUE never falls as the outdoor temperature rises, and capping grows with it', () => {
    const hours = [...f.pue.keys()].filter((h) => (f.itMw[h] ?? 0) > 0).sort((a, b) => (f.dryBulbC[a] ?? 0) - (f.dryBulbC[b] ?? 0));
    for (let i = 1; i < hours.length; i += 1) expect(f.pue[hours[i] ?? 0]).toBeGreaterThanOrEqual((f.pue[hours[i - 1] ?? 0] ?? 0) - 1e-12);
    const band = (lo: number, hi: number) => hours.filter((h) => (f.dryBulbC[h] ?? 0) >= lo && (f.dryBulbC[h] ?? 0) < hi);
    const meanCap = (hs: number[]) => hs.reduce((s, h) => s + (f.capShare[h] ?? 1), 0) / hs.length;
    expect(meanCap(band(-50, 20))).toBe(1);
    expect(meanCap(band(30, 34))).toBeLessThan(1);
    expect(meanCap(band(34, 60))).toBeLessThan(meanCap(band(30, 34)));
  });
});
