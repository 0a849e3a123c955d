import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal, snapshot } from './hostile-helpers.js';
import { temporaryName, writeFilesAtomic } from '../../src/cli/write-files-atomic.js';
import { ScenarioError } from '../../src/errors.js';

/**
 * Class 1 of the hostile corpus: writing must not harm what is at the target. capsim writes only
 * a regular file or a new path; a device, FIFO, folder or socket is refused (exit 2) and left as
 * it was; a symbolic link is followed (the file it leads to is replaced, the link stays).
 */
const small = 'scenarios/small.yaml';
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(home, name);
  mkdirSync(dir);
  return dir;
}

/** A device node of our own (the kind /dev/null is), where the file system and privileges allow. */
function ownDevice(dir: string, name: string, minor: number): string | null {
  const path = join(dir, name);
  return spawnSync('mknod', [path, 'c', '1', String(minor)]).status === 0 ? path : null;
}

describe('hostile outputs: --out never harms what is at the target', () => {
  it('refuses a device node (the kind /dev/null and /dev/full are), and leaves it a device', async () => {
    const dir = folder('device');
    const devices = [ownDevice(dir, 'null', 3), ownDevice(dir, 'full', 7)].filter((d): d is string => d !== null);
    symlinkSync('/dev/null', join(dir, 'to-null'));
    for (const target of [...devices, join(dir, 'to-null')]) {
      await expectRefusal(['run', small, '--format', 'json', '--out', target], {
        message: /: error: --out: cannot write the report: it is (a symbolic link to )?a character device; capsim writes only regular files \(or - for stdout\)$/,
        unchanged: [dir],
        within: 10_000,
      });
    }
    for (const device of devices) expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses anything in /dev or /proc, /dev/stdout included, pointing at - for stdout', async () => {
    for (const target of ['/dev/stdout', '/proc/self/fd/1']) {
      await expectRefusal(['run', small, '--format', 'json', '--out', target], { message: /is in \/dev or \/proc, which hold devices, not reports; give a file, or - for stdout$/ });
    }
    const { code, stdout } = await runCli('run', small, '--format', 'json', '--out', '-');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).capsim.seed).toBe(42);
  });

  it('refuses a FIFO at once (no blocked open), and leaves the FIFO in place', async () => {
    const dir = folder('fifo');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await expectRefusal(['run', small, '--format', 'json', '--out', join(dir, 'pipe')], { message: /it is a FIFO \(named pipe\); capsim writes only regular files/, unchanged: [dir], within: 5_000 });
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('follows a symbolic link to a regular file: the file is replaced, the link stays a link', async () => {
    const dir = folder('link');
    writeFileSync(join(dir, 'report.json'), 'old\n');
    symlinkSync('report.json', join(dir, 'latest.json'));
    const { code } = await runCli('run', small, '--format', 'json', '--out', join(dir, 'latest.json'));
    expect(code).toBe(0);
    expect(lstatSync(join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).capsim.seed).toBe(42);
    expect(readdirSync(dir).sort()).toEqual(['latest.json', 'report.json']);
  });

  it('refuses a symbolic link to nothing and a folder, naming what it is', async () => {
    const dir = folder('dangling');
    symlinkSync('nowhere.json', join(dir, 'dangling.json'));
    mkdirSync(join(dir, 'taken'));
    await expectRefusal(['run', small, '--format', 'json', '--out', join(dir, 'dangling.json')], { message: /it is a symbolic link to a missing file/, unchanged: [dir] });
    await expectRefusal(['run', small, '--format', 'json', '--out', join(dir, 'taken')], { message: /it is a directory; capsim writes only regular files/, unchanged: [dir] });
  });

  it('removes a temporary of the same target left by a killed run, and keeps a live process\'s', async () => {
    const dir = folder('stale');
    const target = join(dir, 'report.json');
    // A process that has ended: its pid names no running process (as after kill -9 between write and rename).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const stale = temporaryName(target, Number(dead));
    const live = temporaryName(target, process.pid);
    const other = temporaryName(join(dir, 'other.json'), Number(dead));
    for (const t of [stale, live, other]) writeFileSync(t, 'half a report');
    const { code } = await runCli('run', small, '--format', 'json', '--out', target);
    expect(code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other), "another target's temporary is not this run's to remove").toBe(true);
  });

  it('writes a 255-byte file name (the temporary name is short), and refuses 256 bytes with the limit', async () => {
    const dir = folder('long');
    const { code } = await runCli('run', small, '--format', 'json', '--out', join(dir, 'a'.repeat(250) + '.json'));
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual(['a'.repeat(250) + '.json']);
    await expectRefusal(['run', small, '--format', 'json', '--out', join(dir, 'b'.repeat(251) + '.json')], { message: /the file name is 256 bytes; file systems allow at most 255$/, unchanged: [dir] });
  });

  it('refuses a sweep --out whose folder is a file, or is /proc, at once and without a stack', async () => {
    const dir = folder('sweep');
    writeFileSync(join(dir, 'afile'), 'x');
    const args = ['sweep', small, '--set', 'cluster.racks=8,9', '--replications', '2', '--workers', '1', '--out'];
    await expectRefusal([...args, join(dir, 'afile', 'out.csv')], { message: /afile is not a folder$|afile is a file, not a folder$/, unchanged: [dir], within: 10_000 });
    if (existsSync('/proc/self')) await expectRefusal([...args, '/proc/out.csv'], { message: /is in \/dev or \/proc/, within: 10_000 });
  });
});

describe('hostile outputs: the CSV tables are written all or none', () => {
  it('leaves none of several files when the last cannot be written', () => {
    const dir = folder('all-or-none');
    const files = ['runs', 'months', 'series'].map((name, i) => {
      const path = i === 2 ? join(dir, 'gone', `${name}.csv`) : join(dir, `${name}.csv`);
      return { path, real: path, content: `${name}\n` };
    });
    let refused: unknown;
    try {
      writeFilesAtomic(files);
    } catch (cause) {
      refused = cause;
    }
    expect(refused).toBeInstanceOf(ScenarioError);
    expect((refused as ScenarioError).problems[0]?.message).toBe('cannot write the report: its folder does not exist (any more); none of the 3 files was written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a CSV prefix whose third table is taken by a folder before running, writing none', async () => {
    const dir = folder('csv-taken');
    mkdirSync(join(dir, 'q3-series-day.csv'));
    await expectRefusal(['run', small, '--format', 'csv', '--out', join(dir, 'q3')], { message: /q3-series-day\.csv: error: --out: cannot write the report: it is a directory/, unchanged: [dir] });
  });

  it('on a full disk writes none of the three tables and says why (a 64 KiB tmpfs, where it can be mounted)', async (ctx) => {
    const dir = folder('full-disk');
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) return ctx.skip('mounting a tmpfs needs root and a kernel that allows it');
    try {
      // 12 KiB left: the runs and months tables fit (a page each), the hourly series of two weeks (~13 KB) does not.
      writeFileSync(join(dir, 'ballast'), Buffer.alloc(52 * 1024));
      const before = snapshot(dir);
      await expectRefusal(['run', small, '--format', 'csv', '--resolution', 'hour', '--out', join(dir, 'q3')], { message: /cannot write the report: no space left on the device; none of the 3 files was written$/ });
      expect(snapshot(dir)).toEqual(before);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
