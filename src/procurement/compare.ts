import { mean } from 'simple-statistics';
import type { Provenance } from '../reports/summary.js';
import { cashCategories } from './cash-flows.js';
import type { EvaluateContext } from './evaluate-option.js';
import { evaluateReplication, type ReplicationResult } from './evaluate-replication.js';
import type { OptionsModel } from './options-model.js';
import { replicateOptions } from './replicate-options.js';
import { rankInputs } from './rank-inputs.js';
import type { BlockRunner } from '../montecarlo/pool.js';
import { describeInputs } from '../scenario/uncertainty.js';
import { monthsOf } from '../model/time.js';
import type { ProcurementOption } from './option.js';
import type { LeaseDetail, OptionResult, OwnDetail } from './option-result.js';
import { pairedDifference, probabilityCheapest, type PairedDifference } from './paired-stats.js';
import { breakEven } from './break-even.js';
import { rankOptions } from './rank-options.js';
import { comparisonAssumptions } from './assumptions.js';

export interface CompareSettings {
  seed: number;
  replications: number;
  /** Called after each replication (of every option) with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What compare reads of a loaded scenario: the scenario, and its uncertain inputs if it has any. */
export type CompareContext = EvaluateContext & Pick<OptionsModel, 'uncertainty' | 'files'>;

/** The JSON contract of `capsim compare`. Every field is defined in the README. */
export type Comparison = ReturnType<typeof comparisonOf>;
export type ComparedOption = Comparison['options'][number];

/**
 * Every option on the same random streams (common random numbers): replication r of each option
 * uses (seed, r), the runs' streams are named by run and the uncertain inputs are drawn once per
 * replication for all options, so the options' results pair up and their differences are
 * measured replication by replication. In this thread; `compareOptionsOn` runs on a pool.
 */
export function compareOptions(ctx: CompareContext, options: readonly ProcurementOption[], settings: CompareSettings, provenance: Provenance): Comparison {
  const model = modelOf(ctx, options);
  const reps = Array.from({ length: settings.replications }, (_, r) => {
    const result = evaluateReplication(model, settings.seed, r);
    settings.onProgress?.(r + 1, settings.replications);
    return result;
  });
  return comparisonOf(model, reps, settings, provenance);
}

/** As compareOptions, with the replications on `runner`'s worker threads: the same bytes for any number of workers. */
export async function compareOptionsOn(runner: BlockRunner, ctx: CompareContext, options: readonly ProcurementOption[], settings: CompareSettings, provenance: Provenance): Promise<Comparison> {
  const model = modelOf(ctx, options);
  const reps = await replicateOptions(model, settings, runner, settings.onProgress);
  return comparisonOf(model, reps, settings, provenance);
}

/** Only what a replication needs (a caller's loaded scenario carries more: its source, its warnings). */
function modelOf(ctx: CompareContext, options: readonly ProcurementOption[]): OptionsModel {
  return { scenario: ctx.scenario, written: ctx.written, uncertainty: ctx.uncertainty ?? null, ...(ctx.files ? { files: ctx.files } : {}), options };
}

/**
 * The comparison of replications already run. Options are ranked by the cost (net present value)
 * of delivering all the work asked for: those that deliver it all first.
 */
function comparisonOf(model: OptionsModel, reps: readonly ReplicationResult[], settings: CompareSettings, provenance: Provenance) {
  const { scenario } = model;
  const options = model.options;
  const results: OptionResult[][] = options.map((_, i) => reps.map((x) => x.results[i] as OptionResult));
  const column = (f: (x: OptionResult) => number) => results.map((rs) => rs.map(f));
  const totals = column((x) => x.totalCostUsd);
  const npvs = column((x) => x.npvUsd);
  // Only options that delivered all the work in a replication can be its cheapest.
  const cheapest = probabilityCheapest(results.map((rs) => rs.map((x) => (x.deliveredAll ? x.npvUsd : Infinity))));
  const months = monthsOf(scenario.startMinutes, scenario.tickSeconds, scenario.horizonTicks).map((m) => m.label);
  const inputs = describeInputs(model.uncertainty ?? null);
  const summaries = options.map((option, i) => {
    const summary = summarizeOption(results[i] ?? [], months, scenario.runs.map((r) => r.name), {
      difference: pairedDifference(totals[i] ?? [], totals[0] ?? []),
      npvDifference: pairedDifference(npvs[i] ?? [], npvs[0] ?? []),
      probability: cheapest[i] ?? 0,
      option,
    });
    if (inputs.length === 0) return summary;
    const differences = (npvs[i] ?? []).map((v, r) => v - (npvs[0]?.[r] ?? 0));
    return { ...summary, inputRanking: i === 0 ? null : rankInputs(inputs, reps.map((x) => x.inputs), differences) };
  });
  const ranks = rankOptions(summaries);
  return {
    capsim: { version: provenance.version, scenarioHash: provenance.scenarioHash, seed: settings.seed, replications: settings.replications },
    scenario: {
      name: scenario.name,
      start: scenario.startIso,
      end: scenario.endIso,
      rack: scenario.rack.id,
      discountRatePerYear: scenario.discountRatePerYear,
      runs: scenario.runs.map((r) => r.name),
    },
    ...(inputs.length > 0 ? { uncertainInputs: inputs } : {}),
    baseline: options[0]?.name ?? null,
    options: summaries.map((s, i) => ({ ...s, rank: ranks[i] ?? 0 })),
    breakEven: breakEven(scenario, summaries, options),
    assumptions: comparisonAssumptions(scenario, model.written, options),
  };
}

const meanOf = (values: Array<number | null>): number | null => (values.some((v) => v === null) ? null : mean(values as number[]));

interface Paired {
  difference: PairedDifference;
  npvDifference: PairedDifference;
  probability: number;
  option: ProcurementOption;
}

function summarizeOption(reps: OptionResult[], months: string[], named: readonly string[], paired: Paired) {
  const first = reps[0];
  if (!first) throw new Error('compare requires at least one replication');
  return {
    name: first.name,
    kind: first.kind,
    rack: first.rack,
    totalCostUsd: mean(reps.map((x) => x.totalCostUsd)),
    npvUsd: mean(reps.map((x) => x.npvUsd)),
    idleCostUsd: mean(reps.map((x) => x.idleCostUsd)),
    utilization: meanOf(reps.map((x) => x.utilization)),
    heldGpuHours: mean(reps.map((x) => x.heldGpuHours)),
    paidGpuHours: mean(reps.map((x) => x.paidGpuHours)),
    deliveredFlop: mean(reps.map((x) => x.deliveredFlop)),
    workFlop: mean(reps.map((x) => x.workFlop)),
    deliveredShare: mean(reps.map((x) => (x.workFlop > 0 ? x.deliveredFlop / x.workFlop : 1))),
    deliveredAllShare: reps.filter((x) => x.deliveredAll).length / reps.length,
    costPerDeliveredPflopUsd: meanOf(reps.map((x) => x.costPerDeliveredPflopUsd)),
    priceUsdPerGpuHour: first.priceUsdPerGpuHour,
    differenceFromBaselineUsd: paired.difference,
    npvDifferenceFromBaselineUsd: paired.npvDifference,
    probabilityCheapest: paired.probability,
    cashFlows: months.map((month, m) => {
      const byCategory = Object.fromEntries(cashCategories.map((c) => [`${c}Usd`, mean(reps.map((x) => (x.cashFlows[c][m] ?? 0) / 100))]));
      return { month, ...byCategory, totalUsd: Object.values(byCategory).reduce((a, b) => a + b, 0) };
    }),
    runs: named.flatMap((name) => {
      const across = reps.flatMap((x) => x.runs.filter((r) => r.name === name && r.stream === undefined).slice(0, 1));
      const run = across[0];
      if (!run) return [];
      return {
        name: run.name,
        where: [...new Set(across.flatMap((x) => x.where))],
        rack: run.rack,
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
    lease: first.lease === null ? null : leaseMean(reps, paired.option),
    own: first.own === null ? null : ownMean(reps.map((x) => x.own as OwnDetail)),
  };
}

function leaseMean(reps: readonly OptionResult[], option: ProcurementOption) {
  const details = reps.map((x) => x.lease as LeaseDetail);
  const first = details[0] as LeaseDetail;
  const terms = option.kind === 'lease' ? option.terms : null;
  return {
    feesUsd: mean(details.map((d) => d.feesUsd)),
    powerUsd: mean(details.map((d) => d.powerUsd)),
    energyMwh: mean(details.map((d) => d.energyMwh)),
    costPerAvailableGpuHourUsd: meanOf(details.map((d) => d.costPerAvailableGpuHourUsd)),
    exitCosts: first.exitCosts,
    burstRuns: [...new Set(details.flatMap((d) => d.burstRuns))],
    endedEarlyShare: details.filter((d) => d.endedEarly).length / details.length,
    fallback: terms?.fallback ?? null,
    fallbackUsd: mean(details.map((d) => d.fallbackUsd)),
    terminationRisk: terms?.termination
      ? {
          probabilityPerMonth: terms.termination.probabilityPerMonth,
          afterMonths: terms.termination.afterMonths,
          noticeDays: terms.termination.noticeDays,
          terminatedShare: details.filter((d) => d.terminatedByLessor).length / details.length,
          expectedCostUsd: mean(details.map((d) => d.terminationCostUsd)),
          expectedNpvUsd: mean(details.map((d) => d.terminationNpvUsd)),
          costWithoutRiskUsd: mean(reps.map((x) => x.totalCostUsd - (x.lease?.terminationCostUsd ?? 0))),
        }
      : null,
  };
}

function ownMean(details: OwnDetail[]) {
  return {
    capexUsd: mean(details.map((d) => d.capexUsd)),
    residualUsd: mean(details.map((d) => d.residualUsd)),
    bookValueUsd: mean(details.map((d) => d.bookValueUsd)),
    energyMwh: mean(details.map((d) => d.energyMwh)),
    costPerAvailableGpuHourUsd: meanOf(details.map((d) => d.costPerAvailableGpuHourUsd)),
  };
}
