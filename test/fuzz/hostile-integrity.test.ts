import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';
import { sealPartial, type Partial } from '../../src/montecarlo/partial.js';

/**
 * Class 7 of the hostile corpus: results that were not integrity-checked. Partials and sweep
 * points carry a digest of their content and of their job; merge and resume refuse (exit 2)
 * anything that does not verify, and nothing is written.
 */
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));
const read = (name: string) => JSON.parse(readFileSync(join(home, name), 'utf8')) as Partial;
const write = (name: string, value: unknown) => {
  writeFileSync(join(home, name), typeof value === 'string' ? value : JSON.stringify(value));
  return join(home, name);
};
/** Edited, then sealed again as a forger who knows the digest would: the content must still add up. */
const reseal = (p: Partial) => sealPartial({ kind: p.kind, job: p.job, shard: p.shard, format: p.format, body: p.body });

beforeAll(async () => {
  for (const k of [1, 2]) {
    expect((await runCli('run', 'scenarios/small.yaml', '--replications', '6', '--workers', '1', '--shard', `${k}/2`, '--out', join(home, `rep-${k}.json`))).code).toBe(0);
    expect((await runCli('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8,9,10,11', '--replications', '2', '--workers', '1', '--format', 'json', '--shard', `${k}/2`, '--out', join(home, `sweep-${k}.json`))).code).toBe(0);
  }
}, 60_000);

describe('hostile partials: merge refuses what does not verify', () => {
  it('merges the untouched partials, so the refusals below are about the edits', async () => {
    expect((await runCli('merge', join(home, 'rep-2.json'), join(home, 'rep-1.json'))).code).toBe(0);
    expect((await runCli('merge', join(home, 'sweep-2.json'), join(home, 'sweep-1.json'))).code).toBe(0);
  });

  it('refuses a partial whose numbers were edited', async () => {
    const edited = readFileSync(join(home, 'rep-1.json'), 'utf8').replace(/"min":(\d)/, '"min":9$1');
    const file = write('edited-number.json', edited);
    await expectRefusal(['merge', file, join(home, 'rep-2.json'), '--out', join(home, 'merged.json')], {
      message: /edited-number\.json: error: the partial does not verify: its digest does not match its content \(edited or damaged since capsim wrote it\)$/,
      unchanged: [home],
    });
  });

  it('refuses partials of another capsim version, even when edited consistently and sealed again', async () => {
    const files = [1, 2].map((k) => {
      const p = read(`rep-${k}.json`);
      const header = { ...(p.job['header'] as object), version: '9.9.9' };
      return write(`other-version-${k}.json`, reseal({ ...p, job: { ...p.job, version: '9.9.9', header }, body: { ...(p.body as object), header } }));
    });
    await expectRefusal(['merge', ...files], { message: /other-version-1\.json: error: .*a partial written by capsim 9\.9\.9; this is capsim [\d.]+, and merging gives the bytes of one version/ });
  });

  it('refuses a partial whose replication count was edited (the shard holds another number)', async () => {
    const p = read('rep-1.json');
    const file = write('recounted.json', reseal({ ...p, job: { ...p.job, items: 8 } }));
    const other = read('rep-2.json');
    const file2 = write('recounted-2.json', reseal({ ...other, job: { ...other.job, items: 8 } }));
    await expectRefusal(['merge', file, file2], { message: /recounted\.json: error: the partial is inconsistent: it holds 3 replications, but shard 1\/2 of 8 has 4$/ });
  });

  it('refuses sweep shards whose indexes were swapped (the rows would come out reordered)', async () => {
    const [a, b] = [read('sweep-1.json'), read('sweep-2.json')];
    const files = [write('swapped-1.json', reseal({ ...a, shard: b.shard })), write('swapped-2.json', reseal({ ...b, shard: a.shard }))];
    await expectRefusal(['merge', ...files], { message: /swapped-1\.json: error: the partial is inconsistent: point 0 where point 2 belongs$/ });
  });

  it('refuses a partial of an older capsim, which has no digest', async () => {
    const { digest: _digest, ...old } = { ...read('rep-1.json'), capsimPartial: 1 };
    await expectRefusal(['merge', write('old.json', old)], { message: /old\.json: error: a partial result of an older capsim, without a digest: run its shard again$/ });
  });
});

describe('hostile sweep points: resume refuses an edited point', () => {
  const args = (out: string) => ['sweep', 'scenarios/small.yaml', '--set', 'runs[0].mfu=0.30,0.32,0.34,0.36,0.38,0.40', '--replications', '100', '--workers', '1', '--format', 'json', '--metric', 'cluster', '--out', out];

  /** Points as a sweep killed midway leaves them: run one as a process and kill it once two points are written. */
  async function killedSweep(out: string): Promise<string[]> {
    const pointsDir = `${out}.points`;
    const child = spawn(process.execPath, ['bin/capsim.js', ...args(out)], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const started = Date.now();
    while (Date.now() - started < 60_000 && child.exitCode === null) {
      if (existsSync(pointsDir) && readdirSync(pointsDir).filter((f) => f.endsWith('.json')).length >= 2) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    return readdirSync(pointsDir).filter((f) => f.endsWith('.json')).map((f) => join(pointsDir, f));
  }

  it('refuses an edited completed point on resume, naming the file, and writes no result', async () => {
    const out = join(home, 'resumed.json');
    const points = await killedSweep(out);
    expect(points.length, 'the sweep finished before it could be killed').toBeGreaterThanOrEqual(2);
    const edited = points[0] as string;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/"mean":(\d)/, '"mean":7$1'));
    await expectRefusal(args(out), {
      message: /point-0\.json: error: a completed point of this sweep does not verify: its digest does not match its content \(edited or damaged since capsim wrote it\); delete the file to run the point again$/,
      unchanged: [home],
    });
    // Deleted, the point runs again and the sweep completes.
    rmSync(edited);
    const resumed = await runCli(...args(out));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/reused \d+ completed point/);
  }, 90_000);

  it('runs a point of another job again instead of reusing it', async () => {
    const out = join(home, 'other-job.json');
    mkdirSync(`${out}.points`);
    writeFileSync(join(`${out}.points`, 'point-0.json'), JSON.stringify({ key: 'another job', result: {}, digest: 'x' }));
    const { code, stderr } = await runCli('sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8,9', '--replications', '2', '--workers', '1', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(existsSync(`${out}.points`)).toBe(false);
  });
});
