import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';
import { parseWeatherCsv } from '../../src/facility/weather-file.js';
import { parseHourlyCsv } from '../../src/facility/hourly-file.js';

/**
 * Class 2 of the hostile corpus: inputs that once ran to exit 0 with a wrong answer. Each is now
 * refused (exit 2) at its place, saying what was expected, and nothing is written.
 */
const dir = 'test/fixtures/hostile/silent';
const out = tempDir();
afterAll(() => rmSync(out, { recursive: true, force: true }));

const cases: Array<[string, RegExp]> = [
  ['year-0026.yaml', /year-0026\.yaml:4:8: error: start: expected a year in 1970\.\.2200, found "0026-07-01" \(a typo for 2026-07-01\?\)$/],
  ['weather-fahrenheit.yaml', /weather-fahrenheit\.csv:2:1: error: expected a dry-bulb in -90\.\.60 °C .*found 77; Fahrenheit or Kelvin in a Celsius column\?$/],
  ['weather-1e300.yaml', /weather-1e300\.csv:16:1: error: expected a dry-bulb in -90\.\.60 °C .*found 1e\+300/],
  ['weather-minus-500.yaml', /weather-minus-500\.csv:5:1: error: expected a dry-bulb in -90\.\.60 °C .*found -500/],
  ['weather-wet-above-dry.yaml', /weather-wet-above-dry\.csv:11:1: error: expected a wet-bulb no higher than the dry-bulb \(28 °C\), found 30$/],
  ['weather-duplicate-hour.yaml', /weather-duplicate-hour\.csv:10:1: error: expected one row per hour of the typical year, found 2027-08-01T07:00 for an hour already given on line 9/],
  ['extends-not-a-scenario.yaml', /extends-not-a-scenario\.yaml:2:10: error: extends: cannot include \/etc\/passwd: it holds ".*", not a scenario/],
  ['extends-list.yaml', /extends-list\.yaml:2:10: error: extends: cannot include .*base-list\.yaml: it holds a list of 2, not a scenario/],
  ['extends-empty.yaml', /extends-empty\.yaml:2:10: error: extends: cannot include .*base-empty\.yaml: it is empty, not a scenario/],
  ['reserved-below-rack.yaml', /reserved-below-rack\.yaml:13:\d+: error: options\[1\]\.committedGpus: expected at least one gb300-nvl72 rack of 72 GPUs .*found 10$/],
];

describe('hostile inputs that once gave a silent wrong answer', () => {
  for (const [file, message] of cases) {
    it(`${file} is refused with exit 2 and a placed reason, and nothing is written`, async () => {
      for (const argv of [['validate', join(dir, file)], ['run', join(dir, file), '--format', 'json', '--out', join(out, 'r.json')]]) {
        await expectRefusal(argv, { message, unchanged: [out, dir], within: 10_000 });
      }
    });
  }

  it('refuses a capacity cap below one rack as well as a commitment', async () => {
    const stderr = await expectRefusal(['validate', join(dir, 'reserved-below-rack.yaml')], { message: /options\[2\]\.capacityGpus: expected at least one gb300-nvl72 rack of 72 GPUs .*found 36$/ });
    expect(stderr).toContain('2 error(s)');
  });

  it('refuses a duplicated hour in the other hourly files (carbon, prices) too', () => {
    const parsed = parseHourlyCsv('time,gCo2PerKwh\n2027-08-01T07:00,400\n2027-08-01T07:00,90\n', 'carbon.csv', 'gCo2PerKwh');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['3: expected one row per hour of the typical year, found 2027-08-01T07:00 for an hour already given on line 2; a file of several years gives each hour once per year']);
  });

  it('reads a leap-year weather file: 29 February is left out, not a second 28 February', () => {
    const rows = ['time,dryBulbC', ...Array.from({ length: 24 }, (_, h) => `2028-02-28T${String(h).padStart(2, '0')}:00,5`), ...Array.from({ length: 24 }, (_, h) => `2028-02-29T${String(h).padStart(2, '0')}:00,9`)];
    const parsed = parseWeatherCsv(rows.join('\n'), 'leap.csv');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.year.dryBulbC[58 * 24 + 12]).toBe(5);
  });

  it('still runs the same scenario once the duplicated hour is gone', async () => {
    const scenario = join(out, 'fine.yaml');
    writeFileSync(scenario, readFileSync(join(dir, 'weather-duplicate-hour.yaml'), 'utf8').replace('file: weather-duplicate-hour.csv', 'file: fine.csv'));
    // Line 10 (index 9) repeats 07:00.
    writeFileSync(join(out, 'fine.csv'), readFileSync(join(dir, 'weather-duplicate-hour.csv'), 'utf8').split('\n').filter((_, i) => i !== 9).join('\n'));
    const { code, stderr } = await runCli('run', scenario, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    rmSync(scenario);
    rmSync(join(out, 'fine.csv'));
  });
});
