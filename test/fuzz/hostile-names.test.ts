import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';
import { csvField } from '../../src/reports/csv-field.js';

/**
 * Class 8 of the hostile corpus: names that attack outputs. Control characters (a terminal escape,
 * a bidirectional override) are refused; names are compared in Unicode NFC; CSV cells that a
 * spreadsheet would run as formulas are written as text.
 */
const dir = 'test/fixtures/hostile/names';
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('hostile names', () => {
  it('refuses a terminal escape sequence and a right-to-left override in a name, shown escaped, never raw', async () => {
    const stderr = await expectRefusal(['run', join(dir, 'escape-in-a-name.yaml')], {
      message: /escape-in-a-name\.yaml:11:\d+: error: runs\[0\]\.name: expected text without control characters \(an escape sequence can rewrite a terminal\), found "clear\\u\{1b\}\[2J\\u\{1b\}\[31mred"$/,
    });
    expect(stderr).toMatch(/runs\[1\]\.name: expected text without control characters .*found "right-to-left\\u\{202e\}exe\.txt"/);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).not.toContain('\u202e');
  });

  it('refuses two run names equal after Unicode normalisation (NFC and NFD)', async () => {
    await expectRefusal(['validate', join(dir, 'nfc-and-nfd-names.yaml')], { message: /nfc-and-nfd-names\.yaml:12:\d+: error: runs\[1\]\.name: expected a unique run name, found "café" twice$/ });
  });

  it('refuses a control character in a trace\'s team, at its line', async () => {
    const trace = join(home, 'jobs.csv');
    writeFileSync(trace, 'submitSeconds,gpus,durationSeconds,team\n0,72,3600,research\n60,72,3600,"evil\u001b]0;owned\u0007"\n');
    const scenario = join(home, 'traced.yaml');
    writeFileSync(scenario, `${readFileSync('scenarios/small.yaml', 'utf8')}workload:\n  traces:\n    - { name: log, file: jobs.csv, format: csv, precision: fp8, mfu: 0.3 }\n`);
    const stderr = await expectRefusal(['validate', scenario], { message: /jobs\.csv:3:1: error: workload\.traces\[0\]\.file: team: expected text without control characters, found "evil\\u\{1b\}\]0;owned\\u\{7\}"$/ });
    expect(stderr).not.toContain('\u001b');
  });

  it('writes names that start a formula (=, +, -, @) to CSV as text, and reads them back as written', async () => {
    const { code, stderr } = await runCli('run', join(dir, 'formula-names.yaml'), '--format', 'csv', '--out', join(home, 'f'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(join(home, 'f-runs.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r['name'], r['team']])).toEqual([
      ["'=HYPERLINK(\"http://example.com\",\"x\")", "'@SUM(A1)"],
      ["'+1+2", "'-3"],
    ]);
    // Numbers stay numbers: a negative number is not text that starts a formula.
    expect(csvField(-3)).toBe('-3');
    expect(csvField('\tx')).toBe("'\tx");
  });
});
