import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { billLease, leaseFeeCents } from '../../src/procurement/lease-bill.js';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { compareOptions } from '../../src/procurement/compare.js';
import { exitCosts } from '../../src/procurement/lease-exit.js';
import type { LeaseSpec } from '../../src/scenario/scenario.js';
import { monthsOf, parseIsoMinutes } from '../../src/model/time.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';

function load(overrides: Partial<WrittenScenario>) {
  const loaded = parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json');
  return { ctx: { scenario: loaded.scenario, written: loaded.written }, options: resolveOptions(loaded.written, loaded.scenario) };
}

const lease = (overrides: Partial<LeaseSpec> = {}): LeaseSpec => ({
  schedule: [{ tick: 0, monthlyUsd: 3_333_333.33 }],
  escalatorPerYear: 0,
  powerUsdPerMwh: null,
  pue: 1.2,
  trainingPowerShare: 0.8,
  exit: null,
  rampIn: null,
  termination: null,
  fallback: null,
  ...overrides,
});

describe('lease fees', () => {
  it('charge the whole fee for whole months: 42 months of $150M is $6.3B', () => {
    const start = parseIsoMinutes('2026-07-01');
    const months = monthsOf(start, 60, parseIsoMinutes('2030-01-01') - start);
    expect(months).toHaveLength(42);
    const fees = leaseFeeCents(months, lease({ schedule: [{ tick: 0, monthlyUsd: 150_000_000 }] }));
    expect(fees.reduce((a, b) => a + b, 0)).toBe(6_300_000_000 * 100);
  });

  it('prorate a partial month by days', () => {
    const months = monthsOf(parseIsoMinutes('2026-07-01'), 1, 15 * 86_400);
    expect(months).toHaveLength(1);
    expect(leaseFeeCents(months, lease({ schedule: [{ tick: 0, monthlyUsd: 3_100_000 }] }))).toEqual([150_000_000]); // 15/31 of $3.1M
  });
});

