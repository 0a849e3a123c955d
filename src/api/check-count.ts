/** An argument that must be a whole number >= 1 (replications, workers): a caller's mistake throws RangeError. */
export function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number >= 1, found ${value}`);
  return value;
}
