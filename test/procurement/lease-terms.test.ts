import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateOption } from '../../src/procurement/evaluate-option.js';
import { compareOptions } from '../../src/procurement/compare.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';
import { runCli, tempDir } from '../cli/helpers.js';

function load(overrides: Partial<WrittenScenario>) {
  const loaded = parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json');
  const options = resolveOptions(loaded.written, loaded.scenario);
  return { ctx: { scenario: loaded.scenario, written: loaded.written, options }, options };
}

/** `capsim run`'s lease paid and `capsim compare`'s bill of the scenario's lease, on the same seed. */
async function runAndCompare(file: string): Promise<{ run: number; compare: number; months: number[] }> {
  const run = await runCli('run', file, '--format', 'json');
  const compare = await runCli('compare', file, '--replications', '1', '--format', 'json');
  expect([run.code, compare.code], run.stderr + compare.stderr).toEqual([0, 0]);
  const summary = JSON.parse(run.stdout);
  const lease = JSON.parse(compare.stdout).options.find((o: { kind: string }) => o.kind === 'lease');
  return { run: summary.money.leasePaidUsd, compare: lease.totalCostUsd, months: summary.months.map((m: { leasePaidUsd: number }) => m.leasePaidUsd) };
}

describe('one lease', () => {
  it('is billed to the cent alike by capsim run and capsim compare: schedule, escalator, ramp-in, exit and power passed through', async () => {
    const dir = tempDir();
    const file = join(dir, 'lease.json');
    const scenario = aWrittenScenario({
      end: '2027-09-30',
      failures: { ratePerGpuHour: 1e-4 },
      cluster: { racks: 12 },
      lease: {
        schedule: [{ from: '2026-07-01', monthlyUsd: 1_234_567.89 }, { from: '2027-01-01', monthlyUsd: 1_500_000.01 }],
        escalatorPerYear: 0.031,
        powerUsdPerMwh: 71.3,
        pue: 1.15,
        rampIn: { steps: [{ from: '2026-07-01', racks: 4 }, { from: '2026-08-17', racks: 12 }], fees: 'pro-rata' },
        exit: { minimumMonths: 3, noticeDays: 90, noticeGiven: '2027-05-01' },
      },
      runs: [aRun({ racks: 4, totalFlop: 3e25 }), aRun({ name: 'later', racks: 8, submit: '2026-09-01', totalFlop: 2e26 })],
    });
    writeFileSync(file, JSON.stringify(scenario));
    const { run, compare, months } = await runAndCompare(file);
    expect(run).toBe(compare);
    // The term ends 90 days after 1 May 2027 (30 July): no fee after July 2027.
    expect(months).toHaveLength(13);
    expect(run).toBeGreaterThan(12 * 1_234_567.89);
  });

  it('is billed to the cent alike by run and compare with a simulated facility: the power passed through is its energy', async () => {
    const dir = tempDir();
    const file = join(dir, 'heat.yaml');
    const base = resolve('scenarios/memphis-heat-wave.yaml');
    writeFileSync(file, `extends: ${base}\nlease:\n  monthlyUsd: null\n  schedule: [{from: 2027-07-01, monthlyUsd: 150000000}, {from: 2027-08-01, monthlyUsd: 140000000.5}]\n  powerUsdPerMwh: 62\n`);
    const { run, compare } = await runAndCompare(file);
    expect(run).toBe(compare);
    expect(run).toBeGreaterThan(290_000_000);
  });

  it('fees a ramp-in pro rata to the racks delivered, or in full when take-or-pay', () => {
    const ramp = (fees: 'pro-rata' | 'take-or-pay') => {
      const { ctx, options } = load({
        lease: { monthlyUsd: 1_000_000, rampIn: { steps: [{ from: '2026-07-01', racks: 2 }, { from: '2026-07-16', racks: 8 }], fees } },
        options: [{ name: 'lease', kind: 'lease' }],
      });
      return evaluateOption(ctx, options[0]!, 1, 0);
    };
    // 30 days: 15 days at 2 of 8 racks, 15 at 8: (15 x 2 + 15 x 8) / (30 x 8) of the prorated fee.
    const fee = 1_000_000 * (30 / 31);
    expect(ramp('pro-rata').totalCostUsd).toBeCloseTo((fee * (15 * 2 + 15 * 8)) / (30 * 8), 1);
    expect(ramp('take-or-pay').totalCostUsd).toBeCloseTo(fee, 1);
    expect(ramp('pro-rata').paidGpuHours).toBe((15 * 2 + 15 * 8) * 24 * 72);
  });

  it('lets a lease option override one named term and keep the others from the lease section', () => {
    const { options } = load({
      lease: { monthlyUsd: 2_000_000, escalatorPerYear: 0.05, exit: { minimumMonths: 1, noticeDays: 30 } },
      options: [
        { name: 'as-written', kind: 'lease' },
        { name: 'with-power', kind: 'lease', powerUsdPerMwh: 55 },
        { name: 'other-fee', kind: 'lease', schedule: [{ from: '2026-07-01', monthlyUsd: 3 }] },
      ],
    });
    const terms = options.map((o) => (o.kind === 'lease' ? o.terms : null));
    expect(terms[0]).toMatchObject({ schedule: [{ tick: 0, monthlyUsd: 2_000_000 }], escalatorPerYear: 0.05, powerUsdPerMwh: null });
    expect(terms[1]).toMatchObject({ schedule: [{ tick: 0, monthlyUsd: 2_000_000 }], escalatorPerYear: 0.05, powerUsdPerMwh: 55, exit: { minimumMonths: 1, noticeDays: 30 } });
    expect(terms[2]).toMatchObject({ schedule: [{ tick: 0, monthlyUsd: 3 }], escalatorPerYear: 0.05 });
  });
});

