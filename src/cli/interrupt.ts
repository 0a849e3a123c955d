/**
 * Ctrl-C, as the CLI sees it. The signal is the process's, so its state is too: a flag in shared
 * memory that worker threads read between events (simulate's shouldStop), and an AbortSignal
 * that this thread's waits listen to. bin/capsim.js raises both on SIGINT.
 */
const controller = new AbortController();

/** Set to 1 on Ctrl-C; shared with every worker thread. */
export const stopFlag = new Int32Array(new SharedArrayBuffer(4));

/** Aborted on Ctrl-C. */
export const interruptSignal: AbortSignal = controller.signal;

export function requestStop(): void {
  Atomics.store(stopFlag, 0, 1);
  controller.abort();
}

/** Whether Ctrl-C was pressed, read from a flag (this thread's, or one passed to a worker). */
export function stopRequested(flag: Int32Array = stopFlag): boolean {
  return Atomics.load(flag, 0) === 1;
}

/** The command was interrupted (Ctrl-C): the CLI exits 130 and writes nothing more. */
export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor() {
    super('interrupted');
  }
}
