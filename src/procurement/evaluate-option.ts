import type { RunRecord } from '../simulation/record.js';
import { simulateScenario } from '../simulation/simulate-scenario.js';
import { addCashFlows } from './cash-flows.js';
import { evaluateCloud } from './evaluate-cloud.js';
import { evaluateLease } from './evaluate-lease.js';
import { evaluateOwn } from './evaluate-own.js';
import { leaseScenario } from './lease-scenario.js';
import type { HybridOption, ProcurementOption } from './option.js';
import { assemble, plannedRuns, withRuns, type EvaluateContext } from './option-assembly.js';
import type { OptionResult } from './option-result.js';

export type { EvaluateContext } from './option-assembly.js';

/**
 * Simulate the workload under one option and bill it. Every option of a comparison is given the
 * same seed and replication: the runs' streams are named by run, so draws pair up across options.
 */
export function evaluateOption(ctx: EvaluateContext, option: ProcurementOption, seed: number, replication: number): OptionResult {
  const planned = plannedRuns(ctx.scenario, seed, replication);
  switch (option.kind) {
    case 'lease':
      return evaluateLease(ctx, option, seed, replication, planned);
    case 'hybrid':
      return hybridResult(ctx, option, seed, replication);
    case 'own':
      return evaluateOwn(ctx, option, seed, replication, planned);
    default:
      return evaluateCloud(ctx, option, seed, replication, planned);
  }
}

/**
 * A lease base with cloud burst, in two passes: simulate the lease alone; every run that waited
 * longer than the threshold for its first start goes to the cloud, submitted when its wait passed
 * the threshold; then simulate the lease without those runs, and the cloud with only them. The
 * base lease is taken without the lessor's termination risk.
 */
function hybridResult(ctx: EvaluateContext, option: HybridOption, seed: number, replication: number): OptionResult {
  const terms = { ...option.lease.terms, termination: null };
  const lease = { ...option.lease, terms };
  const base = leaseScenario(ctx.scenario, terms);
  const first = simulateScenario(base, { seed, replication });
  const waited = (r: RunRecord['runs'][number]) => (r.firstStartTick ?? base.horizonTicks) - r.submitTick;
  const burst = new Set(first.runs.filter((r) => r.stream === undefined && r.submitTick < base.horizonTicks && waited(r) > option.burstAfterTicks).map((r) => r.name));
  const onLease = withLeaseRuns(ctx, burst);
  const leaseResult = evaluateLease(onLease, lease, seed, replication, plannedRuns(onLease.scenario, seed, replication));
  if (burst.size === 0) return { ...leaseResult, name: option.name, kind: 'hybrid' };
  const shifted = ctx.scenario.runs.filter((r) => burst.has(r.name)).map((r) => ({ ...r, submitTick: r.submitTick + option.burstAfterTicks }));
  const cloud = evaluateCloud(ctx, option.burst, seed, replication, shifted);
  const order = new Map(ctx.scenario.runs.map((r, i) => [r.name, i]));
  return assemble(ctx.scenario, {
    ...leaseResult,
    name: option.name,
    kind: 'hybrid',
    cashFlows: addCashFlows(leaseResult.cashFlows, cloud.cashFlows),
    idleCostUsd: leaseResult.idleCostUsd + cloud.idleCostUsd,
    heldGpuHours: leaseResult.heldGpuHours + cloud.heldGpuHours,
    paidGpuHours: leaseResult.paidGpuHours + cloud.paidGpuHours,
    deliveredFlop: leaseResult.deliveredFlop + cloud.deliveredFlop,
    workFlop: leaseResult.workFlop + cloud.workFlop,
    deliveredAll: leaseResult.deliveredAll && cloud.deliveredAll,
    runs: [...leaseResult.runs, ...cloud.runs].sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)),
    lease: leaseResult.lease ? { ...leaseResult.lease, burstRuns: [...burst] } : null,
    priceUsdPerGpuHour: option.burst.price.steps[0]?.usdPerGpuHour ?? null,
  });
}

/** The scenario without the named runs that burst (the workload's jobs stay on the lease). */
function withLeaseRuns(ctx: EvaluateContext, burst: ReadonlySet<string>): EvaluateContext {
  const kept = ctx.scenario.runs.filter((r) => !burst.has(r.name));
  if (kept.length === ctx.scenario.runs.length) return ctx;
  return { ...ctx, scenario: withRuns(ctx.scenario, kept, { keepWorkload: true }) };
}
