import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';

// A real single-node Slurm from Debian's packages (.ci/run installs slurm-wlm and munge when
// missing). The test skips, saying why, only where the daemons cannot run at all.
const sweepArgs = ['scenarios/small.yaml', '--set', 'cluster.racks=8,9,10', '--replications', '12', '--metric', 'cluster', 'money'];
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'sinfo'].filter((c) => !has(c));
const whyNot = missing.length > 0 ? `missing ${missing.join(', ')} (apt-get install slurm-wlm munge)` : process.getuid?.() !== 0 ? 'Debian\'s Slurm daemons need root' : null;

describe('a sweep as a Slurm job array', () => {
  it('merges the array tasks\' partial results into the bytes of the same sweep run locally', async (ctx) => {
    if (whyNot) {
      console.warn(`Slurm test skipped: ${whyNot}`);
      ctx.skip();
      return;
    }
    const dir = tempDir();
    const slurmDir = join(dir, 'slurm');
    let conf: string;
    try {
      conf = execFileSync('bash', ['test/montecarlo/slurm/start-slurm.sh', slurmDir], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (cause) {
      spawnSync('bash', ['test/montecarlo/slurm/stop-slurm.sh', slurmDir]);
      console.warn(`Slurm test skipped: Slurm could not start here: ${String((cause as { stderr?: unknown }).stderr ?? cause)}`);
      ctx.skip();
      return;
    }
    try {
      const results = join(dir, 'results');
      const env = { ...process.env, SLURM_CONF: conf, CAPSIM_SWEEP: sweepArgs.join(' '), CAPSIM: `${process.execPath} ${resolve('bin/capsim.js')}`, CAPSIM_OUT: results };
      // The README's job script, as written; --wait returns when every array task has ended.
      execFileSync('sbatch', ['--wait', '--array=1-2', '--cpus-per-task=1', `--chdir=${process.cwd()}`, `--output=${join(dir, 'task-%a.log')}`, 'deploy/slurm/sweep.sbatch'], {
        env,
        timeout: 120_000,
        stdio: 'pipe',
      });
      const merged = await runCli('merge', join(results, 'part-2.json'), join(results, 'part-1.json'));
      expect(merged.stderr).toBe('');
      const local = await runCli('sweep', ...sweepArgs, '--quiet');
      expect(local.code).toBe(0);
      expect(merged.stdout).toBe(local.stdout);
      expect(JSON.parse(readFileSync(join(results, 'part-1.json'), 'utf8')).shard).toEqual({ index: 1, count: 2 });
    } finally {
      spawnSync('bash', ['test/montecarlo/slurm/stop-slurm.sh', slurmDir]);
    }
  }, 180_000);
});
