import { availableParallelism, totalmem } from 'node:os';
import { Option } from 'commander';
import { ScenarioError } from '../errors.js';
import { limits } from '../scenario/limits.js';
import { error } from '../scenario/problems.js';
import type { WorkEstimate } from '../scenario/work-estimate.js';
import type { Io } from './io.js';
import type { BlockRunner } from '../montecarlo/pool.js';

/** The work a command asks for: simulations of a few kinds, each estimated, on some threads. */
export interface Work {
  /** What the simulations are, for the message: "20 replications of 3 options". */
  what: string;
  simulations: ReadonlyArray<{ count: number; estimate: WorkEstimate }>;
  threads: number;
}

export function forceOption(): Option {
  return new Option('--force', `run work estimated to take more than ${limits.maxEstimatedHours} hour, or on more threads than the machine has cores`);
}

/** Share of the machine's memory all threads together may be expected to use. */
const machineMemoryShare = 0.75;

/**
 * The work budget, checked before anything runs (limits in the README): every simulation's
 * expected memory within the per-simulation limit and all threads' within the machine's; the
 * expected time within the limit unless --force. A refusal gives the estimate and the limit.
 */
export function checkWork(work: Work, file: string, force: boolean): void {
  const refuse = (message: string): never => {
    throw new ScenarioError([{ ...error('work-budget', [], message), file }]);
  };
  const largest = work.simulations.reduce<WorkEstimate | null>((a, s) => (s.count > 0 && (a === null || s.estimate.bytes > a.bytes) ? s.estimate : a), null);
  if (largest === null) return;
  // Formatted only for a refusal: the first number formatted in en-US loads the locale's data (~20 ms).
  const sizes = () => `${count(largest.jobs)} job${largest.jobs === 1 ? '' : 's'}, ${count(largest.events)} events`;
  if (largest.bytes > limits.maxSimulationBytes) {
    refuse(
      `one simulation is estimated to need ${gib(largest.bytes)} of memory (${sizes()}); the limit is ${gib(limits.maxSimulationBytes)} per simulation, ` +
        'half of what a thread can hold: simulate fewer racks, jobs, failures or years',
    );
  }
  const machine = totalmem() * machineMemoryShare;
  if (work.threads * largest.bytes > machine) {
    refuse(`${work.threads} threads are estimated to need ${gib(work.threads * largest.bytes)} of memory together (${gib(largest.bytes)} each); this machine has ${gib(totalmem())}, of which capsim may use ${Math.round(machineMemoryShare * 100)}%: use fewer --workers`);
  }
  const events = work.simulations.reduce((a, s) => a + s.count * s.estimate.events, 0);
  const milliseconds = work.simulations.reduce((a, s) => a + s.count * s.estimate.milliseconds, 0) / Math.max(1, work.threads);
  const hours = milliseconds / 3_600_000;
  if (hours > limits.maxEstimatedHours && !force) {
    refuse(
      `${work.what} is estimated to take ${duration(milliseconds)} on ${work.threads} thread(s) (${count(events)} events; one simulation: ${sizes()}); ` +
        `work over ${limits.maxEstimatedHours} hour needs --force, so a mistyped rate or count does not run for hours unasked`,
    );
  }
}

/**
 * Threads for `blocks` blocks of work: as asked, or the machine's cores; never more than the
 * cores unless --force (a note says so), never more than there are blocks to run.
 */
export function workerThreads(io: Io, asked: number | undefined, blocks: number, force: boolean): number {
  const cores = availableParallelism();
  let threads = asked ?? cores;
  if (asked !== undefined && asked > cores && !force) {
    io.stderr(`capsim: --workers ${asked} capped at this machine's ${cores} cores (--force to run more threads than cores)\n`);
    threads = cores;
  }
  return Math.max(1, Math.min(threads, blocks));
}

function gib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;
}

function count(n: number): string {
  return n >= 1e6 ? n.toExponential(1) : Math.round(n).toLocaleString('en-US');
}

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.ceil(ms / 60_000)} min`;
  if (ms < 86_400_000 * 2) return `${(ms / 3_600_000).toFixed(1)} hours`;
  if (ms < 86_400_000 * 365 * 2) return `${Math.round(ms / 86_400_000)} days`;
  return `${(ms / (86_400_000 * 365.25)).toExponential(1)} years`;
}

/**
 * The work's runner, after the budget is checked: its threads (see workerThreads), on threads of
 * their own in the capsim process (so Ctrl-C stays live) with a bounded heap each.
 */
export async function budgetedRunner(io: Io, work: Omit<Work, 'threads'> & { asked: number | undefined; blocks: number }, file: string, force: boolean): Promise<BlockRunner> {
  const threads = workerThreads(io, work.asked, work.blocks, force);
  checkWork({ what: work.what, simulations: work.simulations, threads }, file, force);
  const [{ createRunner }, { computeHeapMb }] = await Promise.all([import('../montecarlo/pool.js'), import('./off-thread.js')]);
  return createRunner(threads, { offThread: io.offThread ?? false, heapMb: computeHeapMb });
}
