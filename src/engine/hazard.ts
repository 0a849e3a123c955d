import type { FailureSpec } from './spec.js';

/**
 * When a run's next failure comes. A run of G GPUs fails as a Poisson process whose intensity is
 * G x the fleet's rate per GPU at the time, r(t). Given an Exp(1) draw e from the run's own
 * stream at the start of a hold, the failure is at the first tick t with
 *   H(t) - H(from) >= e / G,   H(t) = the integral of r from 0 to t,
 * so one uniform draw per hold makes one failure time, whatever the rate's shape, and two
 * options that share a stream stay paired draw for draw (inverting the cumulative hazard).
 */
export interface Hazard {
  /**
   * The rate per GPU per tick when it is constant (the engine's hot path computes the closed
   * form itself: -ln(1 - u) / (G x rate), rounded up to the tick); null when it changes.
   */
  constantPerGpuPerTick: number | null;
  /** The failure tick (at least `from` + 1), or Infinity when the rate stays zero. */
  next(from: number, e: number, gpus: number): number;
}

function constantHazard(perGpuPerTick: number): Hazard {
  return {
    constantPerGpuPerTick: perGpuPerTick,
    next(from, e, gpus) {
      const perTick = gpus * perGpuPerTick;
      if (perTick <= 0) return Infinity;
      return from + Math.max(1, Math.ceil(e / perTick));
    },
  };
}

interface Segment {
  /** First tick of the segment; it runs to the next segment's start. */
  start: number;
  /** The steady rate in it, per GPU per tick. */
  rate: number;
  /** Burn-in: each install's tick and its share of the racks installed by then. */
  installs: Array<{ tick: number; share: number }>;
  /** H at the segment's start. */
  h: number;
}

/**
 * The rate of `spec` (steps and a Weibull burn-in) as a piecewise function of the tick. Between
 * two breakpoints (a step, an install) the cumulative hazard is a closed form:
 *   H(t) = H(a) + r x [(t - a) + sum_p w_p (S / k) (((t - t_p) / S)^k - ((a - t_p) / S)^k)]
 * with shape k and scale S; the failure tick is found by bisection on whole ticks (about 30
 * evaluations, at each start of a hold only).
 */
export function createHazard(spec: FailureSpec, tickSeconds: number): Hazard {
  const perTick = (ratePerGpuHour: number) => (ratePerGpuHour * tickSeconds) / 3600;
  if (spec.rateSteps.length === 0 && spec.burnIn === null) return constantHazard(perTick(spec.ratePerGpuHour));
  const burnIn = spec.burnIn;
  const installs = burnIn ? [...burnIn.installs].sort((a, b) => a.tick - b.tick) : [];
  const breaks = new Set<number>([0]);
  for (const s of spec.rateSteps) if (s.tick > 0) breaks.add(s.tick);
  for (const i of installs) if (i.tick > 0) breaks.add(i.tick);
  const starts = [...breaks].sort((a, b) => a - b);
  const rateAt = (t: number) => {
    let r = spec.ratePerGpuHour;
    for (const s of spec.rateSteps) if (s.tick <= t) r = s.ratePerGpuHour;
    return perTick(r);
  };
  const segments: Segment[] = starts.map((start) => {
    const active = installs.filter((i) => i.tick <= start);
    const racks = active.reduce((a, i) => a + i.racks, 0);
    return { start, rate: rateAt(start), installs: racks > 0 ? active.map((i) => ({ tick: i.tick, share: i.racks / racks })) : [], h: 0 };
  });
  const shape = burnIn?.shape ?? 1;
  const scale = burnIn?.scaleTicks ?? 1;
  const within = (seg: Segment, t: number) => {
    let extra = 0;
    for (const i of seg.installs) extra += i.share * (scale / shape) * (((t - i.tick) / scale) ** shape - ((seg.start - i.tick) / scale) ** shape);
    return seg.rate * (t - seg.start + extra);
  };
  for (let k = 1; k < segments.length; k += 1) {
    const prev = segments[k - 1] as Segment;
    (segments[k] as Segment).h = prev.h + within(prev, (segments[k] as Segment).start);
  }
  const segmentAt = (t: number) => {
    let k = 0;
    while (k + 1 < segments.length && (segments[k + 1] as Segment).start <= t) k += 1;
    return k;
  };
  const cumulative = (t: number) => {
    const seg = segments[segmentAt(t)] as Segment;
    return seg.h + within(seg, t);
  };
  return {
    constantPerGpuPerTick: null,
    next(from, e, gpus) {
      if (gpus <= 0) return Infinity;
      const target = cumulative(from) + e / gpus;
      // The first segment whose end reaches the target; the last one runs on at its rate.
      let k = segmentAt(from);
      while (k + 1 < segments.length && (segments[k + 1] as Segment).h < target) k += 1;
      const seg = segments[k] as Segment;
      const next = segments[k + 1];
      let lo = Math.max(from, seg.start);
      let hi = next ? next.start : lo + 1;
      if (!next) {
        if (seg.rate <= 0) return Infinity;
        while (seg.h + within(seg, hi) < target) {
          hi = lo + 2 * (hi - lo);
          if (hi > Number.MAX_SAFE_INTEGER / 4) return Infinity;
        }
      }
      // Bisection on whole ticks: the first t in (lo, hi] with H(t) >= target.
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (seg.h + within(seg, mid) >= target) hi = mid;
        else lo = mid;
      }
      return Math.max(from + 1, hi);
    },
  };
}
