import { SimulationStopped } from '../engine/simulation-stopped.js';
import type { BlockRunner } from '../montecarlo/pool.js';
import { interruptSignal, Interrupted, stopRequested } from './interrupt.js';
import { outOfMemory } from './off-thread.js';

/**
 * Run replications on `runner` so that Ctrl-C stops them at once: the pool's threads are
 * terminated and the work rejects with Interrupted (exit 130). A thread that ran out of memory
 * becomes a message (exit 2), not an abort.
 */
export async function runInterruptibly<T>(runner: BlockRunner, work: () => Promise<T>): Promise<T> {
  const onInterrupt = () => void runner.close();
  interruptSignal.addEventListener('abort', onInterrupt, { once: true });
  try {
    if (interruptSignal.aborted) throw new Interrupted();
    return await work();
  } catch (cause) {
    if (stopRequested() || cause instanceof SimulationStopped) throw new Interrupted();
    throw outOfMemory(cause) ?? cause;
  } finally {
    interruptSignal.removeEventListener('abort', onInterrupt);
  }
}
