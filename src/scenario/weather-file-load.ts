import { dirname, resolve } from 'node:path';
import { ScenarioError } from '../errors.js';
import { readBoundedText } from './read-bounded-text.js';
import { parseEpw, parseWeatherCsv } from '../facility/weather-file.js';
import { typicalYearHour } from '../facility/timeline.js';
import { error } from './problems.js';
import type { Scenario } from './scenario.js';

// A year of hourly EPW lines is ~1.5 MB; anything far larger is the wrong file.
const maxWeatherFileBytes = 32 * 1024 * 1024;

/**
 * Read the weather file a scenario's facility names (relative to the scenario file), parse it
 * and check that it covers every hour of the horizon. Every problem is thrown at once, placed
 * in the weather file where it has a line.
 */
export async function attachWeatherFile(scenario: Scenario, scenarioPath: string): Promise<Scenario> {
  const weather = scenario.facility?.weather;
  if (!scenario.facility || !weather?.file) return scenario;
  const path = resolve(dirname(scenarioPath), weather.file);
  const at = ['facility', 'weather', 'file'];
  let text: string;
  try {
    text = await readBoundedText(path, maxWeatherFileBytes);
  } catch (cause) {
    throw new ScenarioError([{ ...error('weather-file', at, `cannot read weather file ${path}: ${(cause as Error).message}`), file: scenarioPath }]);
  }
  const parsed = /\.epw$/i.test(path) ? parseEpw(text, path) : parseWeatherCsv(text, path);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  const hours = Math.ceil((scenario.horizonTicks * scenario.tickMinutes) / 60);
  let missing = 0;
  let first = -1;
  for (let h = 0; h < hours; h += 1) {
    if (Number.isNaN(parsed.year.dryBulbC[typicalYearHour(parsed.year, scenario.startMinutes, h)] ?? NaN)) {
      missing += 1;
      if (first === -1) first = h;
    }
  }
  if (missing > 0) {
    const when = new Date((scenario.startMinutes + first * 60) * 60_000).toISOString().slice(0, 16);
    throw new ScenarioError([
      { ...error('weather-file-gaps', at, `expected an hour of weather for every hour of the horizon (read as a typical year), found ${missing} hour(s) missing, the first at ${when} UTC`), file: path },
    ]);
  }
  return { ...scenario, facility: { ...scenario.facility, weather: { ...weather, typicalYear: parsed.year } } };
}
