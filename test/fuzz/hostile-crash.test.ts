import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempDir } from '../cli/helpers.js';
import { expectRefusal } from './hostile-helpers.js';
import { sealPartial, type Partial } from '../../src/montecarlo/partial.js';
import { aWrittenScenario } from '../builders.js';

/**
 * Class 3 of the hostile corpus: input the README allows that once crashed capsim (exit 1, a
 * stack overflow or a V8 fatal error). Large inputs are generated here, once per file.
 */
const home = tempDir();
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('hostile inputs that once crashed capsim', () => {
  it('runs a job stream of 135,000 jobs to the end (Math.max over the jobs overflowed the stack past ~125,000)', async () => {
    const scenario = join(home, 'many-jobs.yaml');
    writeFileSync(
      scenario,
      stringify(
        aWrittenScenario({
          start: '2026-07-01',
          end: '2026-07-30',
          cluster: { racks: 2_000 },
          runs: [],
          workload: { streams: [{ name: 'swarm', ratePerDay: 4_500, racks: 1, durationHours: 1, precision: 'fp8', mfu: 0.3 }] },
        }),
      ),
    );
    const { code, stdout, stderr } = await runCli('run', scenario, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const queue = JSON.parse(stdout).queue;
    expect(queue.jobs).toBeGreaterThan(125_000);
    // Jobs submitted in the last hour of the horizon are still running at its end.
    expect(queue.completed).toBeGreaterThan(queue.jobs - 1_000);
  }, 60_000);

  it('refuses --replications beyond a safe integer, and beyond the limit, before allocating anything', async () => {
    for (const command of [['sweep', 'scenarios/small.yaml', '--set', 'cluster.racks=8'], ['run', 'scenarios/small.yaml']]) {
      await expectRefusal([...command, '--replications', '9007199254740993'], { message: /expected a whole number >= 1, found "9007199254740993"/, placed: false, within: 5_000 });
      await expectRefusal([...command, '--replications', '1000000000000000'], { message: /expected at most 100,000,000 replications, found 1000000000000000/, placed: false, within: 5_000 });
    }
  });
});

describe('merging partials that once crashed capsim', () => {
  let partial: Partial;
  beforeAll(async () => {
    const { code } = await runCli('run', 'scenarios/small.yaml', '--replications', '4', '--workers', '1', '--shard', '1/1', '--out', join(home, 'good.json'));
    expect(code).toBe(0);
    partial = JSON.parse(readFileSync(join(home, 'good.json'), 'utf8')) as Partial;
  });

  /** A partial edited and sealed again (its digest recomputed), as a forger would: the body's shape is checked too. */
  function forged(name: string, edit: (body: { accumulator: { metrics: Array<[string, Record<string, unknown> | null]> } }) => void): string {
    const body = structuredClone(partial.body) as Parameters<typeof edit>[0];
    edit(body);
    const path = join(home, name);
    writeFileSync(path, JSON.stringify(sealPartial({ kind: partial.kind, job: partial.job, shard: partial.shard, format: partial.format, body })));
    return path;
  }

  it('merges the untouched partial, so the refusals below are about the edits', async () => {
    const { code } = await runCli('merge', join(home, 'good.json'));
    expect(code).toBe(0);
  });

  it('refuses a partial with a null metric', async () => {
    const file = forged('null-metric.json', (b) => void (b.accumulator.metrics[0] = ['cluster.utilization', null]));
    await expectRefusal(['merge', file], { message: /null-metric\.json: error: the partial's replications body is malformed at accumulator\.metrics\.0\.1$/ });
  });

  it('refuses a partial with an absurd count (which would allocate or loop over it)', async () => {
    const big = forged('absurd-count.json', (b) => void ((b.accumulator.metrics[0]?.[1] as Record<string, unknown>).n = 1e300));
    await expectRefusal(['merge', big], { message: /absurd-count\.json: error: the partial's replications body is malformed at accumulator\.metrics\.0\.1\.n$/ });
    const bins = forged('absurd-bins.json', (b) => void ((b.accumulator.metrics[0]?.[1] as Record<string, unknown>).values = { sketch: { positive: [[1e9, 1]], negative: [], zeros: 0 } }));
    await expectRefusal(['merge', bins], { message: /absurd-bins\.json: error: the partial's replications body is malformed at accumulator\.metrics\.0\.1\.values/ });
  });

  it('refuses a partial whose counts do not add up, though its shape is right', async () => {
    const file = forged('miscounted.json', (b) => void ((b.accumulator.metrics[0]?.[1] as Record<string, unknown>).n = 3));
    await expectRefusal(['merge', file], { message: /miscounted\.json: error: the partial is inconsistent: metric .*: its quantile counts add to 4, not n = 3$/ });
  });
});
