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
