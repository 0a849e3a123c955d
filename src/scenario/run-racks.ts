/**
 * A run's size in racks: a whole number as written, or a share of the cluster (`95%`) of its
 * schedulable racks (the most installed less the spares), rounded to the nearest rack (halves
 * up) and at least 1. A sweep or an uncertain `cluster.racks` then carries the run along.
 */
export function runRacks(racks: number | string, schedulableRacks: number): number {
  if (typeof racks === 'number') return racks;
  return Math.max(1, Math.floor((Number.parseFloat(racks) / 100) * schedulableRacks + 0.5));
}
