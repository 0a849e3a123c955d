import { dirname, resolve } from 'node:path';
import { ScenarioError } from '../errors.js';
import { readBoundedText } from './read-bounded-text.js';
import { parseHourlyCsv } from '../facility/hourly-file.js';
import { typicalYearHour } from '../facility/timeline.js';
import { error, type PathSegment } from './problems.js';
import { limits } from './limits.js';
import type { Scenario } from './scenario.js';

/** Read a file a scenario names (relative to the scenario file); a refusal is a placed problem. */
export async function readScenarioRelative(scenarioPath: string, file: string, at: PathSegment[], what: string): Promise<{ path: string; text: string }> {
  const path = resolve(dirname(scenarioPath), file);
  try {
    return { path, text: await readBoundedText(path, limits.maxHourlyFileBytes) };
  } catch (cause) {
    throw new ScenarioError([{ ...error(`${what}-file`, at, `cannot read ${what} file ${path}: ${(cause as Error).message}`), file: scenarioPath }]);
  }
}

/** Throw unless a typical year (read on its clock) has a value for every hour of the horizon. */
export function checkCoverage(scenario: Scenario, year: { utcOffsetHours: number }, missingAt: (k: number) => boolean, path: string, at: PathSegment[], what: string): void {
  const hours = Math.ceil((scenario.horizonTicks * scenario.tickSeconds) / 3600);
  let missing = 0;
  let first = -1;
  for (let h = 0; h < hours; h += 1) {
    if (missingAt(typicalYearHour(year, scenario.startMinutes, h))) {
      missing += 1;
      if (first === -1) first = h;
    }
  }
  if (missing === 0) return;
  const when = new Date((scenario.startMinutes + first * 60) * 60_000).toISOString().slice(0, 16);
  throw new ScenarioError([
    { ...error(`${what}-file-gaps`, at, `expected an hour of ${what} for every hour of the horizon (read as a typical year), found ${missing} hour(s) missing, the first at ${when} UTC`), file: path },
  ]);
}

/** The facility's hourly carbon-intensity and price files, read and checked like the weather file. */
export async function attachHourlyFiles(scenario: Scenario, scenarioPath: string): Promise<Scenario> {
  const f = scenario.facility;
  if (!f) return scenario;
  const read = async (file: string, at: PathSegment[], what: string, column: string) => {
    const { path, text } = await readScenarioRelative(scenarioPath, file, at, what);
    const parsed = parseHourlyCsv(text, path, column);
    if (!parsed.ok) throw new ScenarioError(parsed.problems);
    checkCoverage(scenario, parsed.year, (k) => Number.isNaN(parsed.year.values[k] ?? NaN), path, at, what);
    return parsed.year;
  };
  const carbon = f.carbon.file ? await read(f.carbon.file, ['facility', 'carbon', 'file'], 'carbon', 'kgCo2PerMwh') : null;
  const prices = f.tariff?.file ? await read(f.tariff.file, ['facility', 'tariff', 'file'], 'tariff', 'usdPerMwh') : null;
  if (!carbon && !prices) return scenario;
  return {
    ...scenario,
    facility: {
      ...f,
      carbon: carbon ? { ...f.carbon, hourlyKgCo2PerMwh: carbon } : f.carbon,
      tariff: f.tariff && prices ? { ...f.tariff, hourlyUsdPerMwh: prices } : f.tariff,
    },
  };
}
