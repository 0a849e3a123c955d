import { closeSync, ftruncateSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';
import { limits } from '../../src/scenario/limits.js';
import { aWrittenScenario } from '../builders.js';

/**
 * The documented maxima, reached: a trace of exactly 64 MiB holding 500,000 jobs is read, mapped,
 * simulated and reported (once past ~125,000 jobs capsim overflowed its stack), within the memory
 * of a 2-core, 24 GiB machine; one job line or one byte more is refused with the limit. The
 * 64 MiB trace is generated once for the file.
 */
const home = tempDir();
const trace = join(home, 'max.csv');
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A CSV job log of `jobs` one-hour, one-rack jobs, ten seconds apart, padded to `bytes` exactly. */
function writeTrace(path: string, jobs: number, bytes: number): void {
  const header = 'submitSeconds,gpus,durationSeconds,name\n';
  const perLine = Math.floor((bytes - header.length) / jobs);
  const lines: string[] = [header];
  let total = header.length;
  for (let i = 0; i < jobs; i += 1) {
    const start = `${i * 10},72,3600,job-${i}-`;
    // The last line takes what the others leave, so the file is `bytes` long.
    const length = i === jobs - 1 ? bytes - total : perLine;
    const line = `${start}${'x'.repeat(length - start.length - 1)}\n`;
    lines.push(line);
    total += line.length;
  }
  writeFileSync(path, lines.join(''));
}

function scenarioNaming(file: string, name: string): string {
  const path = join(home, name);
  writeFileSync(
    path,
    stringify(
      aWrittenScenario({
        start: '2026-01-01',
        end: '2026-03-31',
        cluster: { racks: 2_000 },
        runs: [],
        workload: { traces: [{ name: 'log', file, format: 'csv', precision: 'fp8', mfu: 0.3 }] },
      }),
    ),
  );
  return path;
}

beforeAll(() => writeTrace(trace, limits.maxJobs, limits.maxTraceBytes), 60_000);

describe('the documented maxima', () => {
  it('runs a 64 MiB trace of 500,000 jobs to the end, within a few GiB of memory', async () => {
    expect(statSync(trace).size).toBe(64 * 1024 * 1024);
    const { code, stdout, stderr } = await runCli('run', scenarioNaming('max.csv', 'max.yaml'), '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const queue = JSON.parse(stdout).queue;
    expect(queue.jobs).toBe(500_000);
    expect(queue.completed).toBe(500_000);
    expect(process.memoryUsage().rss).toBeLessThan(4 * 2 ** 30);
  }, 240_000);

  it('refuses a trace of 500,001 job lines at the first line too many', async () => {
    const path = join(home, 'one-more.csv');
    writeFileSync(path, `submitSeconds,gpus,durationSeconds\n${'0,1,60\n'.repeat(limits.maxJobs + 1)}`);
    await expectRefusal(['validate', scenarioNaming('one-more.csv', 'one-more.yaml')], {
      message: /one-more\.csv:500002:1: error: workload\.traces\[0\]\.file: expected at most 500,000 job lines in a trace .*found more; reading stopped here$/,
      within: 30_000,
    });
  }, 60_000);

  it('refuses a trace one byte over 64 MiB after reading no more than the limit', async () => {
    const path = join(home, 'one-byte-more.csv');
    // A sparse file: its 64 MiB of zeros cost no disk.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, limits.maxTraceBytes + 1);
    closeSync(fd);
    await expectRefusal(['validate', scenarioNaming('one-byte-more.csv', 'one-byte-more.yaml')], {
      message: /one-byte-more\.yaml:\d+:\d+: error: workload\.traces\[0\]\.file: cannot read trace .*one-byte-more\.csv: larger than 67108864 bytes$/,
      within: 10_000,
    });
  });
});
