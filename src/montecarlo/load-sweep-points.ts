import { ScenarioError } from '../errors.js';
import type { Problem } from '../scenario/problems.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Setting } from './setting.js';

/**
 * Every point's scenario, loaded by `load` with the point's keys set, and validated before
 * anything runs: all problems of all points at once, each naming its point.
 */
export async function loadSweepPoints(settings: readonly Setting[][], load: (point: readonly Setting[]) => Promise<LoadedScenario>): Promise<LoadedScenario[]> {
  const problems: Problem[] = [];
  const loaded: LoadedScenario[] = [];
  for (const [i, s] of settings.entries()) {
    try {
      loaded.push(await load(s));
    } catch (cause) {
      if (!(cause instanceof ScenarioError)) throw cause;
      const where = s.map((x) => `${x.path}=${JSON.stringify(x.value)}`).join(' ');
      for (const item of cause.problems.map((p) => ({ ...p, message: `${p.message} (sweep point ${i}: ${where})` }))) problems.push(item);
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return loaded;
}
