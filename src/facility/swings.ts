import type { RunState } from '../engine/state.js';
import type { FacilitySimState, FacilityState } from './facility-state.js';
import { batteryRidesThrough, rampDown, visibleStep } from './smoothing.js';
import { bookRunKwTicks } from './run-ledger.js';

/**
 * Whole-run power swings: every rack of a run changes state at the same tick, so the run's draw
 * steps by racks x (one state's kW - the other's). They happen inside a hold (a checkpoint write
 * begins or ends, a restart ends) at times the cycle's closed form gives, and at the edges of
 * holds (a run starts, fails, stops or is preempted), which show as a change of the run's epoch
 * between two stretches. Each swing is checked against the supply's ramp limit as it reaches the
 * meter: whole, after rack smoothing, then with the battery's help.
 */
export type SwingCause = 'checkpoint' | 'restart' | 'failure' | 'stop';
export const swingCauses: readonly SwingCause[] = ['checkpoint', 'restart', 'failure', 'stop'];

export interface SwingCount {
  /** Whole-run steps of any size. */
  swings: number;
  /** Those larger than the ramp limit as they happen, before any smoothing. */
  overLimit: number;
  /** Of those, brought within the limit by rack smoothing. */
  smoothed: number;
  /** Of the rest, ridden through by the battery. */
  battery: number;
  /** Left: ramp-rate violations. */
  left: number;
}

export interface SwingTally {
  byCause: Record<SwingCause, SwingCount>;
  maxSwingMw: number;
  maxLeftMw: number;
  /** kJ cycled through the rack stores (what ramping down slowly burns is in the hourly energy). */
  storeKj: number;
}

export function emptySwingTally(): SwingTally {
  const count = () => ({ swings: 0, overLimit: 0, smoothed: 0, battery: 0, left: 0 });
  return { byCause: { checkpoint: count(), restart: count(), failure: count(), stop: count() }, maxSwingMw: 0, maxLeftMw: 0, storeKj: 0 };
}

/** What a run was doing at the end of the last stretch it held racks in. */
export interface SeenRun {
  epoch: number;
  phase: Phase;
  racks: number;
  stretch: number;
  /** Its interruptions so far: one more at a hold's edge means the hold before ended by a failure. */
  interruptions: number;
  /** Its draw per rack when the current restart ends (lower after a failure's ramp-down). */
  restartEndKw: number;
}

type Phase = 'compute' | 'write' | 'restart' | 'final-write' | 'idle';

/** Draw per rack in each phase; `trainingKw` is the training draw at the cap in force. */
function phaseKw(f: FacilityState, phase: Phase, trainingKw: number): number {
  const it = f.spec.it;
  return phase === 'compute' ? trainingKw : phase === 'restart' ? it.restartKw : phase === 'idle' ? it.idleKw : it.checkpointKw;
}

function phaseAt(run: RunState, t: number): Phase {
  if (run.status === 'preempting') return 'final-write';
  if (t < run.anchorTick) return 'restart';
  const spec = run.spec;
  if (!Number.isFinite(spec.checkpointIntervalTicks)) return 'compute';
  return (t - run.anchorTick) % (spec.checkpointIntervalTicks + spec.checkpointWriteTicks) < spec.checkpointIntervalTicks ? 'compute' : 'write';
}

/** How many of first, first + period, first + 2 period, ... fall in [from, to). */
export function countInRange(first: number, period: number, from: number, to: number): number {
  if (!Number.isFinite(period) || period <= 0) return first >= from && first < to ? 1 : 0;
  const k = (t: number) => Math.max(0, Math.ceil((t - first) / period));
  return k(to) - k(from);
}

/** A write's mean draw per rack: the checkpoint draw plus what ramping down slowly burns. */
export function smoothedWriteKw(f: FacilityState, run: RunState, trainingKw: number): number {
  const it = f.spec.it;
  const writeS = run.spec.checkpointWriteTicks * f.tickSeconds;
  if (writeS <= 0 || !Number.isFinite(f.ramp.rampKwPerSecond)) return it.checkpointKw;
  return it.checkpointKw + rampDown(trainingKw, it.checkpointKw, f.ramp, writeS).burnKj / writeS;
}

/**
 * The swings of one run holding racks over [from, to), and the burn (rack kW-ticks) of a ramp-down
 * that begins at `from` (booked in this stretch).
 */
