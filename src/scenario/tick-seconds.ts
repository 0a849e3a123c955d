import { defaults } from './defaults.js';
import type { WrittenScenario } from './schema.js';

/** The clock's resolution in seconds: `tickSeconds`, or `tickMinutes` as older files give it. */
export function tickSecondsOf(w: Pick<WrittenScenario, 'tickSeconds' | 'tickMinutes'>): number {
  if (w.tickSeconds !== undefined) return w.tickSeconds;
  if (w.tickMinutes !== undefined) return w.tickMinutes * 60;
  return defaults.tickSeconds;
}

/** The key a scenario gave its tick with, for a problem's path, and the tick as written. */
export function tickAsWritten(w: Pick<WrittenScenario, 'tickSeconds' | 'tickMinutes'>): { key: 'tickSeconds' | 'tickMinutes'; text: string } {
  if (w.tickSeconds === undefined && w.tickMinutes !== undefined) return { key: 'tickMinutes', text: `${w.tickMinutes} minutes` };
  return { key: 'tickSeconds', text: `${tickSecondsOf(w)} seconds` };
}
