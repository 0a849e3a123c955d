import { describe, expect, it } from 'vitest';
import { compareOptions } from '../../src/procurement/compare.js';
import { breakEvenReport } from '../../src/procurement/break-even-report.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { createRunner } from '../../src/montecarlo/pool.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';

/**
 * A constant workload: one run on the whole cluster (8 GB300 racks, 576 GPUs at FP8 and MFU 0.4,
 * 2,000 TFLOP/s each), no failures, a 30-day horizon in July. The lease pays $1M x 30/31; the
 * cloud on the same hardware bills the run's GPU-hours, whole minutes of 576 GPUs.
 */
const gpus = 576;
const leaseUsd = (1_000_000 * 30) / 31;
const workFlop = 2.5e24;
const minutes = (k: number) => Math.ceil((k * workFlop) / (gpus * 2000e12) / 60);
const constant = (overrides: Partial<WrittenScenario> = {}) =>
  aWrittenScenario({ runs: [aRun({ name: 'run', racks: 8, totalFlop: workFlop })], ...overrides });

function load(data: unknown) {
  const loaded = parseScenario(JSON.stringify(data), 'test.json');
  return { loaded, options: resolveOptions(loaded.written, loaded.scenario) };
}

describe('decisions under uncertain inputs', () => {
  it('an option against its copy differs by exactly zero in every replication, with uncertain inputs drawn', () => {
    const uncertain = { distribution: 'uniform', min: 2, max: 6 } as never;
    const { loaded, options } = load(
      constant({
        failures: { ratePerGpuHour: 2e-4, restartMinutes: { distribution: 'fixed', value: { distribution: 'triangular', min: 5, mode: 10, max: 20 } } as never },
        cluster: { racks: { distribution: 'uniform', min: 8, max: 10 } as never },
        options: [
          { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: uncertain },
          { name: 'cloud-copy', kind: 'on-demand', priceUsdPerGpuHour: uncertain },
          { name: 'lease', kind: 'lease', monthlyUsd: { distribution: 'lognormal', median: 1e6, p95: 2e6, max: 5e6 } as never },
          { name: 'lease-copy', kind: 'lease', monthlyUsd: { distribution: 'lognormal', median: 1e6, p95: 2e6, max: 5e6 } as never },
        ],
      }),
    );
    // Each copy has inputs of its own (its own streams): what matters is that they are drawn alike.
    expect(loaded.uncertainty?.inputs.map((i) => i.path)).toEqual(['cluster.racks', 'failures.restartMinutes.value', 'options[0].priceUsdPerGpuHour', 'options[1].priceUsdPerGpuHour', 'options[2].monthlyUsd', 'options[3].monthlyUsd']);
    const same = { distribution: 'uniform', min: 2, max: 6 } as never;
    const shared = load(
      constant({
        failures: { ratePerGpuHour: 5e-5, restartMinutes: { distribution: 'fixed', value: { distribution: 'triangular', min: 5, mode: 10, max: 20 } } as never },
        cluster: { racks: { distribution: 'uniform', min: 8, max: 10 } as never },
        lease: { monthlyUsd: { distribution: 'lognormal', median: 1e6, p95: 2e6, max: 5e6 } as never },
        runs: [aRun({ name: 'run', racks: 8, totalFlop: 1e24, checkpoint: { intervalMinutes: 'auto' } })],
        options: [{ name: 'lease', kind: 'lease' }, { name: 'lease-copy', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: same }],
      }),
    );
    const c = compareOptions(shared.loaded, shared.options, { seed: 3, replications: 30 }, provenance);
    expect(c.options.every((o) => o.deliveredAllShare === 1)).toBe(true);
    expect(c.options[1]?.npvDifferenceFromBaselineUsd.meanUsd).toBe(0);
    expect(c.options[1]?.npvDifferenceFromBaselineUsd.ci95Usd).toEqual([0, 0]);
    expect(c.options[1]?.differenceFromBaselineUsd.ci95Usd).toEqual([0, 0]);
    // The inputs did vary: the lease's cost spread over the replications.
    const cloud = c.options[2];
    const ranking = cloud && 'inputRanking' in cloud ? (cloud.inputRanking ?? []) : [];
    expect(ranking.slice(0, 2).map((x) => x.path).sort()).toEqual(['lease.monthlyUsd', 'options[2].priceUsdPerGpuHour']);
    expect(Math.abs((c.options[2]?.npvDifferenceFromBaselineUsd.ci95Usd?.[1] ?? 0) - (c.options[2]?.npvDifferenceFromBaselineUsd.ci95Usd?.[0] ?? 0))).toBeGreaterThan(1e5);
  });

  it('with a uniform price on the cloud and everything else fixed, P(cheapest) is the share of the price range below the break-even price (binomial error)', () => {
    const low = 1;
    const high = 5;
    const { loaded, options } = load(constant({ options: [{ name: 'lease', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: { distribution: 'uniform', min: low, max: high } as never }] }));
    const replications = 400;
    const c = compareOptions(loaded, options, { seed: 7, replications }, provenance);
    // The cloud bills the run's GPU-hours at the price: it is the cheaper below lease / GPU-hours.
    const breakEvenPrice = leaseUsd / ((gpus * minutes(1)) / 60);
    const share = (breakEvenPrice - low) / (high - low);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    const sd = Math.sqrt((share * (1 - share)) / replications);
    expect(Math.abs((c.options[1]?.probabilityCheapest ?? 0) - share)).toBeLessThan(3 * sd);
    expect((c.options[0]?.probabilityCheapest ?? 0) + (c.options[1]?.probabilityCheapest ?? 0)).toBeCloseTo(1, 12);
    expect(c.uncertainInputs).toEqual([{ path: 'options[1].priceUsdPerGpuHour', distribution: { distribution: 'uniform', min: low, max: high }, whole: false, low, high }]);
    // The price explains the whole difference: its rank correlation with cloud - lease is 1.
    const cloud = c.options[1];
    expect(cloud && 'inputRanking' in cloud ? cloud.inputRanking?.[0]?.rankCorrelation : null).toBeCloseTo(1, 12);
  });

  it('breakeven recovers the closed-form break-even utilization of a constant workload within the solver\'s tolerance', async () => {
    const price = 4;
    const { loaded, options } = load(constant({ options: [{ name: 'lease', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: price }] }));
    const runner = createRunner(1);
    const tolerance = 1e-3;
    const b = await breakEvenReport(
      { ...loaded, options },
      { vary: 'utilization', kind: 'parameter', between: ['lease', 'cloud'], low: 0.1, high: 1, whole: false, tolerance, seed: 1, replications: 2 },
      provenance,
      runner,
    ).finally(() => runner.close());
    // Closed form: the lease costs as much as the cloud when k x the run's GPU-hours x price = lease.
    const closedForm = leaseUsd / ((price * gpus * minutes(1)) / 60);
    expect(Math.abs((b.value as number) - closedForm)).toBeLessThanOrEqual(tolerance);
    expect((b.bracket?.[1] as number) - (b.bracket?.[0] as number)).toBeLessThanOrEqual(tolerance);
    expect([b.cheaperBelow, b.cheaperAbove]).toEqual(['cloud', 'lease']);
    expect(b.byReplication.solved).toBe(2);
    expect(Math.abs((b.byReplication.p50 as number) - closedForm)).toBeLessThanOrEqual(tolerance);
  });

  it('breakeven says when the options do not cross within the range', async () => {
    const { loaded, options } = load(constant({ options: [{ name: 'lease', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 4 }] }));
    const runner = createRunner(1);
    const b = await breakEvenReport(
      { ...loaded, options },
      { vary: 'utilization', kind: 'parameter', between: ['lease', 'cloud'], low: 0.1, high: 0.5, whole: false, tolerance: 0.01, seed: 1, replications: 2 },
      provenance,
      runner,
    ).finally(() => runner.close());
    expect(b.value).toBeNull();
    expect(b.cheaperThroughout).toBe('cloud');
    expect(b.byReplication).toMatchObject({ solved: 0, bCheaperThroughout: 2, p50: null });
  });
});
