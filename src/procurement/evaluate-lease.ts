import type { RunRecord } from '../simulation/record.js';
import { simulateScenario } from '../simulation/simulate-scenario.js';
import { centsToUsd } from '../model/money.js';
import { monthsOf } from '../model/time.js';
import { gpuHours, ratio } from '../reports/metrics.js';
import type { LeaseSpec, RunSpec } from '../scenario/scenario.js';
import { addCashFlows, monthly, noCashFlows, type CashFlows } from './cash-flows.js';
import { evaluateCloud } from './evaluate-cloud.js';
import { evaluateOwn } from './evaluate-own.js';
import { billLease } from './lease-bill.js';
import { exitCosts } from './lease-exit.js';
import { leaseScenario, tenantEndTick, terminationTick } from './lease-scenario.js';
import type { LeaseOption } from './option.js';
import { assemble, delivered, runResults, type EvaluateContext } from './option-assembly.js';
import type { OptionResult, OptionRunResult } from './option-result.js';

/**
 * A lease option: the workload on the leased cluster for the term, billed (lease-bill.ts). The
 * term ends early at the tenant's notice, or at the lessor's termination drawn for the replication;
 * then the runs still to do (what they have not done, from the lease's end) go to the fallback
 * option and are paid as it bills. With a termination risk, the result also carries what the
 * termination cost in this replication: this cost less the same lease's without the risk.
 */
export function evaluateLease(ctx: EvaluateContext, option: LeaseOption, seed: number, replication: number, planned: readonly RunSpec[]): OptionResult {
  const terms = option.terms;
  const tenant: LeaseEnd = { endTick: tenantEndTick(ctx.scenario, terms), noticeTick: terms.exit?.noticeGivenTick ?? ctx.scenario.horizonTicks };
  const terminated = terminationTick(ctx.scenario, terms, seed, replication);
  if (!terminated || terminated.endTick >= tenant.endTick) return leaseOver(ctx, option, seed, replication, planned, tenant, false);
  const result = leaseOver(ctx, option, seed, replication, planned, terminated, true);
  const without = leaseOver(ctx, option, seed, replication, planned, tenant, false);
  const lease = result.lease;
  if (!lease) return result;
  return { ...result, lease: { ...lease, terminationCostUsd: result.totalCostUsd - without.totalCostUsd, terminationNpvUsd: result.npvUsd - without.npvUsd } };
}

/** When the lease ends, and when the notice that ends it was given. */
interface LeaseEnd {
  endTick: number;
  noticeTick: number;
}

function leaseOver(ctx: EvaluateContext, option: LeaseOption, seed: number, replication: number, planned: readonly RunSpec[], end: LeaseEnd, terminatedByLessor: boolean): OptionResult {
  const planning = ctx.scenario;
  const endTick = end.endTick;
  const terms = option.terms;
  const record = simulateScenario(leaseScenario(planning, terms, endTick), { seed, replication });
  const bill = billLease(record, terms);
  const months = monthsOf(planning.startMinutes, planning.tickSeconds, planning.horizonTicks).length;
  const hours = (rackTicks: number) => gpuHours(rackTicks, record.scenario.rack.gpusPerRack, record.scenario.tickSeconds);
  const flows: CashFlows = { ...noCashFlows(months), fees: monthly(bill.feeCentsByMonth, months), power: monthly(bill.powerCentsByMonth, months) };
  const alone = assemble(planning, {
    name: option.name,
    kind: 'lease',
    rack: record.scenario.rack.id,
    cashFlows: flows,
    idleCostUsd: centsToUsd(bill.idleCents),
    heldGpuHours: hours(bill.allocatedRackTicks),
    paidGpuHours: hours(bill.availableRackTicks),
    ...delivered([record], planned),
    runs: runResults(planning, record, 'lease', bill.usageShareCents, bill.fullyLoadedCents),
    lease: {
      feesUsd: centsToUsd(bill.feeCents),
      powerUsd: centsToUsd(bill.powerCents),
      energyMwh: bill.energyMwh,
      costPerAvailableGpuHourUsd: ratio(bill.totalCents / 100, hours(bill.availableRackTicks)),
      exitCosts: exitCosts(planning, terms),
      burstRuns: [],
      endedEarly: endTick < planning.horizonTicks,
      terminatedByLessor,
      terminationCostUsd: 0,
      terminationNpvUsd: 0,
      fallbackUsd: 0,
    },
    own: null,
    priceUsdPerGpuHour: null,
  });
  const fallback = endTick < planning.horizonTicks ? fallbackOf(ctx, terms) : undefined;
  if (!fallback) return alone;
  const rest = stillToDo(record, planned, endTick);
  if (rest.length === 0) return alone;
  const after =
    fallback.kind === 'own'
      ? evaluateOwn(ctx, fallback, seed, replication, planned, { runs: rest, orderedTick: end.noticeTick })
      : evaluateCloud(ctx, fallback, seed, replication, rest, 'fallback');
  return combine(ctx, alone, after, record, planned);
}

