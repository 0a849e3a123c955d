import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';

/** small.yaml with two options, its runs sized as shares of the cluster. */
function scenarioFile(extra = ''): string {
  const file = join(tempDir(), 'shares.yaml');
  writeFileSync(
    file,
    [
      'name: shares', 'seed: 3', 'start: 2026-07-01', 'end: 2026-07-20', 'hardware: { rack: gb300-nvl72 }', 'cluster: { racks: 8, spareRacks: 1 }',
      'failures: { ratePerGpuHour: 5.0e-5, restartMinutes: 10 }', 'lease: { monthlyUsd: 2000000 }', 'runs:',
      "  - { name: big, racks: '75%', precision: fp8, mfu: 0.35, computeDays: 6, checkpoint: { intervalMinutes: auto, writeMinutes: 1 } }",
      "  - { name: small, racks: '25%', precision: fp8, mfu: 0.35, computeDays: 4, submit: 2026-07-02 }",
      'options:', '  - { name: lease, kind: lease }', '  - { name: cloud, kind: on-demand, priceUsdPerGpuHour: 12 }', extra, '',
    ].join('\n'),
  );
  return file;
}

describe('capsim sweep --compare', () => {
  it('gives each option\'s NPV, P(cheapest) and paired difference at every point, and the lease wins as the racks grow', async () => {
    const file = scenarioFile();
    const { code, stdout, stderr } = await runCli('sweep', file, '--compare', '--set', 'cluster.racks=4,16', '--replications', '3', '--workers', '1', '--format', 'json', '--quiet');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const points = JSON.parse(stdout).points as Array<{ statistics: Record<string, { mean: number; ci95Low: number | null }> }>;
    const [small, large] = points;
    // The work follows the racks: the cloud's bill grows with them, the lease's fee does not.
    expect(large?.statistics['options.cloud.npvUsd']?.mean).toBeGreaterThan(3 * (small?.statistics['options.cloud.npvUsd']?.mean ?? 0));
    expect(small?.statistics['options.cloud.cheapest']?.mean).toBe(1);
    expect(large?.statistics['options.lease.cheapest']?.mean).toBe(1);
    expect(large?.statistics['options.cloud.npvDifferenceUsd']?.mean).toBeGreaterThan(0);
    // The lease's NPV is the same at both points and in every replication: left out by default.
    expect(large?.statistics['options.lease.npvUsd']).toBeUndefined();
  });

  it('refuses a --metric no option has, naming the closest', async () => {
    const { code, stderr } = await runCli('sweep', scenarioFile(), '--compare', '--set', 'cluster.racks=8', '--replications', '1', '--metric', 'options.cloud.cheapst', '--quiet');
    expect(code).toBe(2);
    expect(stderr).toContain('no metric matches "options.cloud.cheapst"; the closest are options.cloud.cheapest');
  });
});

describe('capsim breakeven', () => {
  it('finds the racks at which the lease costs as much as the cloud, whole racks, in the table and the JSON', async () => {
    const file = scenarioFile();
    const json = await runCli('breakeven', file, '--vary', 'cluster.racks', '--between', 'lease,cloud', '--range', '2:20', '--replications', '2', '--workers', '1', '--format', 'json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const b = JSON.parse(json.stdout);
    expect(b).toMatchObject({ vary: 'cluster.racks', kind: 'key', whole: true, range: [2, 20], cheaperBelow: 'cloud', cheaperAbove: 'lease' });
    expect(b.bracket[1] - b.bracket[0]).toBe(1);
    expect(b.value).toBeGreaterThanOrEqual(b.bracket[0]);
    expect(b.value).toBeLessThanOrEqual(b.bracket[1]);
    const table = await runCli('breakeven', file, '--vary', 'cluster.racks', '--between', 'lease,cloud', '--range', '2:20', '--replications', '2', '--workers', '1');
    expect(table.stdout).toMatch(/cluster\.racks = [\d.]+: cloud is cheaper below, lease above/);
  });

  it('refuses, with exit code 2, unknown options, a --vary that is neither a key nor a factor, and a range a scenario cannot take', async () => {
    const file = scenarioFile();
    const unknown = await runCli('breakeven', file, '--vary', 'utilization', '--between', 'lease,cluod');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("expected two of the scenario's options (lease, cloud), found cluod");
    const vary = await runCli('breakeven', file, '--vary', 'gpu-type', '--between', 'lease,cloud');
    expect(vary.code).toBe(2);
    const range = await runCli('breakeven', file, '--vary', 'runs[0].mfu', '--between', 'lease,cloud', '--range', '0.2:1.5');
    expect(range.code).toBe(2);
    expect(range.stderr).toMatch(/runs\[0\]\.mfu: expected a model FLOPs utilisation in \(0, 1\], found 1\.5 .*give another --range/);
    const notNumber = await runCli('breakeven', file, '--vary', 'hardware.rack', '--between', 'lease,cloud', '--range', '1:2');
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('expected a key that takes a number');
  });
});

describe('capsim sensitivity', () => {
  it('varies the tenant\'s racks (runs sized as shares follow), restart and checkpoint times, and the GPU type', async () => {
    const { code, stdout, stderr } = await runCli('sensitivity', scenarioFile(), '--format', 'json', '--workers', '1', '--parameters', 'racks', 'restart-time', 'checkpoint-write', 'gpu-type', '--gpu-types', 'hgx-h100,gb300-nvl72');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(stdout) as { parameters: Array<{ name: string; low: number | string; high: number | string; swingUsd: number }> };
    const byName = new Map(s.parameters.map((p) => [p.name, p]));
    expect(byName.get('gpu-type')).toMatchObject({ low: 'hgx-h100', high: 'gb300-nvl72' });
    // More racks carry more work (shares, computeDays): the cloud's bill moves, the lease's does not.
    expect(byName.get('racks')?.swingUsd).toBeGreaterThan(0);
    expect(byName.get('restart-time')?.swingUsd).toBeGreaterThan(0);
    expect(byName.get('gpu-type')?.swingUsd).toBeGreaterThan(0);
  });
});
