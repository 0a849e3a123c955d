import { createHash } from 'node:crypto';

/** sha256 of the scenario's canonical JSON (sorted keys): comments and layout do not change it. */
export function scenarioHash(written: unknown): string {
  return createHash('sha256').update(canonicalJson(written)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The hash of a loaded scenario: of what was written. With uncertain inputs the written scenario
 * holds their nominal values, so their distributions (and a varied key's range) are hashed too;
 * without any, the hash is the written scenario's alone, as it always was.
 */
export function loadedHash(loaded: { written: unknown; uncertainty?: { inputs: ReadonlyArray<{ path: string; distribution: unknown }>; varied: { path: string; low: number; high: number } | null } | null }): string {
  const u = loaded.uncertainty ?? null;
  if (!u) return scenarioHash(loaded.written);
  return scenarioHash({
    written: loaded.written,
    uncertainInputs: u.inputs.map((i) => ({ path: i.path, distribution: i.distribution })),
    ...(u.varied ? { varied: { path: u.varied.path, low: u.varied.low, high: u.varied.high } } : {}),
  });
}
