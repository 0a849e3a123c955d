import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/helpers.js';
import { aRun, aWrittenScenario } from '../builders.js';

// The version is pinned in the snapshot's place by replacing it: a release must not rewrite it.
const pinVersion = (text: string) => text.replace(/capsim \d+\.\d+\.\d+\S*/g, 'capsim <version>').replace(/"version": "[^"]+"/, '"version": "<version>"');

describe('capsim compare', () => {
  it('prints every option side by side for scenarios/lease-vs-cloud.yaml', async () => {
    const { code, stdout, stderr } = await runCli('compare', 'scenarios/lease-vs-cloud.yaml');  // 20 replications by default
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const heading of ['Cost of the work', 'What each delivers', 'Cost per run', 'Time to train', 'Cash out by calendar year', 'Break-even utilization', 'Exiting reflection-lease', "Lessor's termination", 'Owning', 'Confidence']) {
      expect(stdout).toContain(heading);
    }
    // Readable in a 100-column terminal.
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    await expect(pinVersion(stdout)).toMatchFileSnapshot('__snapshots__/lease-vs-cloud.compare.txt');
  });

  it('writes every field of its JSON for scenarios/lease-vs-cloud.yaml (the README defines each)', async () => {
    const { code, stdout } = await runCli('compare', 'scenarios/lease-vs-cloud.yaml', '--replications', '2', '--format', 'json');
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c.options.map((o: { kind: string }) => o.kind)).toEqual(['lease', 'on-demand', 'on-demand', 'reserved', 'on-demand', 'on-demand', 'own', 'hybrid']);
    await expect(pinVersion(stdout)).toMatchFileSnapshot('__snapshots__/lease-vs-cloud.compare.json');
  });

  it('gives paired intervals and P(cheapest) with replications, byte-identical from run to run', async () => {
    const dir = tempDir();
    const args = ['compare', 'scenarios/small.yaml', '--replications', '4', '--format', 'json'];
    const first = await runCli(...args, '--out', join(dir, 'a.json'));
    const second = await runCli(...args, '--out', join(dir, 'b.json'));
    expect([first.code, second.code]).toEqual([0, 0]);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(a).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    const c = JSON.parse(a);
    expect(c.capsim.replications).toBe(4);
    expect(c.options[1].differenceFromBaselineUsd.ci95Usd).toHaveLength(2);
    expect(c.options.reduce((s: number, o: { probabilityCheapest: number }) => s + o.probabilityCheapest, 0)).toBeCloseTo(1, 12);
  });

  it('reports every problem of a bad options section at once, with its place, and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    const scenario = aWrittenScenario({
      runs: [aRun()],
      options: [
        { name: 'lease', kind: 'lease', exit: { minimumMonths: 3, noticeDays: 90, noticeGiven: '2026-07-10' } },
        { name: 'cloud', kind: 'on-demand', offer: 'hyperscaler-b200-on-demnd' },
        { name: 'burst', kind: 'hybrid', lease: 'cloud', burst: 'nowhere', burstAfterDays: 7 },
      ],
    });
    writeFileSync(file, JSON.stringify(scenario, null, 2));
    const out = join(dir, 'report.txt');
    const { code, stderr } = await runCli('compare', file, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('options[0].exit.noticeGiven: expected notice on or after the minimum term of 3 months (2026-10-01), found 2026-07-10');
    expect(stderr).toContain('did you mean "hyperscaler-b200-on-demand"?');
    expect(stderr).toContain('options[2].lease: expected the name of a lease option (lease), found "cloud"');
    expect(stderr).toContain('options[2].burst: expected the name of an on-demand, reserved, block or spot option, found "nowhere"');
    expect(stderr).toMatch(/bad\.json:\d+:\d+: error: options\[1\]\.offer/);
    expect(stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a rack not in the catalog, a commitment past the horizon and a negative discount rate: exit 2, the place and what is expected', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'name: bad',
        'seed: 1',
        'start: 2026-07-01',
        'end: 2026-12-31',
        'discountRatePerYear: -0.05',
        'hardware: { rack: gb300-nvl72 }',
        'cluster: { racks: 8 }',
        'lease: { monthlyUsd: 1000000 }',
        'options:',
        '  - { name: lease, kind: lease }',
        '  - { name: odd, kind: on-demand, priceUsdPerGpuHour: 3, rack: hgx-h1000 }',
        '  - { name: res, kind: reserved, offer: hyperscaler-b200-reserved, committedGpus: 64, from: 2026-09-01, termMonths: 12 }',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'report.txt');
    const rate = await runCli('compare', file, '--out', out);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('bad.yaml:5:22: error: discountRatePerYear: expected a discount rate per year >= 0 and < 1 (0.08 = 8% a year), found -0.05');
    // A problem of shape stops the checks that need a valid shape: fixed, the rest are reported together.
    writeFileSync(file, readFileSync(file, 'utf8').replace('-0.05', '0.05'));
    const { code, stderr } = await runCli('compare', file, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yaml:11:\d+: error: options\[1\]\.rack: unknown rack type "hgx-h1000"; expected one of gb300-nvl72, .*; did you mean "hgx-h100"\?/);
    expect(stderr).toMatch(/bad\.yaml:12:\d+: error: options\[2\]\.termMonths: expected a commitment that ends by the horizon's end \(2027-01-01, at most 4 months from 2026-09-01\), found 12 months \(ends 2027-09-01\)/);
    expect(stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses zero replications with exit code 2', async () => {
    const { code, stderr } = await runCli('compare', 'scenarios/small.yaml', '--replications', '0');
    expect(code).toBe(2);
    expect(stderr).toContain('expected a whole number >= 1, found "0"');
  });
});

describe('capsim sensitivity', () => {
  it('ranks the parameters by their swing of the lease-vs-cloud difference, largest first', async () => {
    const { code, stdout } = await runCli('sensitivity', 'scenarios/small.yaml', '--format', 'json', '--parameters', 'lease-fee', 'cloud-price', 'pue');
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(s.parameters.map((p: { name: string }) => p.name)).toEqual(['lease-fee', 'cloud-price', 'pue']);
    // Power is included in small.yaml's lease: PUE cannot move the difference.
    expect(s.parameters[2].swingUsd).toBe(0);
    // The lease fee enters the difference one for one: a 40% swing of a $2M/month fee over 14 days.
    const fee = 2_000_000 * (14 / 31);
    expect(s.parameters[0].swingUsd).toBeCloseTo(0.4 * fee, 0);
    // On demand and uncapped, the cloud bill is linear in the price: the swing is 0.4 x the bill.
    const c = JSON.parse((await runCli('compare', 'scenarios/small.yaml', '--replications', '1', '--format', 'json')).stdout);
    expect(s.parameters[1].swingUsd).toBeCloseTo(0.4 * c.options[1].totalCostUsd, 0);
    expect(s.baseSavingsUsd).toBeCloseTo(c.options[1].totalCostUsd - c.options[0].totalCostUsd, 6);
  });

  it('names the options it can compare when --against is not a cloud or own option', async () => {
    const { code, stderr } = await runCli('sensitivity', 'scenarios/small.yaml', '--against', 'lease');
    expect(code).toBe(2);
    expect(stderr).toContain('expected --against to name a cloud or own option (on-demand), found lease');
  });
});
