import type { Provenance } from '../reports/summary.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Uncertainty } from '../scenario/uncertainty.js';
import type { BlockRunner } from './pool.js';
import type { BlockResult } from './run-block.js';
import { SummaryAccumulator } from './summary-accumulator.js';

export interface ReplicationSet {
  scenario: Scenario;
  seed: number;
  /** Replications from (inclusive) to (exclusive). */
  from: number;
  to: number;
  provenance: Provenance;
  uncertainty?: Uncertainty | null;
  /** Ctrl-C, shared with the worker threads (see run-block.ts). */
  stop?: Int32Array;
}

export interface Replicated {
  accumulator: SummaryAccumulator;
  events: number;
  simulatedGpuHours: number;
}

/** Called after each block with the replications done so far. */
export type OnProgress = (done: number, total: number) => void;

/**
 * Runs replications [from, to) in blocks on `runner` and folds the blocks in replication order.
 * At most a few blocks per worker are in flight, so memory does not grow with the number of
 * replications; the result is the same for any number of workers and any block size.
 */
export async function replicate(set: ReplicationSet, runner: BlockRunner, onProgress?: OnProgress): Promise<Replicated> {
  const total = set.to - set.from;
  const size = blockSize(total, runner.workers);
  // Block starts are counted, not listed: a list of them for 10^15 replications would fill memory.
  const blocks = Math.ceil(total / size);
  const submit = (i: number): Promise<BlockResult> => {
    const start = set.from + i * size;
    const task = { scenario: set.scenario, seed: set.seed, from: start, to: Math.min(start + size, set.to), provenance: set.provenance, uncertainty: set.uncertainty ?? null };
    const block = runner.run(set.stop ? { ...task, stop: set.stop } : task);
    block.catch(() => {}); // awaited in order below; this only keeps a later block's failure from going unhandled meanwhile
    return block;
  };

  // In flight: a few blocks per worker, awaited in replication order.
  const window = runner.workers * 3;
  const pending: Array<Promise<BlockResult>> = [];
  let next = 0;
  const refill = () => {
    while (pending.length < window && next < blocks) pending.push(submit(next++));
  };
  refill();
  const result: Replicated = { accumulator: new SummaryAccumulator(), events: 0, simulatedGpuHours: 0 };
  for (let i = 0; i < blocks; i += 1) {
    const block = await (pending.shift() as Promise<BlockResult>);
    refill();
    result.accumulator.mergeData(block.accumulator);
    result.events += block.events;
    result.simulatedGpuHours += block.simulatedGpuHours;
    onProgress?.(Math.min((i + 1) * size, total), total);
  }
  return result;
}

/**
 * Blocks small enough to balance the workers and show progress (eight per worker), large enough
 * to amortise a block's fixed cost: its statistics' key paths and stores are built anew, sent as a
 * message and folded on the main thread. Up to 250 replications: at 10,000 on two cores, blocks
 * of 50 spent about 3% of the time on that.
 */
export function blockSize(replications: number, workers: number): number {
  return Math.max(1, Math.min(250, Math.ceil(replications / (workers * 8))));
}
