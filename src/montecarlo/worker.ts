import { runBlock, type BlockResult, type BlockTask } from './run-block.js';

/** The worker threads' entry (piscina loads dist/montecarlo/worker.js): one block per call. */
export default function worker(task: BlockTask): BlockResult {
  return runBlock(task);
}