function fallbackOf(ctx: EvaluateContext, terms: LeaseSpec) {
  const found = terms.fallback === null ? undefined : ctx.options?.find((o) => o.name === terms.fallback);
  return found && found.kind !== 'lease' && found.kind !== 'hybrid' ? found : undefined;
}

/** What the lease left undone at its end: each unfinished run or job, its remaining work, submitted no earlier than the end. */
function stillToDo(record: RunRecord, planned: readonly RunSpec[], endTick: number): RunSpec[] {
  const outcomes = new Map<string, RunRecord['runs'][number]>();
  for (const o of record.runs) if (!outcomes.has(o.name)) outcomes.set(o.name, o);
  return planned.flatMap((spec) => {
    const o = outcomes.get(spec.name);
    if (o?.status === 'completed') return [];
    const remaining = spec.totalFlop - (o?.doneFlop ?? 0);
    if (!(remaining > 0)) return [];
    return [{ ...spec, totalFlop: remaining, submitTick: Math.max(spec.submitTick, endTick) }];
  });
}

/** The lease up to its end, then the fallback for the runs still to do: one bill, one set of runs. */
function combine(ctx: EvaluateContext, lease: OptionResult, after: OptionResult, record: RunRecord, planned: readonly RunSpec[]): OptionResult {
  const moved = new Map(after.runs.map((r) => [r.name, r]));
  const onLease = new Set(lease.runs.map((r) => r.name));
  const continued = lease.runs.map((r): OptionRunResult => {
    const next = moved.get(r.name);
    if (!next) return r;
    const total = planned.find((p) => p.name === r.name)?.totalFlop ?? 1;
    const leaseDone = r.progress * total;
    return {
      ...next,
      where: r.gpuHoursHeld > 0 ? ['lease', 'fallback'] : ['fallback'],
      progress: (leaseDone + next.progress * (total - leaseDone)) / total,
      gpuHoursHeld: r.gpuHoursHeld + next.gpuHoursHeld,
      costUsd: r.costUsd + next.costUsd,
      costFullyLoadedUsd: r.costFullyLoadedUsd + next.costFullyLoadedUsd,
      interruptions: r.interruptions + next.interruptions,
    };
  });
  // Jobs the lease's shorter term never drew run on the fallback alone.
  const runs = [...continued, ...after.runs.filter((r) => !onLease.has(r.name))];
  const work = delivered([record], planned);
  return assemble(ctx.scenario, {
    ...lease,
    cashFlows: addCashFlows(lease.cashFlows, after.cashFlows),
    idleCostUsd: lease.idleCostUsd + after.idleCostUsd,
    heldGpuHours: lease.heldGpuHours + after.heldGpuHours,
    paidGpuHours: lease.paidGpuHours + after.paidGpuHours,
    deliveredFlop: work.deliveredFlop + after.deliveredFlop,
    workFlop: work.workFlop,
    // Every run the lease left undone went to the fallback: all is delivered when the fallback finished them all.
    deliveredAll: after.deliveredAll,
    runs,
    lease: lease.lease ? { ...lease.lease, fallbackUsd: after.totalCostUsd } : null,
  });
}
