/** The k-th of n shards, k from 1 (as Jest and Playwright count; a Slurm array can run 1-n). */
export interface Shard {
  index: number;
  count: number;
}

/** `2/4` -> {index: 2, count: 4}; null when the text is not k/n with 1 <= k <= n. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

/**
 * The items [from, to) of shard k of n over `total` items: contiguous, in order, sizes within one
 * of each other. Contiguous ranges merged in shard order are the items in their original order.
 */
export function shardRange(total: number, shard: Shard): { from: number; to: number } {
  return {
    from: Math.floor(((shard.index - 1) * total) / shard.count),
    to: Math.floor((shard.index * total) / shard.count),
  };
}
