import { Worker } from 'node:worker_threads';
import { ScenarioError } from '../errors.js';
import { SimulationStopped } from '../engine/simulation-stopped.js';
import { compiledBeside } from '../montecarlo/compiled-beside.js';
import { error, type Problem } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import { compute, type ComputeTask, type Rendered } from './compute.js';
import { interruptSignal, Interrupted, stopFlag, stopRequested } from './interrupt.js';

/**
 * Old-generation heap of a computing thread, MiB: the per-simulation limit with room for the
 * estimate's error, below V8's default (~4 GiB), so a simulation that outgrows it fails with a
 * message instead of aborting the process (exit 134).
 */
export const computeHeapMb = Math.round((limits.maxSimulationBytes * 1.5) / 2 ** 20);

/**
 * Run a command's computation. In the capsim process it runs on a worker thread, so this thread
 * stays free: Ctrl-C stops it at once (the thread is terminated) and a simulation that runs out
 * of memory is an error with a message, not an abort. In-process callers (the tests) compute here.
 */
export function computeOffThread(task: ComputeTask, offThread: boolean, onProgress?: (done: number, total: number) => void): Promise<Rendered> {
  const hooks = { ...(onProgress ? { onProgress } : {}), shouldStop: () => stopRequested() };
  if (!offThread) return compute(task, hooks);
  return new Promise<Rendered>((resolve, reject) => {
    const worker = new Worker(compiledBeside(import.meta.url, 'compute-worker.js', 'cli'), {
      workerData: { task, stop: stopFlag },
      resourceLimits: { maxOldGenerationSizeMb: computeHeapMb },
    });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      interruptSignal.removeEventListener('abort', onInterrupt);
      finish();
      void worker.terminate();
    };
    const onInterrupt = () => settle(() => reject(new Interrupted()));
    if (interruptSignal.aborted) return onInterrupt();
    interruptSignal.addEventListener('abort', onInterrupt, { once: true });
    worker.on('message', (m: { progress?: [number, number]; rendered?: Rendered; error?: WorkerError }) => {
      if (m.progress) onProgress?.(m.progress[0], m.progress[1]);
      else if (m.rendered) settle(() => resolve(m.rendered as Rendered));
      else if (m.error) settle(() => reject(revive(m.error as WorkerError)));
    });
    worker.on('error', (cause) => settle(() => reject(outOfMemory(cause) ?? cause)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the computing thread stopped with code ${code} before it answered`))));
  });
}

interface WorkerError {
  name?: string;
  message: string;
  stack?: string;
  problems?: Problem[];
}

/** The error a worker posted, as the class the CLI maps to an exit code. */
function revive(e: WorkerError): Error {
  if (e.problems) return new ScenarioError(e.problems);
  if (e.name === 'SimulationStopped') return new SimulationStopped(e.message);
  if (e.name === 'Interrupted') return new Interrupted();
  const revived = new Error(e.message);
  if (e.stack) revived.stack = e.stack;
  return revived;
}

/** A thread that ran out of its heap: the input asked for more than the limit, not a bug. */
export function outOfMemory(cause: unknown): ScenarioError | null {
  if ((cause as NodeJS.ErrnoException)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') return null;
  return new ScenarioError([
    error(
      'out-of-memory',
      [],
      `the simulation needed more than ${computeHeapMb} MiB of memory, the most one thread may use (limit: ${limits.maxSimulationBytes / 2 ** 30} GiB expected per simulation); ` +
        'simulate fewer racks, jobs, failures or years',
    ),
  ]);
}
