import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const pinVersion = (text: string) => text.replace(/capsim \d+\.\d+\.\d+\S*/g, 'capsim <version>').replace(/"version": "[^"]+"/, '"version": "<version>"');

describe('scenarios/lease-tenant-share.yaml', () => {
  it('compares the options with the share as an uncertain input: P(cheapest) split, the share ranked first', async () => {
    const { code, stdout, stderr } = await runCli('compare', 'scenarios/lease-tenant-share.yaml', '--replications', '12', '--format', 'json', '--quiet');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const c = JSON.parse(stdout) as {
      uncertainInputs: Array<{ path: string; low: number; high: number }>;
      options: Array<{ name: string; probabilityCheapest: number; npvDifferenceFromBaselineUsd: { ci95Usd: [number, number] }; inputRanking: Array<{ path: string; varianceShare: number }> | null }>;
    };
    expect(c.uncertainInputs[0]).toMatchObject({ path: 'cluster.racks', low: 278, high: 919 });
    // Both readings of the share are drawn, so no option is the cheapest in every replication.
    expect(Math.max(...c.options.map((o) => o.probabilityCheapest))).toBeLessThan(1);
    for (const o of c.options.slice(1)) expect(o.inputRanking?.[0]?.path).toBe('cluster.racks');
    await expect(pinVersion(stdout)).toMatchFileSnapshot('__snapshots__/lease-tenant-share.compare.json');
    const table = await runCli('compare', 'scenarios/lease-tenant-share.yaml', '--replications', '12', '--quiet');
    for (const line of table.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(table.stdout).toContain('What drives Δ NPV');
  });
});
