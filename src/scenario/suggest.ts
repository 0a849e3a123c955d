import { closest, distance } from 'fastest-levenshtein';

/** `; did you mean "gpusPerRack"?` when a known word is close enough to be the intended one. */
export function didYouMean(found: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(found, known as string[]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  const close = distance(found.toLowerCase(), best.toLowerCase()) <= limit;
  return close ? `; did you mean "${best}"?` : '';
}
