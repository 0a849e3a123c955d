import { ScenarioError } from '../errors.js';
import { parseEpw, parseWeatherCsv } from '../facility/weather-file.js';
import { checkCoverage, readScenarioRelative } from './hourly-file-load.js';
import type { Scenario } from './scenario.js';

/**
 * Read the weather file a scenario's facility names (relative to the scenario file), parse it
 * and check that it covers every hour of the horizon. Every problem is thrown at once, placed
 * in the weather file where it has a line.
 */
export async function attachWeatherFile(scenario: Scenario, scenarioPath: string): Promise<Scenario> {
  const weather = scenario.facility?.weather;
  if (!scenario.facility || !weather?.file) return scenario;
  const at = ['facility', 'weather', 'file'];
  const { path, text } = await readScenarioRelative(scenarioPath, weather.file, at, 'weather');
  const parsed = /\.epw$/i.test(path) ? parseEpw(text, path) : parseWeatherCsv(text, path);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  checkCoverage(scenario, parsed.year, (k) => Number.isNaN(parsed.year.dryBulbC[k] ?? NaN), path, at, 'weather');
  return { ...scenario, facility: { ...scenario.facility, weather: { ...weather, typicalYear: parsed.year } } };
}
