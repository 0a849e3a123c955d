import { mean } from 'simple-statistics';
import type { Provenance } from '../reports/summary.js';
import { evaluateOption, type EvaluateContext } from './evaluate-option.js';
import type { ProcurementOption } from './option.js';
import type { LeaseDetail, OptionResult } from './option-result.js';
import { pairedDifference, probabilityCheapest, type PairedDifference } from './paired-stats.js';

export interface CompareSettings {
  seed: number;
  replications: number;
  /** Called after each simulation with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The JSON contract of `capsim compare`. Every field is defined in the README. */
export type Comparison = ReturnType<typeof compareOptions>;

/**
 * Every option on the same random streams (common random numbers): replication r of each option
 * uses (seed, r), and the runs' streams are named by run, so the options' results pair up and
 * their differences are measured replication by replication.
 */
export function compareOptions(ctx: EvaluateContext, options: readonly ProcurementOption[], settings: CompareSettings, provenance: Provenance) {
  const total = options.length * settings.replications;
  let done = 0;
  const results: OptionResult[][] = options.map((option) =>
    Array.from({ length: settings.replications }, (_, r) => {
      const result = evaluateOption(ctx, option, settings.seed, r);
      settings.onProgress?.((done += 1), total);
      return result;
    }),
  );
  const totals = results.map((reps) => reps.map((x) => x.totalCostUsd));
  const baseline = totals[0] ?? [];
  const cheapest = probabilityCheapest(totals);
  const summaries = options.map((option, i) => summarizeOption(results[i] ?? [], pairedDifference(totals[i] ?? [], baseline), cheapest[i] ?? 0));
  return {
    capsim: { version: provenance.version, scenarioHash: provenance.scenarioHash, seed: settings.seed, replications: settings.replications },
    scenario: { name: ctx.scenario.name, start: ctx.scenario.startIso, end: ctx.scenario.endIso, runs: ctx.scenario.runs.map((r) => r.name) },
    baseline: options[0]?.name ?? null,
    options: summaries,
    breakEven: breakEven(summaries),
  };
}

const meanOf = (values: Array<number | null>): number | null => (values.some((v) => v === null) ? null : mean(values as number[]));

function summarizeOption(reps: OptionResult[], difference: PairedDifference, probability: number) {
  const first = reps[0];
  if (!first) throw new Error('compare requires at least one replication');
  return {
    name: first.name,
    kind: first.kind,
    totalCostUsd: mean(reps.map((x) => x.totalCostUsd)),
    idleCostUsd: mean(reps.map((x) => x.idleCostUsd)),
    utilization: meanOf(reps.map((x) => x.utilization)),
    heldGpuHours: mean(reps.map((x) => x.heldGpuHours)),
    paidGpuHours: mean(reps.map((x) => x.paidGpuHours)),
    deliveredFlop: mean(reps.map((x) => x.deliveredFlop)),
    workFlop: mean(reps.map((x) => x.workFlop)),
    costPerDeliveredPflopUsd: meanOf(reps.map((x) => x.costPerDeliveredPflopUsd)),
    priceUsdPerGpuHour: first.priceUsdPerGpuHour,
    differenceFromBaselineUsd: difference,
    probabilityCheapest: probability,
    runs: first.runs.map((run, j) => {
      const across = reps.map((x) => x.runs[j] ?? run);
      return {
        name: run.name,
        where: run.where,
        gpus: run.gpus,
        completedShare: across.filter((x) => x.status === 'completed').length / across.length,
        progress: mean(across.map((x) => x.progress)),
        timeToTrainDays: meanOf(across.map((x) => x.timeToTrainDays)),
        gpuHoursHeld: mean(across.map((x) => x.gpuHoursHeld)),
        costUsd: mean(across.map((x) => x.costUsd)),
        costFullyLoadedUsd: mean(across.map((x) => x.costFullyLoadedUsd)),
        interruptions: mean(across.map((x) => x.interruptions)),
      };
    }),
    lease: first.lease === null ? null : leaseMean(reps.map((x) => x.lease as LeaseDetail)),
  };
}

function leaseMean(details: LeaseDetail[]): LeaseDetail {
  const first = details[0] as LeaseDetail;
  return {
    ...first,
    feesUsd: mean(details.map((d) => d.feesUsd)),
    powerUsd: mean(details.map((d) => d.powerUsd)),
    energyMwh: mean(details.map((d) => d.energyMwh)),
    costPerAvailableGpuHourUsd: meanOf(details.map((d) => d.costPerAvailableGpuHourUsd)),
    burstRuns: [...new Set(details.flatMap((d) => d.burstRuns))],
  };
}

/**
 * Break-even utilization of each lease against each cloud option: lease cost per available
 * GPU-hour / cloud price per GPU-hour. Above it, the lease's GPU-hours used cost less than the
 * cloud's.
 */
function breakEven(options: ReadonlyArray<ReturnType<typeof summarizeOption>>) {
  const leases = options.filter((o) => o.kind === 'lease' && o.lease?.costPerAvailableGpuHourUsd != null);
  const clouds = options.filter((o) => o.kind !== 'lease' && o.kind !== 'hybrid' && o.priceUsdPerGpuHour !== null);
  return leases.flatMap((lease) =>
    clouds.map((cloud) => {
      const leaseCost = lease.lease?.costPerAvailableGpuHourUsd ?? 0;
      const price = cloud.priceUsdPerGpuHour ?? 0;
      return {
        lease: lease.name,
        against: cloud.name,
        leaseCostPerAvailableGpuHourUsd: leaseCost,
        cloudPriceUsdPerGpuHour: price,
        utilization: price > 0 ? leaseCost / price : null,
        leaseUtilization: lease.utilization,
      };
    }),
  );
}
