import { mean, quantileSorted } from 'simple-statistics';
import { pairedDifference } from './paired-stats.js';

/** Cost of A - cost of B in each of the given replications, at value v (in the order asked). */
export type PairedCosts = (v: number, replications: readonly number[]) => Promise<number[]>;

export interface BreakEvenSettings {
  low: number;
  high: number;
  /** The value takes whole numbers: bisection stops at two neighbours. */
  whole: boolean;
  /** Bisection stops when the bracket is this narrow (whole values: 1). */
  tolerance: number;
  replications: number;
}

export interface Probe {
  value: number;
  /** Mean over the replications of cost A - cost B. */
  differenceUsd: number;
  ci95Usd: [number, number] | null;
}

export interface BreakEvenSolution {
  /** Where the mean difference crosses zero (linear between the final bracket's ends); null when it keeps its sign over the range. */
  value: number | null;
  /** The final bracket: the mean difference has opposite signs at its ends. */
  bracket: [number, number] | null;
  /** Which side is cheaper below the value (A when cost A - cost B < 0 there). */
  cheaperBelow: 'a' | 'b' | null;
  probes: Probe[];
  /** The same solved in each replication on its own (its own difference, bisected to the tolerance). */
  byReplication: {
    solved: number;
    aCheaperThroughout: number;
    bCheaperThroughout: number;
    mean: number | null;
    ci95: [number, number] | null;
    p5: number | null;
    p50: number | null;
    p95: number | null;
  };
}

/**
 * The value at which two options cost the same, by bracketing and bisection on simulated costs
 * (the differences are step functions of the value, noisy and costly to evaluate, so no
 * derivative or smoothness is assumed): the mean difference over the replications, with common
 * random numbers, is evaluated at the range's ends; if its sign differs, the bracket is halved
 * until it is `tolerance` wide, and the crossing is read linearly inside it. Then each
 * replication's own difference is solved the same way, starting from what the probes already
 * showed of it: the spread of those values (p5..p95) is the interval from the replications.
 */
export async function solveBreakEven(costs: PairedCosts, s: BreakEvenSettings): Promise<BreakEvenSolution> {
  const all = Array.from({ length: s.replications }, (_, r) => r);
  const seen = new Map<number, number[]>();
  const probes: Probe[] = [];
  const at = async (v: number): Promise<number[]> => {
    const known = seen.get(v);
    if (known) return known;
    const d = await costs(v, all);
    seen.set(v, d);
    probes.push({ value: v, differenceUsd: mean(d), ci95Usd: interval(d) });
    return d;
  };
  const narrow = (lo: number, hi: number) => (s.whole ? hi - lo <= 1 : hi - lo <= s.tolerance);
  const middle = (lo: number, hi: number) => (s.whole ? Math.floor((lo + hi) / 2) : (lo + hi) / 2);

  let lo = s.low;
  let hi = s.high;
  let fLo = mean(await at(lo));
  let fHi = mean(await at(hi));
  let value: number | null = null;
  let bracket: [number, number] | null = null;
  if (Math.sign(fLo) !== Math.sign(fHi) || fLo === 0 || fHi === 0) {
    while (!narrow(lo, hi) && fLo !== 0 && fHi !== 0) {
      const m = middle(lo, hi);
      const fM = mean(await at(m));
      if (Math.sign(fM) === Math.sign(fLo)) [lo, fLo] = [m, fM];
      else [hi, fHi] = [m, fM];
    }
    value = fLo === 0 ? lo : fHi === 0 ? hi : lo + ((hi - lo) * fLo) / (fLo - fHi);
    bracket = [lo, hi];
  }
  const cheaperBelow = value === null ? null : (mean(seen.get(s.low) ?? [0]) < 0 ? 'a' : 'b');

  const byReplication = await solveEach(costs, s, seen, narrow, middle);
  probes.sort((a, b) => a.value - b.value);
  return { value, bracket, cheaperBelow, probes, byReplication };
}

/** Each replication bisected on its own difference, all replications a round at a time (each round's probes evaluated together). */
async function solveEach(
  costs: PairedCosts,
  s: BreakEvenSettings,
  seen: ReadonlyMap<number, number[]>,
  narrow: (lo: number, hi: number) => boolean,
  middle: (lo: number, hi: number) => number,
): Promise<BreakEvenSolution['byReplication']> {
  const values = [...seen.keys()].sort((a, b) => a - b);
  const lowSign = (r: number) => Math.sign(seen.get(s.low)?.[r] ?? 0);
  const highSign = (r: number) => Math.sign(seen.get(s.high)?.[r] ?? 0);
  let aCheaperThroughout = 0;
  let bCheaperThroughout = 0;
  // Each replication's bracket from the probes already made: the first sign change from the low end.
  const brackets: Array<{ r: number; lo: number; hi: number; fLo: number; fHi: number }> = [];
  for (let r = 0; r < s.replications; r += 1) {
    if (lowSign(r) === highSign(r) && lowSign(r) !== 0) {
      if (lowSign(r) < 0) aCheaperThroughout += 1;
      else bCheaperThroughout += 1;
      continue;
    }
    let lo = values[0] as number;
    for (const v of values) {
      const f = seen.get(v)?.[r] as number;
      if (Math.sign(f) === lowSign(r) && lowSign(r) !== 0) lo = v;
      else {
        brackets.push({ r, lo, hi: v, fLo: seen.get(lo)?.[r] as number, fHi: f });
        break;
      }
    }
  }
  while (brackets.some((b) => !narrow(b.lo, b.hi) && b.fLo !== 0)) {
    const open = brackets.filter((b) => !narrow(b.lo, b.hi) && b.fLo !== 0);
    const probed = await Promise.all(open.map(async (b) => {
      const m = middle(b.lo, b.hi);
      return { b, m, f: (await costs(m, [b.r]))[0] as number };
    }));
    for (const { b, m, f } of probed) {
      if (Math.sign(f) === Math.sign(b.fLo)) [b.lo, b.fLo] = [m, f];
      else [b.hi, b.fHi] = [m, f];
    }
  }
  const roots = brackets.map((b) => (b.fLo === 0 ? b.lo : b.fHi === 0 ? b.hi : b.lo + ((b.hi - b.lo) * b.fLo) / (b.fLo - b.fHi))).sort((a, b) => a - b);
  const q = (p: number) => (roots.length > 0 ? quantileSorted(roots, p) : null);
  return {
    solved: roots.length,
    aCheaperThroughout,
    bCheaperThroughout,
    mean: roots.length > 0 ? mean(roots) : null,
    ci95: interval(roots),
    p5: q(0.05),
    p50: q(0.5),
    p95: q(0.95),
  };
}

/** The 95% interval of the mean (Student t); null with fewer than two values. */
function interval(values: readonly number[]): [number, number] | null {
  return values.length < 2 ? null : pairedDifference(values, values.map(() => 0)).ci95Usd;
}
