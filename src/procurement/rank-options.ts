/**
 * Ranks by the cost of delivering all the work asked for: options that delivered it all in every
 * replication come first, by mean net present value; then the others, by the share of the work
 * they delivered (most first), then by net present value. 1 is the best.
 */
export function rankOptions(options: ReadonlyArray<{ npvUsd: number; deliveredShare: number; deliveredAllShare: number }>): number[] {
  const order = options
    .map((o, i) => ({ o, i }))
    .sort((a, b) => {
      const aAll = a.o.deliveredAllShare === 1;
      const bAll = b.o.deliveredAllShare === 1;
      if (aAll !== bAll) return aAll ? -1 : 1;
      if (!aAll && a.o.deliveredShare !== b.o.deliveredShare) return b.o.deliveredShare - a.o.deliveredShare;
      return a.o.npvUsd - b.o.npvUsd || a.i - b.i;
    });
  const ranks = new Array<number>(options.length).fill(0);
  order.forEach(({ i }, k) => (ranks[i] = k + 1));
  return ranks;
}
