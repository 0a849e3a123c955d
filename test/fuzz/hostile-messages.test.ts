import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';

/**
 * Class 9 of the hostile corpus: messages that misled. A file with CR-only line ends is read (YAML
 * counts a lone CR as a line break); `--out dir/` says it names a folder; a mistyped --metric is
 * refused with the closest metric instead of an empty report.
 */
const dir = 'test/fixtures/hostile/messages';
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('hostile messages', () => {
  it('reads a scenario with CR-only line ends (once "empty")', async () => {
    const { code, stdout, stderr } = await runCli('validate', join(dir, 'cr-line-ends.yaml'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('valid · Small cluster — two runs in two weeks');
  });

  it('places a problem in a CR-only file at its real line', async () => {
    await expectRefusal(['validate', join(dir, 'cr-line-ends-broken.yaml')], { message: /cr-line-ends-broken\.yaml:13:10: error: cluster\.racks: expected a whole number >= 1, found 0$/ });
  });

  it('says that --out dir/ names a folder, not that a part of its directory is a file', async () => {
    mkdirSync(join(home, 'results'));
    const stderr = await expectRefusal(['run', 'scenarios/small.yaml', '--format', 'json', '--out', `${join(home, 'results')}/`], {
      message: /results\/: error: --out: cannot write the report: the path ends with \/ \(a folder\); give a file name in it, such as report\.json$/,
      unchanged: [home],
    });
    expect(stderr).not.toContain('a part of its directory is a file');
  });

  it('refuses a mistyped --metric with the closest metric, not an empty report with exit 0', async () => {
    for (const argv of [
      ['run', 'scenarios/small.yaml', '--replications', '3', '--workers', '1', '--metric', 'cluster.utilisation'],
      ['sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8,9', '--replications', '2', '--workers', '1', '--metric', 'cluster.utilisation'],
    ]) {
      await expectRefusal([...argv, '--out', join(home, 'stats.json')], {
        message: /^error: --metric: no metric matches "cluster\.utilisation"; the closest are cluster\.utilization,/,
        placed: false,
        unchanged: [home],
      });
    }
  });

  it('refuses a --metric of capsim diff that selects nothing', async () => {
    await expectRefusal(['diff', 'scenarios/small.yaml', 'scenarios/small.yaml', '--replications', '2', '--metric', 'cluster.utilisation'], {
      message: /^error: --metric: no metric matches "cluster\.utilisation"; the closest are cluster\.utilization,/,
      placed: false,
    });
  });

  it('still accepts a --metric prefix that selects metrics', async () => {
    const { code, stdout } = await runCli('run', 'scenarios/small.yaml', '--replications', '3', '--workers', '1', '--metric', 'runs.pretrain', '--format', 'json');
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout).statistics).every((k) => k.startsWith('runs.pretrain.'))).toBe(true);
  });
});
