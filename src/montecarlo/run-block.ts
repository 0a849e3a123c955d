import { leaseScenario } from '../procurement/lease-scenario.js';
import { simulateScenario } from '../simulation/simulate-scenario.js';
import { SimulationStopped } from '../engine/simulate.js';
import { summarize, type Provenance } from '../reports/summary.js';
import type { Scenario } from '../scenario/scenario.js';
import { scenarioAt, type Uncertainty } from '../scenario/uncertainty.js';
import { SummaryAccumulator, type SummaryAccumulatorData } from './summary-accumulator.js';

/** A contiguous block of replications of one scenario: what a worker thread is given. */
export interface BlockTask {
  scenario: Scenario;
  seed: number;
  /** Replications from (inclusive) to (exclusive); replication r draws from createRng(seed, r, ...). */
  from: number;
  to: number;
  provenance: Provenance;
  /** Uncertain inputs, drawn anew in each replication; absent or null: `scenario` as it is. */
  uncertainty?: Uncertainty | null;
  /** Ctrl-C, shared with the main thread: 1 stops the block (SimulationStopped). */
  stop?: Int32Array;
}

export interface BlockResult {
  accumulator: SummaryAccumulatorData;
  /** Events handled over the block: the unit of the engine's cost. */
  events: number;
  /** Installed GPU-hours simulated over the block. */
  simulatedGpuHours: number;
}

/**
 * Simulates each replication of the block and folds its report into one accumulator, whose values
 * are left for the receiver to count (a block is at most a few hundred replications).
 */
export function runBlock(task: BlockTask): BlockResult {
  const accumulator = new SummaryAccumulator(false);
  let events = 0;
  let simulatedGpuHours = 0;
  const stop = task.stop;
  const shouldStop = stop ? () => Atomics.load(stop, 0) === 1 : () => false;
  for (let r = task.from; r < task.to; r += 1) {
    if (shouldStop()) throw new SimulationStopped('replications stopped');
    const u = task.uncertainty ?? null;
    const at = u ? scenarioAt({ scenario: task.scenario, written: u.written, uncertainty: u }, task.seed, r) : { scenario: task.scenario, inputs: null };
    const record = simulateScenario(leaseScenario(at.scenario, at.scenario.lease), { seed: task.seed, replication: r, timeline: false, shouldStop });
    const summary = summarize(record, task.provenance, at.inputs);
    events += record.events;
    simulatedGpuHours += summary.cluster.availableGpuHours;
    accumulator.addReport(summary);
  }
  return { accumulator: accumulator.toData(), events, simulatedGpuHours };
}
