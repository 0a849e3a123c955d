import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleVariance } from 'simple-statistics';
import { ExactSum, scaledVariance, twoProduct } from '../../src/montecarlo/exact-sum.js';

const sumOf = (xs: number[]) => {
  const s = new ExactSum();
  for (const x of xs) s.add(x);
  return s;
};

const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });

describe('ExactSum', () => {
  it('sums exactly where plain addition loses the small terms', () => {
    expect(sumOf([1e16, 1, -1e16]).value()).toBe(1);
    // Left to right in floating point this is 1.1e-16; the exact sum of these four doubles is 2^-55.
    expect(sumOf([0.1, 0.2, 0.3, -0.6]).value()).toBe(2 ** -55);
    expect(sumOf(Array.from({ length: 10 }, () => 0.1)).value()).toBe(1);
  });

  it('gives the same value whatever the order of the numbers', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 40 }), (xs) => {
        expect(sumOf([...xs].reverse()).value()).toBe(sumOf(xs).value());
        expect(sumOf([...xs].sort((a, b) => a - b)).value()).toBe(sumOf(xs).value());
      }),
    );
  });

  it('gives the same value whatever the split into partial sums', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 40 }), fc.nat(), (xs, cut) => {
        const at = xs.length === 0 ? 0 : cut % xs.length;
        const merged = sumOf(xs.slice(at));
        merged.addSum(sumOf(xs.slice(0, at)));
        expect(merged.value()).toBe(sumOf(xs).value());
      }),
    );
  });

  it('rounds an exact sum of integers like BigInt arithmetic does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), { maxLength: 30 }), (xs) => {
        const exact = xs.reduce((a, x) => a + BigInt(x), 0n);
        expect(sumOf(xs).value()).toBe(Number(exact));
      }),
    );
  });
});

describe('twoProduct', () => {
  it('splits a product into a rounded part and its exact error', () => {
    const [hi, lo] = twoProduct(1 + 2 ** -30, 1 + 2 ** -30);
    expect(hi).toBe(1 + 2 ** -29);
    expect(lo).toBe(2 ** -60);
  });
});

describe('scaledVariance', () => {
  it('is exactly zero for a constant, however large, where the textbook formula is not', () => {
    const xs = Array.from({ length: 7 }, () => 614_880_000.3);
    const s = sumOf(xs);
    const sq = new ExactSum();
    for (const x of xs) for (const p of twoProduct(x, x)) sq.add(p);
    expect(scaledVariance(xs.length, s, sq)).toBe(0);
  });

  it('agrees with the sample variance of simple-statistics to rounding', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 30 }), (xs) => {
        const s = sumOf(xs);
        const sq = new ExactSum();
        for (const x of xs) for (const p of twoProduct(x, x)) sq.add(p);
        const ours = scaledVariance(xs.length, s, sq) / (xs.length * (xs.length - 1));
        expect(ours).toBeCloseTo(sampleVariance(xs), Math.max(0, 6 - Math.log10(1 + sampleVariance(xs))));
      }),
    );
  });
});
