import { ScenarioError } from '../errors.js';
import type { Problem } from '../scenario/problems.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Setting } from './setting.js';

/**
 * Every point's scenario, loaded by `load` with the point's keys set, and validated before
 * anything runs: all problems of all points at once, each naming its point. `keep` says what to
 * hold of each (default: the loaded scenario; the CLI keeps an estimate and loads each point again
 * as it runs, so memory holds one point, not all); `range` picks a shard's points.
 */
export async function loadSweepPoints<T = LoadedScenario>(
  settings: readonly Setting[][],
  load: (point: readonly Setting[]) => Promise<LoadedScenario>,
  keep: (loaded: LoadedScenario) => T = (loaded) => loaded as T,
  range: { from: number; to: number } = { from: 0, to: settings.length },
): Promise<T[]> {
  const problems: Problem[] = [];
  const kept: T[] = [];
  for (let i = range.from; i < range.to; i += 1) {
    const s = settings[i] as Setting[];
    try {
      kept.push(keep(await load(s)));
    } catch (cause) {
      if (!(cause instanceof ScenarioError)) throw cause;
      const where = s.map((x) => `${x.path}=${JSON.stringify(x.value)}`).join(' ');
      for (const p of cause.problems) problems.push({ ...p, message: `${p.message} (sweep point ${i}: ${where})` });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return kept;
}
