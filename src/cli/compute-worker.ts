import { parentPort, workerData } from 'node:worker_threads';
import { ScenarioError } from '../errors.js';
import { compute, type ComputeTask } from './compute.js';

/**
 * The entry of the thread a command computes on (see off-thread.ts): the main thread stays free
 * to answer Ctrl-C at once. Posts progress, then the rendered report or the error.
 */
const { task, stop } = workerData as { task: ComputeTask; stop: Int32Array };
const port = parentPort;
if (port) {
  compute(task, { onProgress: (done, total) => port.postMessage({ progress: [done, total] }), shouldStop: () => Atomics.load(stop, 0) === 1 }).then(
    (rendered) => port.postMessage({ rendered }),
    (cause: unknown) => {
      const e = cause as Error;
      port.postMessage({ error: { name: e?.name, message: e?.message ?? String(cause), stack: e?.stack, problems: cause instanceof ScenarioError ? cause.problems : undefined } });
    },
  );
}