export function observeRun(state: FacilitySimState, f: FacilityState, run: RunState, hour: number, from: number, to: number, trainingKw: number, factor: number, stretch: number): number {
  const spec = run.spec;
  const racks = run.racksHeld;
  const tickS = f.tickSeconds;
  const seen = f.seen.get(spec.index);
  let burnKwTicks = 0;
  if (!seen || seen.epoch !== run.epoch) {
    const before: Phase = seen && seen.stretch === stretch - 1 ? seen.phase : 'idle';
    const now = phaseAt(run, from);
    const low = phaseKw(f, now, trainingKw);
    const lowS = now === 'restart' ? (run.anchorTick - from) * tickS : now === 'final-write' ? ((run.releaseTick ?? from) - from) * tickS : Infinity;
    const down = before === 'compute' && now !== 'compute' ? rampDown(trainingKw, low, f.ramp, lowS) : null;
    if (down) burnKwTicks += down.burnKj / tickS;
    const high = phaseKw(f, before, trainingKw);
    // A step down at a hold's start ends the hold before it (a failure, or a stop such as a
    // preemption); a step up starts the run (a start or a restart).
    const cause = low >= high ? 'restart' : seen && run.interruptions > seen.interruptions ? 'failure' : 'stop';
    step(f, cause, hour, racks, high, low, 1, factor);
    f.seen.set(spec.index, { epoch: run.epoch, phase: now, racks, stretch, interruptions: run.interruptions, restartEndKw: now === 'restart' ? (down?.endKw ?? low) : low });
  }
  const entry = f.seen.get(spec.index) as SeenRun;
  if (run.status === 'active') {
    if (run.anchorTick > run.holdStartTick && run.anchorTick >= from && run.anchorTick < to) {
      step(f, 'restart', hour, racks, entry.restartEndKw, trainingKw, 1, factor);
    }
    if (spec.checkpointWriteTicks > 0 && Number.isFinite(spec.checkpointIntervalTicks)) {
      const cycle = spec.checkpointIntervalTicks + spec.checkpointWriteTicks;
      const starts = countInRange(run.anchorTick + spec.checkpointIntervalTicks, cycle, from, to);
      const ends = countInRange(run.anchorTick + cycle, cycle, from, to);
      const writeKw = f.spec.it.checkpointKw;
      step(f, 'checkpoint', hour, racks, trainingKw, writeKw, starts, factor);
      if (ends > 0) step(f, 'checkpoint', hour, racks, rampDown(trainingKw, writeKw, f.ramp, spec.checkpointWriteTicks * tickS).endKw, trainingKw, ends, factor);
    }
  }
  entry.phase = phaseAt(run, to - 1);
  entry.stretch = stretch;
  return burnKwTicks * racks;
}

/**
 * Runs that held racks in the last stretch and hold none now stopped at `from` (completed, failed
 * and waiting, released after a preemption): their draw steps to idle. Books the burn of their
 * ramp-down (rack kW-ticks) to each run in this stretch, and returns the total.
 */
export function observeStopped(state: FacilitySimState, f: FacilityState, hour: number, trainingKw: number, factor: number, stretch: number): number {
  const tickS = f.tickSeconds;
  let burnKwTicks = 0;
  f.seen.forEach((seen, index) => {
    if (seen.stretch === stretch) return;
    f.seen.delete(index);
    if (seen.stretch !== stretch - 1) return;
    const run = state.runs[index] as RunState;
    const high = phaseKw(f, seen.phase, trainingKw);
    if (seen.phase === 'compute' && Number.isFinite(f.ramp.rampKwPerSecond)) {
      const kwTicks = (rampDown(high, f.spec.it.idleKw, f.ramp, Infinity).burnKj / tickS) * seen.racks;
      bookRunKwTicks(f, index, kwTicks);
      burnKwTicks += kwTicks;
    }
    step(f, run.interruptions > seen.interruptions ? 'failure' : 'stop', hour, seen.racks, high, f.spec.it.idleKw, 1, factor);
  });
  return burnKwTicks;
}

/** Tally `count` swings of one size: raw at the meter, after smoothing, then the battery. */
function step(f: FacilityState, cause: SwingCause, hour: number, racks: number, fromKw: number, toKw: number, count: number, factor: number): void {
  const deltaKw = Math.abs(toKw - fromKw);
  if (count <= 0 || deltaKw <= 0 || racks <= 0) return;
  const up = toKw > fromKw;
  const t = f.swings;
  const c = t.byCause[cause];
  const rawMw = (racks * deltaKw * factor) / 1000;
  c.swings += count;
  t.maxSwingMw = Math.max(t.maxSwingMw, rawMw);
  f.hourly.swingMw[hour] = Math.max(f.hourly.swingMw[hour] ?? 0, rawMw);
  const visible = visibleStep(deltaKw, up, f.ramp, f.tickSeconds);
  t.storeKj += visible.storeKj * racks * count;
  const limitMw = f.swingLimitMw;
  if (rawMw <= limitMw) return;
  c.overLimit += count;
  const visibleMw = (racks * visible.visibleKw * factor) / 1000;
  if (visibleMw <= limitMw) {
    c.smoothed += count;
    return;
  }
  const s = f.spec.supply;
  if (batteryRidesThrough(visibleMw, limitMw, s.rampMwPerMinute, s.battery, f.batteryMwh, up)) {
    c.battery += count;
    return;
  }
  c.left += count;
  t.maxLeftMw = Math.max(t.maxLeftMw, visibleMw);
}
