import alea from 'seedrandom/lib/alea.js';

/** A source of uniform numbers in [0, 1). Every sampler takes one; nothing uses a global random source. */
export type Rng = () => number;

/**
 * A named, independent stream. Each stochastic process draws from its own stream derived from
 * (seed, replication, name), so adding a job or a draw to one process leaves every other
 * process's draws where they were. Alea: fast to seed and to draw, passes BigCrush.
 */
export function createRng(seed: number, replication: number, stream: string): Rng {
  return alea(`capsim:${seed}:${replication}:${stream}`);
}

/**
 * The same stream, seeded at its first draw: a process that may never draw (a fixed restart, no
 * slow racks) costs nothing. The draws are those of createRng.
 */
export function createLazyRng(seed: number, replication: number, stream: string): Rng {
  let rng: Rng | null = null;
  return () => (rng ??= createRng(seed, replication, stream))();
}
