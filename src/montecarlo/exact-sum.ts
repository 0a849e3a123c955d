/**
 * An exact running sum of doubles, kept as non-overlapping partials (Shewchuk 1997; the algorithm
 * of Python's math.fsum). Adding numbers in any order, or adding two sums together, gives the same
 * exact value, and value() rounds it once, correctly. This is what lets replications be folded in
 * worker threads and shards and still give byte-identical means and variances: ordinary floating
 * point addition is not associative, so a Welford mean would depend on how the work was split.
 */
export class ExactSum {
  constructor(readonly partials: number[] = []) {}

  add(x: number): void {
    const partials = this.partials;
    let kept = 0;
    for (let i = 0; i < partials.length; i += 1) {
      let y = partials[i] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    // Keep the first `kept` partials and x after them; pop() rather than setting the length,
    // which V8 takes a slow path for (this runs for every metric of every replication).
    if (kept === partials.length) partials.push(x);
    else {
      partials[kept] = x;
      while (partials.length > kept + 1) partials.pop();
    }
  }

  /** Adds x², exactly (its two halves from twoProduct), without a pair to unpack. */
  addSquare(x: number): void {
    const hi = x * x;
    this.add(hi);
    this.add(productError(x, x, hi));
  }

  addSum(other: ExactSum): void {
    for (const p of other.partials) this.add(p);
  }

  /** The sum, correctly rounded to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even across the partials below: fsum's correction step.
    const next = p[n - 1];
    if (n > 0 && next !== undefined && ((lo < 0 && next < 0) || (lo > 0 && next > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

const splitter = 134217729; // 2^27 + 1: Dekker's split of a double into two 26-bit halves

/** a x b as hi + lo exactly (Dekker's TwoProduct); exact unless the product overflows. */
export function twoProduct(a: number, b: number): [number, number] {
  const hi = a * b;
  return [hi, productError(a, b, hi)];
}

/** The rounding error of hi = a x b: a x b - hi, exactly (Dekker's split). */
function productError(a: number, b: number, hi: number): number {
  const ca = splitter * a;
  const aHi = ca - (ca - a);
  const aLo = a - aHi;
  const cb = splitter * b;
  const bHi = cb - (cb - b);
  const bLo = b - bHi;
  return aLo * bLo - (hi - aHi * bHi - aLo * bHi - aHi * bLo);
}

/**
 * n x sumSquares - sum^2, exactly, then rounded once: (n - 1) n times the sample variance,
 * without the cancellation that makes the textbook formula useless when the spread is small.
 */
export function scaledVariance(n: number, sum: ExactSum, sumSquares: ExactSum): number {
  const d = new ExactSum();
  for (const s of sumSquares.partials) for (const part of twoProduct(n, s)) d.add(part);
  for (const a of sum.partials) for (const b of sum.partials) for (const part of twoProduct(a, b)) d.add(-part);
  return d.value();
}
