import { Piscina } from 'piscina';
import { compiledBeside } from './compiled-beside.js';
import { runBlock, type BlockResult, type BlockTask } from './run-block.js';
import { runOptionsBlock, type OptionsTask } from '../procurement/options-block.js';
import type { ReplicationResult } from '../procurement/evaluate-replication.js';

/** Runs blocks of replications: in this thread, or on a pool of worker threads. */
export interface BlockRunner {
  readonly workers: number;
  run(task: BlockTask): Promise<BlockResult>;
  /** A block of replications of every option (compare, sensitivity, breakeven). */
  runOptions(task: OptionsTask): Promise<ReplicationResult[]>;
  close(): Promise<void>;
}

export interface RunnerOptions {
  /** Run even a single worker's blocks on a thread of its own, so this thread stays free (Ctrl-C). */
  offThread?: boolean;
  /** Old-generation heap of each worker thread, MiB: beyond it a block fails with ERR_WORKER_OUT_OF_MEMORY instead of the process aborting. */
  heapMb?: number;
}

/**
 * One worker: run blocks in this thread (no start-up cost, nothing to build), unless asked to keep
 * this thread free. More: a piscina pool of that many threads. Results never depend on which: see
 * SummaryAccumulator.
 */
export function createRunner(workers: number, options: RunnerOptions = {}, entry: URL = compiledBeside(import.meta.url, 'worker.js', 'montecarlo')): BlockRunner {
  if (workers <= 1 && !options.offThread) {
    return {
      workers: 1,
      // Yield to the event loop between blocks, so that a progress bar and Ctrl-C stay live.
      run: (task) => later(() => runBlock(task)),
      runOptions: (task) => later(() => runOptionsBlock(task)),
      close: async () => {},
    };
  }
  const pool = new Piscina<BlockTask | OptionsTask, BlockResult | ReplicationResult[]>({
    filename: entry.href,
    minThreads: Math.max(1, workers),
    maxThreads: Math.max(1, workers),
    idleTimeout: 1000,
    // A simulation makes short-lived garbage: a 16 MB young generation per thread (V8's default
    // grows to 48 MB) keeps peak memory near 250 MB on two workers, at no measurable cost in speed.
    resourceLimits: { maxYoungGenerationSizeMb: 16, ...(options.heapMb ? { maxOldGenerationSizeMb: options.heapMb } : {}) },
  });
  // A worker that cannot start (say, dist/ missing) rejects the task it was given, which reaches
  // the caller; without a listener the pool's own 'error' event would also crash the process.
  pool.on('error', () => {});
  return {
    workers: Math.max(1, workers),
    run: (task) => pool.run(task) as Promise<BlockResult>,
    runOptions: (task) => pool.run(task) as Promise<ReplicationResult[]>,
    close: () => pool.destroy(),
  };
}

/** `f()` on a later turn of the event loop; what it throws rejects the promise. */
function later<T>(f: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(f());
      } catch (cause) {
        reject(cause);
      }
    }),
  );
}
