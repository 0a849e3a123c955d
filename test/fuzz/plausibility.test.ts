import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario } from '../builders.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function warningsOf(overrides: Partial<WrittenScenario>): string[] {
  return parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'w.json').warnings.map((w) => w.code);
}

describe('plausibility warnings', () => {
  it('a plain, published-range scenario gets none', () => {
    expect(warningsOf({ failures: { ratePerGpuHour: 2e-5 } })).toEqual([]);
  });

  it('warns about a rack over 500 kW and a GPU over 2,000 W, asking about the unit', () => {
    const hardware = { rack: 'gb300-nvl72', rackOverrides: { maxItKw: 136_000 }, gpuOverrides: { tdpW: 1.4 * 1000 * 1000 } };
    expect(warningsOf({ hardware })).toEqual(['implausible-rack-power', 'implausible-gpu-power']);
    const [rack] = parseScenario(JSON.stringify(aWrittenScenario({ hardware })), 'w.json').warnings;
    expect(rack?.message).toContain('is the unit kW?');
  });

  it('warns about a failure rate 100 times away from the published one, either way, but not about zero', () => {
    expect(warningsOf({ failures: { ratePerGpuHour: 3e-3 } })).toEqual(['implausible-failure-rate']);
    expect(warningsOf({ failures: { ratePerGpuHour: 1e-8 } })).toEqual(['implausible-failure-rate']);
    expect(warningsOf({ failures: { ratePerGpuHour: 1e-4 } })).toEqual([]);
    expect(warningsOf({ failures: { ratePerGpuHour: 0 } })).toEqual([]);
  });

  it('warns about a price of zero, an MFU above 0.8 and throughput above the peak', () => {
    expect(warningsOf({ lease: { monthlyUsd: 0 } })).toEqual(['zero-price']);
    expect(warningsOf({ runs: [aRun({ mfu: 0.9 })] })).toEqual(['implausible-mfu']);
    const run = aRun({ achievedTflopsPerGpu: 6_000 });
    delete run.mfu;
    expect(warningsOf({ runs: [run] })).toEqual(['implausible-throughput']);
  });

  it('warns about restarts over a day, spares over a quarter, and writes longer than the interval', () => {
    expect(warningsOf({ failures: { ratePerGpuHour: 0, restartMinutes: 2_000 } })).toEqual(['implausible-restart']);
    expect(warningsOf({ cluster: { racks: 8, spareRacks: 3 } })).toEqual(['implausible-spares']);
    expect(warningsOf({ runs: [aRun({ checkpoint: { intervalMinutes: 5, writeMinutes: 10 } })] })).toEqual(['implausible-checkpoint']);
  });

  it('--strict turns the warnings into errors: exit 2, the reason, and no report', async () => {
    const dir = tempDir();
    const file = join(dir, 'odd.json');
    writeFileSync(file, JSON.stringify(aWrittenScenario({ lease: { monthlyUsd: 0 } })));
    const relaxed = await runCli('validate', file);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr).toContain('warning: lease.monthlyUsd: a lease of $0 a month');
    const strict = await runCli('run', file, '--strict', '--out', join(dir, 'r.txt'));
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/odd\.json:1:\d+: error: lease\.monthlyUsd: a lease of \$0 a month.*\(an error under --strict\)\n1 error\(s\); nothing was written\n$/);
    expect(readdirSync(dir)).toEqual(['odd.json']);
    expect(() => parseScenario(JSON.stringify(aWrittenScenario({ lease: { monthlyUsd: 0 } })), 'w.json', { strict: true })).toThrow(ScenarioError);
    rmSync(dir, { recursive: true });
  });
});

describe('limits', () => {
  it('refuses a horizon over 100 years and more than a million racks', () => {
    const refused = (o: Partial<WrittenScenario>) => {
      try {
        parseScenario(JSON.stringify(aWrittenScenario(o)), 'l.json');
      } catch (e) {
        return (e as ScenarioError).problems.map((p) => p.code);
      }
      return [];
    };
    expect(refused({ start: '2026-01-01', end: '2127-01-01' })).toContain('horizon-too-long');
    expect(refused({ start: '2026-01-01', end: '2125-12-31' })).not.toContain('horizon-too-long');
    expect(refused({ cluster: { racks: 1_000_001 } })).toContain('too-many-racks');
  });
});

describe('plausibility of procurement options', () => {
  const options = (list: NonNullable<WrittenScenario['options']>) => warningsOf({ options: list });

  it('warns about a cloud price or a lease fee of zero, and a PUE above 2', () => {
    expect(options([{ name: 'free', kind: 'on-demand', priceUsdPerGpuHour: 0 }])).toEqual(['zero-price']);
    expect(options([{ name: 'l', kind: 'lease', monthlyUsd: 0 }])).toEqual(['zero-price']);
    expect(options([{ name: 'l', kind: 'lease', schedule: [{ from: '2026-07-01', monthlyUsd: 0 }] }])).toEqual(['zero-price']);
    expect(options([{ name: 'l', kind: 'lease', pue: 2.5 }])).toEqual(['implausible-pue']);
  });

  it('accepts published prices and PUEs without a warning, and refuses a PUE below 1', () => {
    expect(options([{ name: 'l', kind: 'lease', pue: 1.2 }, { name: 'c', kind: 'on-demand', priceUsdPerGpuHour: 6.88 }])).toEqual([]);
    expect(() => options([{ name: 'l', kind: 'lease', pue: 0.9 }])).toThrow(ScenarioError);
  });
});