describe('lease money', () => {
  // Busy and failure-prone: three runs, two capacity phases, repairs, odd fees.
  const { ctx } = load({
    end: '2026-09-30',
    cluster: { phases: [{ from: '2026-07-01', racks: 6 }, { from: '2026-08-10', racks: 10 }], spareRacks: 1 },
    failures: { ratePerGpuHour: 5e-4, restartMinutes: 15 },
    runs: [
      aRun({ name: 'a', racks: 5, totalFlop: 3e24, checkpoint: { intervalMinutes: 45, writeMinutes: 2 } }),
      aRun({ name: 'b', racks: 3, submit: '2026-07-05T13:17', totalFlop: 8e23 }),
      aRun({ name: 'c', racks: 9, submit: '2026-08-20', totalFlop: 1e26 }),
    ],
  });

  for (const seed of [1, 2, 3]) {
    it(`per-run usage-share costs plus idle cost equal the lease paid, to the cent, with power passed through (seed ${seed})`, () => {
      const option = lease({ powerUsdPerMwh: 71.3, escalatorPerYear: 0.03 });
      const bill = billLease(simulateScenario(ctx.scenario, { seed }), option);
      expect(bill.usageShareCents.reduce((a, b) => a + b, 0) + bill.idleCents).toBe(bill.totalCents);
      expect(bill.fullyLoadedCents.reduce((a, b) => a + b, 0)).toBe(bill.totalCents);
      expect(bill.totalCents).toBe(bill.feeCents + bill.powerCents);
      expect(bill.idleCents).toBeGreaterThan(0);
      expect(bill.powerCents).toBeGreaterThan(0);
    });
  }

  it('the energy passed through is IT power by state times PUE, integrated', () => {
    const { ctx: idle } = load({ runs: [] });
    const option = lease({ powerUsdPerMwh: 100, pue: 1.25 });
    const bill = billLease(simulateScenario(idle.scenario), option);
    // 8 idle racks x 18 kW x 30 days x 24 h x 1.25 / 1000
    expect(bill.energyMwh).toBeCloseTo((8 * 18 * 30 * 24 * 1.25) / 1000, 9);
    expect(bill.powerCents).toBe(Math.round(bill.energyMwh * 100 * 100));
  });

  it('with a simulated facility, the energy passed through is the facility energy (cooling and losses included)', async () => {
    const loaded = await loadScenario('scenarios/memphis-heat-wave.yaml');
    const record = simulateScenario(loaded.scenario);
    const f = record.facility!;
    let facilityMwh = 0;
    let itMwh = 0;
    for (let i = 0; i < f.facilityMw.length; i++) {
      facilityMwh += (f.facilityMw[i] ?? 0) * (f.hourTicks[i] ?? 0) * (loaded.scenario.tickSeconds / 3600);
      itMwh += (f.itMw[i] ?? 0) * (f.hourTicks[i] ?? 0) * (loaded.scenario.tickSeconds / 3600);
    }
    const bill = billLease(record, lease({ powerUsdPerMwh: 50 }));
    expect(bill.energyMwh).toBeCloseTo(facilityMwh, 6);
    expect(bill.energyMwh).toBeGreaterThan(itMwh);
    expect(bill.usageShareCents.reduce((a, b) => a + b, 0) + bill.idleCents).toBe(bill.totalCents);
  });

  it('the escalator raises the fee once a year, and a schedule step takes over from its date', () => {
    const months = Array.from({ length: 25 }, (_, i) => ({ label: `m${i}`, startTick: i * 100, endTick: (i + 1) * 100, shareOfMonth: 1 }));
    const fees = leaseFeeCents(months, lease({ schedule: [{ tick: 0, monthlyUsd: 100 }, { tick: 2400, monthlyUsd: 200 }], escalatorPerYear: 0.1 }));
    expect(fees[0]).toBe(10_000);
    expect(fees[11]).toBe(10_000);
    expect(fees[12]).toBe(11_000);
    expect(fees[24]).toBe(Math.round(200 * 1.21 * 100));
  });

  it('exiting later never costs less, and exiting costs at least the minimum term', () => {
    const costs = exitCosts(ctx.scenario, lease({ exit: { minimumMonths: 1, noticeDays: 30, noticeGivenTick: null } }));
    expect(costs.map((c) => c.noticeMonth)).toEqual(['2026-08', '2026-09']);
    expect(costs[0]?.feesPaidUsd).toBeGreaterThan(3_333_333.33);
    for (let i = 1; i < costs.length; i++) expect(costs[i]?.feesPaidUsd).toBeGreaterThanOrEqual(costs[i - 1]?.feesPaidUsd ?? 0);
  });

  it('notice given cuts the lease and its capacity short', () => {
    const { ctx: short, options } = load({
      end: '2026-12-31',
      options: [{ name: 'lease', kind: 'lease', exit: { minimumMonths: 3, noticeDays: 31, noticeGiven: '2026-10-01' } }],
    });
    const result = evaluateOption(short, options[0]!, 1, 0);
    // July through October at $1M a month.
    expect(result.totalCostUsd).toBe(4_000_000);
    expect(result.paidGpuHours).toBe(8 * 72 * 24 * (31 + 31 + 30 + 31));
  });
});

describe('break-even utilization', () => {
  it('equals lease cost per available GPU-hour / cloud price, and the costs cross there for a constant workload', () => {
    // One run holds 4 of 8 racks the whole month: utilization 1/2, no failures, no waits.
    const hoursInMonth = 31 * 24;
    const { ctx, options } = load({
      end: '2026-07-31',
      runs: [aRun({ racks: 4, mfu: undefined, achievedTflopsPerGpu: 1000, totalFlop: 4 * 72 * 1000e12 * 3600 * hoursInMonth * 2 })],
      options: [
        { name: 'lease', kind: 'lease', monthlyUsd: 1_000_000 },
        { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 4 },
      ],
    });
    const c = compareOptions(ctx, options, { seed: 1, replications: 1 }, provenance);
    const leasePerAvailable = 1_000_000 / (8 * 72 * hoursInMonth);
    const b = c.breakEven[0];
    expect(b?.leaseCostPerAvailableGpuHourUsd).toBeCloseTo(leasePerAvailable, 12);
    expect(b?.utilization).toBeCloseTo(leasePerAvailable / 4, 12);
    expect(c.options[0]?.utilization).toBe(0.5);
    // At the break-even utilization the cloud bill for the same GPU-hours equals the lease.
    const cloudAtBreakEven = (b?.utilization ?? 0) * 8 * 72 * hoursInMonth * 4;
    expect(cloudAtBreakEven).toBeCloseTo(1_000_000, 6);
    // At 50% (below break-even of ~60%) the cloud is cheaper: 4 x 72 x 720 h x $4.
    expect(c.options[1]?.totalCostUsd).toBe(4 * 72 * hoursInMonth * 4);
    expect(c.options[1]?.totalCostUsd).toBeLessThan(c.options[0]?.totalCostUsd ?? 0);
  });
});
