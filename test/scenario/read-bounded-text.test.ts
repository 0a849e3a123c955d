import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundedText, ReadRefused } from '../../src/scenario/read-bounded-text.js';
import { stringify } from 'yaml';
import { runCli } from '../cli/helpers.js';
import { aWrittenScenario } from '../builders.js';

const refusal = async (path: string, maxBytes = 1024) => {
  try {
    await readBoundedText(path, maxBytes);
  } catch (e) {
    if (e instanceof ReadRefused) return `${e.refusal}: ${e.reason}`;
    throw e;
  }
  return 'read';
};

describe('readBoundedText', () => {
  const dir = mkdtempSync(join(tmpdir(), 'capsim-read-'));

  it('reads a UTF-8 file up to the limit, and refuses one byte more', async () => {
    writeFileSync(join(dir, 'exact.txt'), 'é'.repeat(512)); // 1,024 bytes
    expect(await readBoundedText(join(dir, 'exact.txt'), 1024)).toBe('é'.repeat(512));
    writeFileSync(join(dir, 'over.txt'), 'x'.repeat(1025));
    expect(await refusal(join(dir, 'over.txt'))).toBe('too-large: larger than 1024 bytes');
  });

  it('refuses a device, such as one that never ends, before reading a byte', async () => {
    expect(await refusal('/dev/zero')).toBe('unreadable: it is a character device, not a regular file');
  });

  it('refuses a FIFO at once instead of waiting for a writer forever', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(await refusal(fifo)).toBe('unreadable: it is a FIFO (named pipe), not a regular file');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads a regular file through a symbolic link', async () => {
    writeFileSync(join(dir, 'target.txt'), 'through the link');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    expect(await readBoundedText(join(dir, 'link.txt'), 1024)).toBe('through the link');
  });

  it('refuses text that is not UTF-8, a directory and a missing file, saying which', async () => {
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect(await refusal(join(dir, 'latin1.txt'))).toBe('not-utf8: not UTF-8 text');
    expect(await refusal(dir)).toBe('unreadable: it is a directory, not a regular file');
    expect(await refusal(join(dir, 'nowhere.txt'))).toBe('unreadable: no such file');
  });

  it('bounds the trace and weather files a scenario names, with the place in the scenario', async () => {
    const scenario = join(dir, 'device-trace.yaml');
    writeFileSync(scenario, readFileSync('test/fixtures/traces/replay-missing.yaml', 'utf8').replace('file: nowhere.swf', 'file: /dev/zero'));
    const { code, stderr } = await runCli('validate', scenario);
    expect(code).toBe(2);
    expect(stderr).toMatch(/device-trace\.yaml:19:13: error: workload\.traces\[0\]\.file: cannot read trace \/dev\/zero: it is a character device, not a regular file/);

    // A weather file must be named .csv or .epw: a link so named that leads to a device.
    symlinkSync('/dev/zero', join(dir, 'zero.epw'));
    const weather = join(dir, 'device-weather.yaml');
    writeFileSync(weather, stringify(aWrittenScenario({ facility: { weather: { file: 'zero.epw' }, supply: { gridMw: 10 } } })));
    const refused = await runCli('validate', weather);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/device-weather\.yaml:\d+:\d+: error: facility\.weather\.file: cannot read weather file .*zero\.epw: it is a character device, not a regular file/);
  });
});
