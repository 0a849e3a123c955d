import { describe, expect, it } from 'vitest';
import { resaleShare } from '../../src/catalog/rack-prices.js';
import { discountFactor, totalByMonth } from '../../src/procurement/cash-flows.js';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario } from '../builders.js';

function load(overrides: Partial<WrittenScenario>) {
  const loaded = parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json');
  const ctx = { scenario: loaded.scenario, written: loaded.written };
  const options = resolveOptions(loaded.written, loaded.scenario);
  return { ctx: { ...ctx, options }, options };
}

// One run on 4 racks (288 GPUs) that computes for exactly `hours` hours, no failures.
const flopPerHour = 288 * 1000e12 * 3600;
const steady = (hours: number, extra: object = {}) => aRun({ name: 'steady', racks: 4, mfu: undefined, achievedTflopsPerGpu: 1000, totalFlop: flopPerHour * hours, ...extra });
const quarter: Partial<WrittenScenario> = { end: '2026-09-30' };
const hoursIn = { jul: 31 * 24, aug: 31 * 24, sep: 30 * 24 };

describe('money over time', () => {
  it('discounts each month from its middle: a flat lease at 10% a year is worth the fees times (1.1)^-((m + 1/2) / 12)', () => {
    const { ctx, options } = load({ ...quarter, discountRatePerYear: 0.1, options: [{ name: 'lease', kind: 'lease' }] });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(totalByMonth(result.cashFlows)).toEqual([100_000_000, 100_000_000, 100_000_000]);
    expect(result.totalCostUsd).toBe(3_000_000);
    expect(result.npvUsd).toBeCloseTo([0, 1, 2].reduce((a, m) => a + 1_000_000 * 1.1 ** -((m + 0.5) / 12), 0), 6);
    expect(discountFactor(0, 5)).toBe(1);
  });

  it('bills a cloud at a price that declines by the rate a year, month by month', () => {
    const { ctx, options } = load({
      ...quarter,
      runs: [steady(hoursIn.jul + hoursIn.aug + 24)],
      options: [{ name: 'cloud', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 4, priceDeclinePerYear: 0.2 }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    const expected = [hoursIn.jul, hoursIn.aug, 24].map((h, m) => Math.round(288 * h * 4 * 0.8 ** (m / 12) * 100));
    expect(result.cashFlows.usage).toEqual(expected);
    expect(Math.round(result.totalCostUsd * 100)).toBe(expected.reduce((a, b) => a + b, 0));
  });

  it('bills the hours before a price step at the old price and those from its date at the new one', () => {
    const { ctx, options } = load({
      runs: [steady(20 * 24)],
      options: [{ name: 'cloud', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 2, priceSchedule: [{ from: '2026-07-11', priceUsdPerGpuHour: 3 }] }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.totalCostUsd).toBe(288 * 240 * 2 + 288 * 240 * 3);
  });

  it('follows a catalog offer\'s announced price change (Nebius B300: $7.85, then $9.50 from 1 October 2026)', () => {
    const { ctx, options } = load({ ...quarter, end: '2026-10-31', runs: [steady(24, { submit: '2026-09-20' }), steady(24, { name: 'later', submit: '2026-10-05' })], options: [{ name: 'nebius', kind: 'on-demand', offer: 'nebius-b300' }] });
    const runs = evaluateOption(ctx, options[0]!, 1, 0).runs;
    expect(runs[0]!.costUsd / runs[0]!.gpuHoursHeld).toBeCloseTo(7.85, 6);
    expect(runs[1]!.costUsd / runs[1]!.gpuHoursHeld).toBeCloseTo(9.5, 6);
  });

  it('bills a reservation over its own term only, and the hours outside it at the overflow price', () => {
    // Committed 144 GPUs for the month of August; the run holds 288 GPUs from 1 July for 40 days.
    const { ctx, options } = load({
      ...quarter,
      runs: [steady(40 * 24)],
      options: [{ name: 'res', kind: 'reserved', rack: 'gb300-nvl72', committedGpus: 144, priceUsdPerGpuHour: 1, from: '2026-08-01', termMonths: 1, overflowUsdPerGpuHour: 3 }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.cashFlows.commitments).toEqual([0, 144 * hoursIn.aug * 100, 0]);
    // July: all 288 GPUs at overflow; August: 144 above the commitment for 9 days.
    expect(result.cashFlows.usage).toEqual([288 * hoursIn.jul * 300, 144 * 9 * 24 * 300, 0]);
    expect(result.idleCostUsd).toBeGreaterThan(0);
  });

  it('pays a block in full when it is booked, and the hours beyond it at the overflow price', () => {
    const { ctx, options } = load({
      ...quarter,
      runs: [steady(10 * 24, { submit: '2026-08-03' })],
      options: [{ name: 'blk', kind: 'block', rack: 'gb300-nvl72', priceUsdPerGpuHour: 2, blocks: [{ from: '2026-08-03', days: 7, gpus: 288 }], bookedDaysAhead: 14, overflowUsdPerGpuHour: 5 }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.cashFlows.commitments).toEqual([288 * 7 * 24 * 200, 0, 0]);
    expect(result.cashFlows.usage).toEqual([0, 288 * 3 * 24 * 500, 0]);
  });

  it('owns the racks: capex on delivery, colocation, power and staff while installed, the resale value back at the end', () => {
    const { ctx, options } = load({
      ...quarter,
      runs: [steady(24)],
      options: [{ name: 'own', kind: 'own', capexUsdPerRack: 1_000_000, networkShareOfCapex: 0.2, storageShareOfCapex: 0, deliveryDays: 31, colocationUsdPerKwMonth: 100, powerUsdPerMwh: 50, staffUsdPerMwYear: 0, staffUsdPerRackYear: 8766 }],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    // 8 racks x $1.2M on 1 August; nothing installed in July, so the run waits for them.
    expect(result.cashFlows.capex).toEqual([0, 960_000_000, 0]);
    expect(result.runs[0]!.timeToTrainDays).toBeCloseTo(31 + 1, 9);
    expect(result.cashFlows.colocation).toEqual([0, 8 * 136 * 100 * 100, 8 * 136 * 100 * 100]);
    // $8,766 a rack-year is $1 a rack-hour.
    expect(result.cashFlows.staff).toEqual([0, 8 * hoursIn.aug * 100, 8 * hoursIn.sep * 100]);
    expect(result.cashFlows.power[0]).toBe(0);
    expect(result.cashFlows.power[1]).toBeGreaterThan(0);
    const ageYears = (61 * 24) / 8766;
    expect(result.cashFlows.residual).toEqual([0, 0, -Math.round(960_000_000 * resaleShare(ageYears))]);
    expect(result.own?.residualUsd).toBeCloseTo(9_600_000 * resaleShare(ageYears), 2);
    expect(resaleShare(1)).toBe(0.625);
  });

  it('financed at the discount rate, owning is worth exactly what paying cash is, though it costs more in nominal terms', () => {
    const own = { kind: 'own' as const, capexUsdPerRack: 1_000_000, deliveryDays: 10 };
    const { ctx, options } = load({
      ...quarter,
      end: '2027-06-30',
      discountRatePerYear: 0.09,
      runs: [steady(24)],
      options: [
        { name: 'cash', ...own },
        { name: 'loan', ...own, costOfCapitalPerYear: 0.09 },
      ],
    });
    const [cash, loan] = options.map((o) => evaluateOption(ctx, o, 1, 0));
    expect(loan!.cashFlows.capex.every((c) => c === 0)).toBe(true);
    expect(loan!.cashFlows.financing.filter((c) => c > 0).length).toBe(11);
    expect(loan!.totalCostUsd).toBeGreaterThan(cash!.totalCostUsd);
    // Rounded to the cent month by month: within a few cents.
    expect(Math.abs(loan!.npvUsd - cash!.npvUsd)).toBeLessThan(0.5);
  });

  it('keeps the money: the cash flows make the total, and the runs and the idle cost make it too', () => {
    const { ctx, options } = load({
      ...quarter,
      discountRatePerYear: 0.07,
      failures: { ratePerGpuHour: 3e-4 },
      runs: [steady(30 * 24), steady(10 * 24, { name: 'b', racks: 2, submit: '2026-08-15' })],
      options: [
        { name: 'lease', kind: 'lease', powerUsdPerMwh: 61.5, escalatorPerYear: 0.03 },
        { name: 'od', kind: 'on-demand', offer: 'coreweave-gb200-nvl72', priceDeclinePerYear: 0.3 },
        { name: 'res', kind: 'reserved', offer: 'b300-reserved-5y', committedGpus: 100, from: '2026-07-20', overflowOffer: 'nebius-b300' },
        { name: 'own', kind: 'own', deliveryDays: 5, costOfCapitalPerYear: 0.12 },
      ],
    });
    for (const option of options) {
      const result = evaluateOption(ctx, option, 2, 0);
      const cents = Math.round(result.totalCostUsd * 100);
      expect(totalByMonth(result.cashFlows).reduce((a, b) => a + b, 0), result.name).toBe(cents);
      expect(result.runs.reduce((a, r) => a + Math.round(r.costUsd * 100), 0) + Math.round(result.idleCostUsd * 100), result.name).toBe(cents);
    }
  });
});
