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
 * Young's optimum checkpoint interval, sqrt(2 x write x MTBF) (Young 1974; Daly 2006 to first
 * order), in the same unit as its arguments.
 */
export function youngDalyInterval(writeTime: number, meanTimeBetweenFailures: number): number {
  return Math.sqrt(2 * writeTime * meanTimeBetweenFailures);
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
  const cycle = interval + write;
  if (failureRate === 0) return interval / cycle;
  const expected = (Math.exp(failureRate * restart) * Math.expm1(failureRate * cycle)) / failureRate;
  return interval / expected;
}
