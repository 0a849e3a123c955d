/**
 * Checkpoint/restart arithmetic. A run computes for `interval` ticks, then blocks for `write`
 * ticks while the checkpoint is written; work becomes safe when the write completes. The state of
 * a run at any time since it began cycling is a closed form of the elapsed ticks, so the engine
 * needs no event per checkpoint.
 */

export interface CycleSplit {
  /** Compute ticks whose work is covered by a completed checkpoint. */
  committedComputeTicks: number;
  /** Compute ticks since the last completed checkpoint (lost on a failure). */
  uncommittedComputeTicks: number;
  /** Ticks spent writing checkpoints, including a write still in progress. */
  writeTicks: number;
  completedCheckpoints: number;
}

/**
 * Split `elapsedTicks` of cycling into committed compute, uncommitted compute and writes. Fills
 * `out` when given (the engine's hot path passes one object per simulation), else a new object.
 */
export function splitCycles(elapsedTicks: number, intervalTicks: number, writeTicks: number, out?: CycleSplit): CycleSplit {
  const split = out ?? { committedComputeTicks: 0, uncommittedComputeTicks: 0, writeTicks: 0, completedCheckpoints: 0 };
  if (!Number.isFinite(intervalTicks)) {
    split.committedComputeTicks = 0;
    split.uncommittedComputeTicks = elapsedTicks;
    split.writeTicks = 0;
    split.completedCheckpoints = 0;
    return split;
  }
  const cycle = intervalTicks + writeTicks;
  const completed = Math.floor(elapsedTicks / cycle);
  const offset = elapsedTicks - completed * cycle;
  split.committedComputeTicks = completed * intervalTicks;
  split.uncommittedComputeTicks = Math.min(offset, intervalTicks);
  split.writeTicks = completed * writeTicks + Math.max(0, offset - intervalTicks);
  split.completedCheckpoints = completed;
  return split;
}

/** Wall-clock ticks after which the `computeTicks`-th compute tick has run. */
export function wallTicksForCompute(computeTicks: number, intervalTicks: number, writeTicks: number): number {
  if (computeTicks <= 0) return 0;
  if (!Number.isFinite(intervalTicks)) return computeTicks;
  return computeTicks + writeTicks * Math.floor((computeTicks - 1) / intervalTicks);
}

/**
 * Young's optimum checkpoint interval, sqrt(2 x write x MTBF) (Young 1974), in the same unit as
 * its arguments: compute time between the ends of two writes. It ignores the restart and
 * everything beyond first order, and is too long when the MTBF is short.
 */
export function youngInterval(writeTime: number, meanTimeBetweenFailures: number): number {
  return Math.sqrt(2 * writeTime * meanTimeBetweenFailures);
}

/**
 * Daly's higher-order optimum (Daly 2006, "A higher order estimate of the optimum checkpoint
 * interval for restart dumps", Future Generation Computer Systems 22(3), eq. 37): with
 * x = write / (2 x MTBF),
 *   sqrt(2 x write x MTBF) x (1 + sqrt(x) / 3 + x / 9) - write   for write < 2 x MTBF,
 *   MTBF                                                          otherwise,
 * in the same unit as its arguments. It minimises the expected wall time of the exponential
 * renewal model; the restart time scales that time but does not move its minimum.
 */
export function dalyInterval(writeTime: number, meanTimeBetweenFailures: number): number {
  if (writeTime >= 2 * meanTimeBetweenFailures) return meanTimeBetweenFailures;
  const x = writeTime / (2 * meanTimeBetweenFailures);
  return Math.sqrt(2 * writeTime * meanTimeBetweenFailures) * (1 + Math.sqrt(x) / 3 + x / 9) - writeTime;
}

/** How a run's checkpoint interval is chosen: minutes, `auto` (Daly), `young` or `none`. */
export type CheckpointSetting = number | 'auto' | 'young' | 'none';

/**
 * Compute ticks between checkpoints for a run of `gpus` GPUs failing at `ratePerGpuHour` each:
 * the minutes given, none (Infinity), or the optimum for its MTBF = 1 / (GPUs x rate). Used alike
 * for named runs, their phases, stream and trace jobs and runs moved to a cloud.
 */
export function checkpointIntervalTicks(setting: CheckpointSetting, writeTicks: number, gpus: number, ratePerGpuHour: number, tickSeconds: number): number {
  if (setting === 'none') return Infinity;
  if (typeof setting === 'number') return Math.max(1, Math.round((setting * 60) / tickSeconds));
  if (ratePerGpuHour <= 0 || gpus <= 0) return Infinity;
  const mtbfTicks = 3600 / (gpus * ratePerGpuHour * tickSeconds);
  const optimum = setting === 'young' ? youngInterval(writeTicks, mtbfTicks) : dalyInterval(writeTicks, mtbfTicks);
  return Math.max(1, Math.round(optimum));
}

/**
 * First-order effective training time ratio of a run checkpointing every `interval` with
 * `write` blocking time, failing at `failureRate` and paying `restart` per failure (all in one
 * time unit): the share of time not spent writing, restarting or recomputing lost work. Each
 * failure costs the restart plus, on average, half a cycle of work.
 */
export function firstOrderEttr(interval: number, write: number, restart: number, failureRate: number): number {
  const cycle = interval + write;
  return (interval / cycle) * (1 - failureRate * (restart + cycle / 2));
}

/**
 * Exact expected ETTR of the same renewal model with Poisson failures that can also strike during
 * restarts: each cycle of length c takes e^(λR) (e^(λc) - 1) / λ in expectation (the classic
 * checkpoint/restart result), and yields `interval` of kept work.
 */
export function exactEttr(interval: number, write: number, restart: number, failureRate: number): number {
  if (failureRate === 0) return interval / (interval + write);
  return renewalEttr(interval, write, failureRate, Math.exp(-failureRate * restart));
}

/**
 * The exact renewal ETTR when restarts are drawn afresh at every attempt and failures may be
 * hangs. With M = E[e^(-λR)] (the restart's Laplace transform at the failure rate: the chance a
 * restart attempt meets no failure) and D the time a failure goes unnoticed (0 for most causes,
 * the watchdog's timeout for a hang), a cycle of c = interval + write takes
 *   (e^(λc) - 1) (1/λ + E[D]) / M
 * in expectation: e^(λc) - 1 failures on average, each costing the time to it, its detection, and
 * restart attempts until one gets through (failed attempts cost min(R, X) + D each). So
 *   ETTR = interval x λ M / ((e^(λc) - 1)(1 + λ E[D])).
 */
export function renewalEttr(interval: number, write: number, failureRate: number, restartLaplace: number, meanDetection = 0): number {
  const cycle = interval + write;
  if (failureRate === 0) return interval / cycle;
  return (interval * failureRate * restartLaplace) / (Math.expm1(failureRate * cycle) * (1 + failureRate * meanDetection));
}
