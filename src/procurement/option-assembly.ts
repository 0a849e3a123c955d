import type { RunRecord } from '../simulation/record.js';
import { centsToUsd } from '../model/money.js';
import { ticksToDays } from '../model/time.js';
import { gpuHours, heldRackTicks, ratio } from '../reports/metrics.js';
import type { RunSpec, Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { workloadJobs } from '../workload/jobs.js';
import { npvCents, totalCents, type CashFlows } from './cash-flows.js';
import { schedulerForRuns } from './scheduler-for-runs.js';
import type { ProcurementOption } from './option.js';
import type { OptionResult, OptionRunResult, RunPlace } from './option-result.js';

export interface EvaluateContext {
  scenario: Scenario;
  written: WrittenScenario;
  /** Every option of the comparison, for a lease's fallback (by name). */
  options?: readonly ProcurementOption[];
}

/** The work asked for in a replication: the named runs, then the jobs of the workload's streams and traces. */
export function plannedRuns(scenario: Scenario, seed: number, replication: number): RunSpec[] {
  return scenario.workload ? [...scenario.runs, ...workloadJobs(scenario, seed, replication)] : scenario.runs;
}

/**
 * The scenario with only these runs (indices renumbered, reservations following them by name):
 * with the jobs of its workload among them, already drawn, and the workload's streams dropped; or,
 * `keepWorkload`, named runs only, the workload's jobs drawn by the simulation as usual.
 */
export function withRuns(scenario: Scenario, runs: readonly RunSpec[], options: { keepWorkload?: boolean } = {}): Scenario {
  const { workload, scheduler, ...rest } = scenario;
  const indexed = runs.map((r, index) => ({ ...r, index }));
  return {
    ...rest,
    ...(options.keepWorkload && workload ? { workload } : {}),
    ...(scheduler ? { scheduler: schedulerForRuns(scheduler, indexed, scenario.rack, scenario.rack) } : {}),
    runs: indexed,
  };
}

/** The runs and jobs of a record, costed with `cents` by record index. */
export function runResults(planning: Scenario, record: RunRecord, where: RunPlace, cents: readonly number[], loadedCents: readonly number[]): OptionRunResult[] {
  const s = record.scenario;
  const days = (ticks: number) => ticksToDays(ticks, s.tickSeconds);
  const submits = new Map(planning.runs.map((spec) => [spec.name, spec.submitTick]));
  return record.runs.flatMap((r, i) => {
    const submitted = submits.get(r.name) ?? r.submitTick;
    return [
      {
        name: r.name,
        ...(r.stream === undefined ? {} : { stream: r.stream }),
        where: [where],
        rack: s.rack.id,
        status: r.status,
        gpus: r.gpus,
        progress: r.doneFlop / r.totalFlop,
        timeToTrainDays: r.status === 'completed' && r.endTick !== null ? days(r.endTick - submitted) : null,
        gpuHoursHeld: gpuHours(heldRackTicks(r), s.rack.gpusPerRack, s.tickSeconds),
        costUsd: centsToUsd(cents[i] ?? 0),
        costFullyLoadedUsd: centsToUsd(loadedCents[i] ?? 0),
        interruptions: r.interruptions,
      },
    ];
  });
}

export type OptionParts = Omit<OptionResult, 'totalCostUsd' | 'npvUsd' | 'utilization' | 'costPerDeliveredPflopUsd'>;

/** The derived fields of a result: totals of the cash flows, utilization, cost per PFLOP. */
export function assemble(planning: Scenario, parts: OptionParts): OptionResult {
  const total = centsToUsd(totalCents(parts.cashFlows));
  return {
    ...parts,
    totalCostUsd: total,
    npvUsd: npvCents(parts.cashFlows, planning.discountRatePerYear) / 100,
    utilization: ratio(parts.heldGpuHours, parts.paidGpuHours),
    costPerDeliveredPflopUsd: ratio(total, parts.deliveredFlop / 1e15),
  };
}

/**
 * Work done (runs and jobs), and whether every named run finished, from the records that ran
 * them. Jobs of workload streams and traces count in the work but not in `deliveredAll`: they
 * keep arriving until the horizon's end, so no option could finish them all.
 */
export function delivered(records: readonly RunRecord[], planned: readonly RunSpec[]): { deliveredFlop: number; workFlop: number; deliveredAll: boolean } {
  const outcomes = records.flatMap((r) => r.runs);
  const completed = outcomes.filter((o) => o.stream === undefined && o.status === 'completed').length;
  return {
    deliveredFlop: outcomes.reduce((a, o) => a + o.doneFlop, 0),
    workFlop: planned.reduce((a, r) => a + r.totalFlop, 0),
    deliveredAll: completed >= planned.filter((r) => r.stream === undefined).length,
  };
}