describe('both sides can exit', () => {
  const plan: Partial<WrittenScenario> = {
    end: '2027-03-31',
    // 'long' computes for 80 days from 1 September.
    runs: [aRun({ name: 'long', racks: 4, submit: '2026-09-01', totalFlop: 4e24 }), aRun({ name: 'spring', racks: 2, submit: '2027-02-01', totalFlop: 1e23 })],
  };

  it('moves the runs still to do to the fallback when the lessor terminates, and reports what that cost', () => {
    const { ctx, options } = load({
      ...plan,
      lease: { monthlyUsd: 1_000_000, exit: { minimumMonths: 3, noticeDays: 30 }, termination: { probabilityPerMonth: 1 }, fallback: 'cloud' },
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'cloud', kind: 'on-demand', rack: 'gb300-nvl72', priceUsdPerGpuHour: 2 },
        { name: 'no-risk', kind: 'lease', termination: { probabilityPerMonth: 0 } },
      ],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    const noRisk = evaluateOption(ctx, options[2]!, 1, 0);
    // Notice on 1 October (after 3 months), the lease ends 30 days later: fees July to 30 October.
    expect(result.lease?.terminatedByLessor).toBe(true);
    expect(result.cashFlows.fees.slice(0, 5)).toEqual([100_000_000, 100_000_000, 100_000_000, Math.round((100_000_000 * 30) / 31), 0]);
    expect(result.runs.map((r) => r.where.join('+'))).toEqual(['lease+fallback', 'fallback']);
    expect(result.runs.map((r) => r.rack)).toEqual(['gb300-nvl72', 'gb300-nvl72']);
    expect(result.deliveredAll).toBe(true);
    expect(result.lease?.fallbackUsd).toBeGreaterThan(0);
    expect(result.lease?.terminationCostUsd).toBeCloseTo(result.totalCostUsd - noRisk.totalCostUsd, 6);
    expect(result.lease?.terminationNpvUsd).toBeCloseTo(result.npvUsd - noRisk.npvUsd, 6);
  });

  it('draws the termination once a month per replication from its own stream, the same for every lease option', () => {
    const { ctx, options } = load({
      ...plan,
      lease: { monthlyUsd: 1_000_000, termination: { probabilityPerMonth: 0.15, afterMonths: 1, noticeDays: 20 } },
      options: [
        { name: 'a', kind: 'lease' },
        { name: 'b', kind: 'lease', powerUsdPerMwh: 40 },
      ],
    });
    const c = compareOptions(ctx, options, { seed: 4, replications: 40 }, provenance);
    const ended = (i: number) => Array.from({ length: 40 }, (_, r) => evaluateOption(ctx, options[i]!, 4, r).lease?.terminatedByLessor);
    expect(ended(0)).toEqual(ended(1));
    // 1 - 0.85^8 = 73% of replications see a termination within the 8 months after the first.
    const share = c.options[0]!.lease!.terminationRisk!.terminatedShare;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.95);
    // Without a fallback the runs left stay undone: the risk costs work, not money.
    expect(c.options[0]!.deliveredAllShare).toBeLessThan(1);
  });

  it('hands the runs after the tenant\'s own exit to the fallback', () => {
    const { ctx, options } = load({
      ...plan,
      lease: { monthlyUsd: 1_000_000, exit: { minimumMonths: 3, noticeDays: 31, noticeGiven: '2026-12-01' }, fallback: 'cloud' },
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'cloud', kind: 'on-demand', rack: 'hgx-b200', priceUsdPerGpuHour: 3 },
      ],
    });
    const result = evaluateOption(ctx, options[0]!, 1, 0);
    expect(result.lease?.endedEarly).toBe(true);
    expect(result.lease?.terminatedByLessor).toBe(false);
    expect(result.totalCostUsd - (result.lease?.fallbackUsd ?? 0)).toBe(6_000_000);
    expect(result.runs[1]!.rack).toBe('hgx-b200');
    expect(result.deliveredAll).toBe(true);
  });
});
