import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatEpw, parseEpw, parseWeatherCsv, typicalYearIndex } from '../../src/facility/weather-file.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { ScenarioError } from '../../src/errors.js';
import { typicalYearHour } from '../../src/facility/timeline.js';
import { tempDir } from '../cli/helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { aWrittenScenario } from '../builders.js';

const fixture = (name: string) => readFileSync(`test/fixtures/weather/${name}`, 'utf8');

describe('weather files', () => {
  it('an EPW file round-trips its dry-bulb column', () => {
    const dry = Array.from({ length: 48 }, (_, h) => Math.round((20 + 8 * Math.sin(h / 4)) * 10) / 10);
    const parsed = parseEpw(formatEpw('round trip', -6, 2027, dry, dry.map((t) => t - 5)), 'x.epw');
    if (!parsed.ok) throw new Error('expected the file to parse');
    expect(parsed.year.utcOffsetHours).toBe(-6);
    dry.forEach((t, h) => expect(parsed.year.dryBulbC[typicalYearIndex(1, 1 + Math.floor(h / 24), h % 24)]).toBe(t));
  });

  it('reads the fixture EPW and CSV as the same hours, one in local time and one in UTC', () => {
    const epw = parseEpw(fixture('memphis-3-days.epw'), 'memphis.epw');
    const csv = parseWeatherCsv(fixture('memphis-3-days.csv'), 'memphis.csv');
    if (!epw.ok || !csv.ok) throw new Error('expected both fixtures to parse');
    const startUtcMinutes = Date.UTC(2027, 7, 1, 6) / 60_000;
    for (let h = 0; h < 72; h += 1) {
      const fromEpw = epw.year.dryBulbC[typicalYearHour(epw.year, startUtcMinutes, h)];
      const fromCsv = csv.year.dryBulbC[typicalYearHour(csv.year, startUtcMinutes, h)];
      expect(fromEpw).toBe(fromCsv);
      expect(Number.isNaN(fromEpw)).toBe(false);
      expect(epw.year.wetBulbC[typicalYearHour(epw.year, startUtcMinutes, h)]).toBeLessThanOrEqual(fromEpw ?? 0);
    }
  });

  it('reports every malformed row with its line', () => {
    const csv = 'time,dryBulbC\n2027-08-01T00:00,30\n2027-08-01T01:30,31\nnot-a-time,32\n2027-08-01T03:00,hot\n';
    const parsed = parseWeatherCsv(csv, 'bad.csv');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(parsed.problems[2]?.message).toContain('expected dryBulbC as a number, found "hot"');
    expect(parseWeatherCsv('when,temp\n', 'x.csv').ok).toBe(false);
    expect(parseEpw('not an epw\n', 'x.epw').ok).toBe(false);
  });

  it('drives a scenario: the simulation sees the file hour by hour', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'memphis.epw'), fixture('memphis-3-days.epw'));
    const written = aWrittenScenario({
      // The file's 72 hours run from 06:00 UTC on 1 August: these two UTC days lie inside them.
      start: '2027-08-02',
      end: '2027-08-03',
      facility: { weather: { file: 'memphis.epw', seededHeatWaves: false }, supply: { gridMw: 10 } },
    });
    writeFileSync(join(dir, 'scenario.yaml'), stringify(written));
    const loaded = await loadScenario(join(dir, 'scenario.yaml'));
    const record = simulateScenario(loaded.scenario);
    const epw = parseEpw(fixture('memphis-3-days.epw'), 'm.epw');
    if (!epw.ok || !record.facility) throw new Error('expected a facility record');
    const start = Date.UTC(2027, 7, 2) / 60_000;
    record.facility.dryBulbC.forEach((t, h) => expect(t).toBe(epw.year.dryBulbC[typicalYearHour(epw.year, start, h)]));
  });

  it('refuses a file that misses hours of the horizon, naming the first', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'short.csv'), fixture('memphis-3-days.csv'));
    writeFileSync(join(dir, 'scenario.yaml'), stringify(aWrittenScenario({ start: '2027-08-01', end: '2027-08-05', facility: { weather: { file: 'short.csv' }, supply: { gridMw: 10 } } })));
    const error = await loadScenario(join(dir, 'scenario.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems[0]?.message).toMatch(/found 48 hour\(s\) missing, the first at 2027-08-01T00:00 UTC/);
  });
});
