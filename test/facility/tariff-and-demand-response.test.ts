import { describe, expect, it } from 'vitest';
import { sum } from 'simple-statistics';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import type { WrittenFacility } from '../../src/facility/schema.js';
import { facilityEnergyCostByMonth } from '../../src/facility/energy-cost.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';
import { problemsOf } from './problems-of.js';

/** 8 GB300 racks from 25 June to 5 July, two runs of 4 racks computing throughout; facility keys override. */
function run(facility: Partial<WrittenFacility>) {
  const scenario = aScenario({
    start: '2027-06-25',
    end: '2027-07-05',
    runs: [aRun({ name: 'a', totalFlop: 1e24 }), aRun({ name: 'b', totalFlop: 1e24 })],
    facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 2 }, ...facility },
  });
  const record = simulateScenario(scenario);
  const summary = summarize(record, provenance).facility;
  if (!summary || !record.facility) throw new Error('expected a facility');
  return { record, f: record.facility, summary };
}

describe('tariffs', () => {
  it("a flat tariff equals today's energy cost: energy x the price", () => {
    const today = run({ pricePerMwhUsd: 67 });
    const flat = run({ pricePerMwhUsd: 67, tariff: { offPeakUsdPerMwh: 67 } });
    expect(flat.summary.energyCostUsd).toBe(today.summary.energyCostUsd);
    expect(today.summary.energyCostUsd).toBeCloseTo(today.summary.energyMwh * 67, 1);
    expect(today.summary.demandChargesUsd).toBe(0);
  });

  it('time of use prices each hour by its local period: weekdays 14-20 h in Memphis are 20-02 h UTC', () => {
    const { f, summary } = run({ tariff: { periods: [{ name: 'on-peak', months: [6, 7], days: 'weekdays', fromHour: 14, toHour: 20, usdPerMwh: 100 }], offPeakUsdPerMwh: 40 } });
    const start = Date.UTC(2027, 5, 25);
    let expected = 0;
    f.facilityMw.forEach((mw, h) => {
      const local = new Date(start + (h - 6) * 3_600_000);
      const weekday = local.getUTCDay() >= 1 && local.getUTCDay() <= 5;
      const onPeak = weekday && local.getUTCHours() >= 14 && local.getUTCHours() < 20;
      expect(f.priceUsdPerMwh[h], `hour ${h}`).toBe(onPeak ? 100 : 40);
      expected += mw * (onPeak ? 100 : 40);
    });
    expect(summary.energyChargesUsd).toBeCloseTo(expected, 1);
    // 26 and 27 June 2027 are a weekend: no on-peak hour.
    expect(f.priceUsdPerMwh[(1 * 24 + 14 + 6) % 24 + 24]).toBe(40);
  });

  it('demand charges equal each month’s peak hourly mean times the rate, and only in the demand period when one is named', () => {
    const periods = [{ name: 'on-peak', days: 'weekdays' as const, fromHour: 14, toHour: 20, usdPerMwh: 60 }];
    const all = run({ tariff: { periods, offPeakUsdPerMwh: 40, demandUsdPerKwMonth: 12.75 } });
    const months = all.record.months.map((m) => {
      let peak = 0;
      for (let h = m.startTick / all.f.ticksPerHour; h < m.endTick / all.f.ticksPerHour; h += 1) peak = Math.max(peak, all.f.facilityMw[h] ?? 0);
      return peak;
    });
    expect(all.summary.demandChargesUsd).toBeCloseTo(sum(months) * 1000 * 12.75, 2);
    expect(all.summary.months.map((m) => m.billingDemandMw)).toEqual(months);
    const onPeak = run({ tariff: { periods, offPeakUsdPerMwh: 40, demandUsdPerKwMonth: 12.75, demandPeriod: 'on-peak' } });
    expect(onPeak.summary.demandChargesUsd).toBeLessThanOrEqual(all.summary.demandChargesUsd);
    expect(onPeak.summary.demandChargesUsd).toBeGreaterThan(0);
    // The cost by month, exposed for the lease bill, adds up to the report's totals.
    const byMonth = facilityEnergyCostByMonth(all.record);
    expect(sum(byMonth.map((m) => m.costUsd))).toBeCloseTo(all.summary.energyCostUsd, 1);
    expect(sum(byMonth.map((m) => m.energyMwh))).toBeCloseTo(all.summary.energyMwh, 6);
  });

  it('refuses a demand period that names no period, hours that run backwards, and a file beside periods', () => {
    const problems = problemsOf({
      supply: { gridMw: 2 },
      tariff: { periods: [{ name: 'peak', fromHour: 20, toHour: 14, usdPerMwh: 90 }], demandUsdPerKwMonth: 10, demandPeriod: 'on-peak', file: 'prices.txt' },
    }).join('\n');
    expect(problems).toMatch(/facility\.tariff\.periods\[0\]\.toHour: expected toHour after fromHour \(20\), found 14/);
    expect(problems).toMatch(/facility\.tariff\.demandPeriod: expected one of the tariff's periods \(peak\), found "on-peak"/);
    expect(problems).toMatch(/facility\.tariff\.file: expected hourly prices from a file or from periods, not both/);
    expect(problems).toMatch(/facility\.tariff\.file: expected a \.csv file/);
  });
});

describe('demand response', () => {
  // Two runs draw ~1.05 MW at the meter from a 2 MW grid; the event asks for 0.5 MW less for 3 hours.
  const event = { from: '2027-07-01T20:00', hours: 3, mw: 0.5, usdPerMwh: 300 };
  const eventHours = [6 * 24 + 20, 6 * 24 + 21, 6 * 24 + 22];

  it('a taken event holds the grid draw to the baseline less the MW asked, pays for what was given back, and costs GPU-hours', () => {
    const { f, summary } = run({ demandResponse: { events: [event] } });
    const dr = summary.demandResponse;
    const e = dr?.eventList[0];
    expect(e?.status).toBe('accepted');
    expect(e?.baselineGridMw).toBeGreaterThan(1);
    for (const h of eventHours) expect(f.gridDrawMw[h]).toBeLessThanOrEqual((e?.baselineGridMw ?? 0) - 0.5 + 1e-9);
    expect(f.gridDrawMw[eventHours[0]! - 1]).toBeGreaterThan((e?.baselineGridMw ?? 0) - 0.01);
    expect(e?.deliveredMwh).toBeCloseTo(1.5, 9);
    expect(e?.revenueUsd).toBe(450);
    expect(e?.gpuHoursLost).toBeGreaterThan(0);
    expect(e?.runDaysLost).toBeCloseTo((e?.gpuHoursLost ?? 0) / (8 * 72) / 24, 12);
    // Half the load must go, more than the deepest cap takes: one run is shed and the other capped.
    // Nothing else holds the runs back, so every GPU-hour the facility cost was the event's.
    expect(summary.sheds).toBe(1);
    expect(summary.gpuHoursLostToFacility).toBeCloseTo(e?.gpuHoursLost ?? 0, 6);
    expect(dr?.revenueUsd).toBe(450);
  });

  it('when paid, the facility declines an event whose throughput is worth more than its payment', () => {
    const dear = run({ demandResponse: { events: [event], accept: 'when-paid', gpuHourValueUsd: 100 } });
    const cheap = run({ demandResponse: { events: [event], accept: 'when-paid', gpuHourValueUsd: 0.01 } });
    expect(dear.summary.demandResponse?.eventList[0]?.status).toBe('declined');
    expect(dear.summary.demandResponse?.revenueUsd).toBe(0);
    expect(dear.summary.gpuHoursLostToCapping).toBe(0);
    expect(cheap.summary.demandResponse?.eventList[0]?.status).toBe('accepted');
  });

  it('turbines with room make up the grid given back: revenue with no GPU-hour lost, paid for in CO2', () => {
    const plain = run({});
    const withTurbines = run({ supply: { gridMw: 2, turbines: { units: 1, unitMw: 1, mtbfHours: 1e9 } }, demandResponse: { events: [event] } });
    const e = withTurbines.summary.demandResponse?.eventList[0];
    expect(e?.revenueUsd).toBe(450);
    expect(e?.gpuHoursLost).toBe(0);
    expect(withTurbines.summary.turbineEnergyMwh).toBeGreaterThan(1.4);
    expect(withTurbines.summary.carbonT).toBeGreaterThan(plain.summary.carbonT);
  });

  it('draws seeded events on hot afternoons, never two on one afternoon, reproducibly', () => {
    const seeded = { seeded: { perYear: 40, hours: 2, mw: 0.2, usdPerMwh: 100 } };
    const a = run({ demandResponse: seeded }).summary.demandResponse?.eventList ?? [];
    const b = run({ demandResponse: seeded }).summary.demandResponse?.eventList ?? [];
    expect(a.length).toBeGreaterThan(3);
    expect(new Set(a.map((e) => e.from)).size).toBe(a.length);
    expect(a).toEqual(b);
    for (const e of a) expect(e.noticeMinutes).toBe(30);
  });

  it('asks for the value of a GPU-hour before it can decline for one', () => {
    expect(problemsOf({ supply: { gridMw: 2 }, demandResponse: { accept: 'when-paid' } }).join('\n')).toMatch(/facility\.demandResponse\.gpuHourValueUsd: expected gpuHourValueUsd/);
  });
});
