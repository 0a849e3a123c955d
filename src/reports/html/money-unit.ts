/** Billions for a lease, millions for a large cluster's runs, thousands for a small one: an axis reads in whole numbers. */
export function moneyUnit(maxUsd: number): { unit: string; divisor: number } {
  if (maxUsd >= 1e9) return { unit: 'billions', divisor: 1e9 };
  if (maxUsd >= 1e6) return { unit: 'millions', divisor: 1e6 };
  return { unit: 'thousands', divisor: 1e3 };
}
