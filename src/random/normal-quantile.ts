// The constants of Winitzki's approximation of the inverse error function (S. Winitzki, "A handy
// approximation for the error function and its inverse", 2008), as simple-statistics computes them.
const a = (8 * (Math.PI - 3)) / (3 * Math.PI * (4 - Math.PI));
const c = 2 / (Math.PI * a);
// simple-statistics' probit moves p = 0 and p >= 1 this far inside (its `epsilon`).
const edge = 0.0001;

/**
 * The standard normal quantile at p, bit for bit what simple-statistics' `probit` returns (a test
 * checks a million draws and the edges): the same formula and operations, with the logarithm it
 * takes three times taken once, and in one function rather than two. A repair time is drawn at
 * every hardware failure, and this was the largest single cost of handling one.
 */
export function normalQuantile(p: number): number {
  const q = p === 0 ? edge : p >= 1 ? 1 - edge : p;
  const x = 2 * q - 1;
  const l = Math.log(1 - x * x);
  const half = c + l / 2;
  const inv = Math.sqrt(Math.sqrt(Math.pow(half, 2) - l / a) - half);
  return Math.SQRT2 * (x >= 0 ? inv : -inv);
}
