/**
 * A run's size in racks: a whole number as written, or a share of the cluster (`95%`) of its
 * schedulable racks (the most installed less the spares), rounded to the nearest rack (halves
 * up) and at least 1. A sweep or an uncertain `cluster.racks` then carries the run along.
 */
/**
 * The spare racks: a whole number as written, or a share of the most racks installed (`5%`),
 * rounded to the nearest rack (halves up), so that a sweep or an uncertain `cluster.racks` keeps
 * the spare pool in proportion.
 */
export function spareRacks(spare: number | string | undefined, maxRacks: number): number {
  if (spare === undefined) return 0;
  if (typeof spare === 'number') return spare;
  return Math.floor((Number.parseFloat(spare) / 100) * maxRacks + 0.5);
}

export function runRacks(racks: number | string, schedulableRacks: number): number {
  if (typeof racks === 'number') return racks;
  return Math.max(1, Math.floor((Number.parseFloat(racks) / 100) * schedulableRacks + 0.5));
}
