import type { BlockRunner } from '../montecarlo/pool.js';
import type { ReplicationResult } from './evaluate-replication.js';
import type { OptionsTask } from './options-block.js';
import type { OptionsModel } from './options-model.js';

/**
 * Replications [0, R) of every option on `runner`, in blocks, returned in replication order: the
 * same results for any number of workers (each replication depends on (seed, r) alone, and every
 * statistic is computed afterwards, here, from the ordered list).
 */
export async function replicateOptions(
  model: OptionsModel,
  run: { seed: number; replications: number; only?: number[] },
  runner: BlockRunner,
  onProgress?: (done: number, total: number) => void,
): Promise<ReplicationResult[]> {
  const total = run.replications;
  // A replication of every option takes from a tenth of a second to seconds: small blocks balance the workers.
  const size = Math.max(1, Math.min(10, Math.ceil(total / (runner.workers * 4))));
  const tasks: OptionsTask[] = [];
  for (let from = 0; from < total; from += size) {
    tasks.push({ kind: 'options', model, seed: run.seed, from, to: Math.min(from + size, total), ...(run.only ? { only: run.only } : {}) });
  }
  const window = runner.workers * 2;
  const pending: Array<Promise<ReplicationResult[]>> = [];
  let next = 0;
  const refill = () => {
    while (pending.length < window && next < tasks.length) {
      const block = runner.runOptions(tasks[next++] as OptionsTask);
      block.catch(() => {}); // awaited in order below
      pending.push(block);
    }
  };
  refill();
  const results: ReplicationResult[] = [];
  while (pending.length > 0) {
    for (const result of await (pending.shift() as Promise<ReplicationResult[]>)) results.push(result);
    refill();
    onProgress?.(results.length, total);
  }
  return results;
}
