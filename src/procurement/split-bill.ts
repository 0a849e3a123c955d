import { allocateCents } from '../model/money.js';

/**
 * A bill split over the runs by their weights (GPU-hours or rack-ticks held) and the idle weight,
 * in whole cents that add up to the bill. With nothing to weigh (no capacity was ever available,
 * say, because the lease ended before any arrived), the whole bill is idle cost.
 */
export function splitBill(totalCents: number, held: readonly number[], idle: number): { runCents: number[]; idleCents: number } {
  const weights = [...held, Math.max(0, idle)];
  if (weights.every((w) => w <= 0)) return { runCents: held.map(() => 0), idleCents: totalCents };
  const split = allocateCents(totalCents, weights);
  const idleCents = split.pop() ?? 0;
  return { runCents: split, idleCents };
}
