import { runOptionsBlock, type OptionsTask } from '../procurement/options-block.js';
import type { ReplicationResult } from '../procurement/evaluate-replication.js';
import { runBlock, type BlockResult, type BlockTask } from './run-block.js';

/** The worker threads' entry (piscina loads dist/montecarlo/worker.js): one block per call, of a run's replications or of the options'. */
export default function worker(task: BlockTask | OptionsTask): BlockResult | ReplicationResult[] {
  return 'kind' in task && task.kind === 'options' ? runOptionsBlock(task) : runBlock(task as BlockTask);
}
