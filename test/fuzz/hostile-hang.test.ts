import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { stringify } from 'yaml';
import { tempDir } from '../cli/helpers.js';
import { expectProcessRefusal } from './hostile-helpers.js';
import { aWrittenScenario } from '../builders.js';

/**
 * Class 5 of the hostile corpus: a FIFO where capsim reads a file once blocked forever (and Ctrl-C
 * could not end the process, waiting in open()). Files are opened non-blocking and only regular
 * files are read: each is refused at once. Run as real processes, since a hang is a process's.
 */
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));

function fifo(name: string): string {
  const path = join(home, name);
  execFileSync('mkfifo', [path]);
  return path;
}

const small = readFileSync('scenarios/small.yaml', 'utf8');

describe('hostile FIFOs: refused at once, never waited on', () => {
  it('as the scenario', async () => {
    const file = fifo('scenario.yaml');
    await expectProcessRefusal(['validate', file], { message: /scenario\.yaml: error: cannot read scenario: it is a FIFO \(named pipe\), not a regular file$/, within: 10_000, unchanged: [home] });
  });

  it('as an extends base', async () => {
    fifo('base.yaml');
    writeFileSync(join(home, 'child.yaml'), `extends: base.yaml\n${small}`);
    await expectProcessRefusal(['validate', join(home, 'child.yaml')], { message: /child\.yaml:1:10: error: extends: cannot include .*base\.yaml: cannot read scenario: it is a FIFO/, within: 10_000 });
  });

  it('as a weather file', async () => {
    fifo('weather.csv');
    writeFileSync(join(home, 'weather.yaml'), stringify(aWrittenScenario({ facility: { weather: { file: 'weather.csv' }, supply: { gridMw: 10 } } })));
    await expectProcessRefusal(['run', join(home, 'weather.yaml')], { message: /weather\.yaml:\d+:\d+: error: facility\.weather\.file: cannot read weather file .*weather\.csv: it is a FIFO/, within: 10_000 });
  });

  it('as a trace', async () => {
    fifo('trace.swf');
    writeFileSync(join(home, 'traced.yaml'), `${small}workload:\n  traces:\n    - { name: log, file: trace.swf, format: swf, precision: fp8, mfu: 0.3 }\n`);
    await expectProcessRefusal(['run', join(home, 'traced.yaml')], { message: /traced\.yaml:\d+:\d+: error: workload\.traces\[0\]\.file: cannot read trace .*trace\.swf: it is a FIFO/, within: 10_000 });
  });

  it('as a partial to merge', async () => {
    const file = fifo('part-1.json');
    await expectProcessRefusal(['merge', file], { message: new RegExp(`part-1\\.json: error: it is a FIFO \\(named pipe\\), not a regular file$`), within: 10_000 });
  });

  it('as a completed sweep point to resume', async () => {
    const out = join(home, 'sweep.csv');
    mkdirSync(`${out}.points`);
    fifo('sweep.csv.points/point-0.json');
    await expectProcessRefusal(['sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8,9', '--replications', '2', '--workers', '1', '--out', out], {
      message: /point-0\.json: error: a completed point of this sweep does not verify: it is a FIFO \(named pipe\), not a regular file; delete the file/,
      within: 20_000,
    });
  });
});
