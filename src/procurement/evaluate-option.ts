import { sum } from 'simple-statistics';
import type { RunRecord } from '../simulation/record.js';
import { simulateScenario } from '../simulation/simulate-scenario.js';
import { centsToUsd } from '../model/money.js';
import { gpuHours, heldRackTicks, ratio } from '../reports/metrics.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { billCloud } from './cloud-bill.js';
import { cloudScenario } from './cloud-scenario.js';
import { billLease } from './lease-bill.js';
import { exitCosts, leaseScenario } from './lease-exit.js';
import type { CloudOption, HybridOption, LeaseOption, ProcurementOption } from './option.js';
import type { OptionResult, OptionRunResult } from './option-result.js';

export interface EvaluateContext {
  scenario: Scenario;
  written: WrittenScenario;
}

/**
 * Simulate the workload under one option and bill it. Every option of a comparison is given the
 * same seed and replication: the runs' streams are named by run, so draws pair up across options.
 */
export function evaluateOption(ctx: EvaluateContext, option: ProcurementOption, seed: number, replication: number): OptionResult {
  switch (option.kind) {
    case 'lease':
      return leaseResult(ctx, option, simulateScenario(leaseScenario(ctx.scenario, option), { seed, replication }), []);
    case 'hybrid':
      return hybridResult(ctx, option, seed, replication);
    default:
      return cloudResult(ctx, option, simulateCloud(ctx, ctx.scenario, option, seed, replication));
  }
}

function simulateCloud(ctx: EvaluateContext, scenario: Scenario, option: CloudOption, seed: number, replication: number): RunRecord {
  const cloud = cloudScenario(scenario, ctx.written, option);
  return simulateScenario(cloud.scenario, { seed, replication, interruptions: cloud.interruptions });
}

function runResults(ctx: EvaluateContext, record: RunRecord, where: 'lease' | 'cloud', cents: number[], loadedCents: number[]): OptionRunResult[] {
  const s = record.scenario;
  const days = (ticks: number) => (ticks * s.tickMinutes) / (24 * 60);
  return record.runs.map((r, i) => {
    const submitted = ctx.scenario.runs.find((spec) => spec.name === r.name)?.submitTick ?? r.submitTick;
    return {
      name: r.name,
      where,
      status: r.status,
      gpus: r.gpus,
      progress: r.doneFlop / r.totalFlop,
      timeToTrainDays: r.status === 'completed' && r.endTick !== null ? days(r.endTick - submitted) : null,
      gpuHoursHeld: gpuHours(heldRackTicks(r), s.rack.gpusPerRack, s.tickMinutes),
      costUsd: centsToUsd(cents[i] ?? 0),
      costFullyLoadedUsd: centsToUsd(loadedCents[i] ?? 0),
      interruptions: r.interruptions,
    };
  });
}

function assemble(name: string, kind: OptionResult['kind'], parts: Omit<OptionResult, 'name' | 'kind' | 'utilization' | 'costPerDeliveredPflopUsd'>): OptionResult {
  return {
    name,
    kind,
    ...parts,
    utilization: ratio(parts.heldGpuHours, parts.paidGpuHours),
    costPerDeliveredPflopUsd: ratio(parts.totalCostUsd, parts.deliveredFlop / 1e15),
  };
}

function leaseResult(ctx: EvaluateContext, lease: LeaseOption, record: RunRecord, burstRuns: string[]): OptionResult {
  const bill = billLease(record, lease);
  const hours = (rackTicks: number) => gpuHours(rackTicks, record.scenario.rack.gpusPerRack, record.scenario.tickMinutes);
  return assemble(lease.name, 'lease', {
    totalCostUsd: centsToUsd(bill.totalCents),
    idleCostUsd: centsToUsd(bill.idleCents),
    heldGpuHours: hours(bill.allocatedRackTicks),
    paidGpuHours: hours(bill.availableRackTicks),
    deliveredFlop: sum(record.runs.map((r) => r.doneFlop)),
    workFlop: sum(record.runs.map((r) => r.totalFlop)),
    runs: runResults(ctx, record, 'lease', bill.usageShareCents, bill.fullyLoadedCents),
    lease: {
      feesUsd: centsToUsd(bill.feeCents),
      powerUsd: centsToUsd(bill.powerCents),
      energyMwh: bill.energyMwh,
      costPerAvailableGpuHourUsd: ratio(bill.totalCents / 100, hours(bill.availableRackTicks)),
      exitCosts: exitCosts(ctx.scenario, lease),
      burstRuns,
    },
    priceUsdPerGpuHour: null,
  });
}

function cloudResult(ctx: EvaluateContext, option: CloudOption, record: RunRecord): OptionResult {
  const bill = billCloud(record, option);
  return assemble(option.name, option.kind, {
    totalCostUsd: centsToUsd(bill.totalCents),
    idleCostUsd: centsToUsd(bill.idleCents),
    heldGpuHours: bill.heldGpuHours,
    paidGpuHours: bill.billedGpuHours,
    deliveredFlop: sum(record.runs.map((r) => r.doneFlop)),
    workFlop: sum(record.runs.map((r) => r.totalFlop)),
    runs: runResults(ctx, record, 'cloud', bill.runCents, bill.runCents),
    lease: null,
    priceUsdPerGpuHour: option.priceUsdPerGpuHour,
  });
}

/**
 * A lease base with cloud burst, in two passes: simulate the lease alone; every run that waited
 * longer than the threshold for its first start goes to the cloud, submitted when its wait passed
 * the threshold; then simulate the lease without those runs, and the cloud with only them.
 */
function hybridResult(ctx: EvaluateContext, option: HybridOption, seed: number, replication: number): OptionResult {
  const base = leaseScenario(ctx.scenario, option.lease);
  const first = simulateScenario(base, { seed, replication });
  const waited = (r: RunRecord['runs'][number]) => (r.firstStartTick ?? base.horizonTicks) - r.submitTick;
  const burst = new Set(first.runs.filter((r) => r.submitTick < base.horizonTicks && waited(r) > option.burstAfterTicks).map((r) => r.name));
  const pick = (keep: (name: string) => boolean, shift: number) =>
    base.runs.filter((r) => keep(r.name)).map((r, index) => ({ ...r, index, submitTick: r.submitTick + shift }));
  const onLease = { ...base, runs: pick((n) => !burst.has(n), 0) };
  const onCloud = { ...ctx.scenario, runs: pick((n) => burst.has(n), option.burstAfterTicks) };
  const lease = leaseResult(ctx, option.lease, simulateScenario(onLease, { seed, replication }), [...burst]);
  if (burst.size === 0) return { ...lease, name: option.name, kind: 'hybrid' };
  const cloud = cloudResult(ctx, option.burst, simulateCloud(ctx, onCloud, option.burst, seed, replication));
  const order = new Map(ctx.scenario.runs.map((r, i) => [r.name, i]));
  return assemble(option.name, 'hybrid', {
    totalCostUsd: lease.totalCostUsd + cloud.totalCostUsd,
    idleCostUsd: lease.idleCostUsd + cloud.idleCostUsd,
    heldGpuHours: lease.heldGpuHours + cloud.heldGpuHours,
    paidGpuHours: lease.paidGpuHours + cloud.paidGpuHours,
    deliveredFlop: lease.deliveredFlop + cloud.deliveredFlop,
    workFlop: lease.workFlop + cloud.workFlop,
    runs: [...lease.runs, ...cloud.runs].sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)),
    lease: lease.lease,
    priceUsdPerGpuHour: option.burst.priceUsdPerGpuHour,
  });
}
