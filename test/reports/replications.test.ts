import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { reportData } from '../../src/reports/html/report-data.js';
import { chartsFor } from '../../src/reports/html/charts.js';
import { replicationsInput, withReplications, type ReplicationStatistics } from '../../src/reports/html/replications.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { aRun, aScenario, provenance } from '../builders.js';

const record = simulateScenario(aScenario({ runs: [aRun({ name: 'a' }), aRun({ name: 'b', submit: '2026-07-03' })] }));
const data = reportData(summarize(record, provenance), record);
const stats = (mean: number, half: number): ReplicationStatistics => ({ n: 10, mean, sd: half, p5: mean - half, p50: mean, p95: mean + half, ci95Low: mean - half, ci95High: mean + half });

/** `capsim run <file> --replications R --format html`: the page, after a clean exit. */
async function replicatedPage(file: string, replications: number): Promise<string> {
  const out = join(tempDir(), 'page.html');
  const result = await runCli('run', file, '--replications', String(replications), '--workers', '1', '--quiet', '--format', 'html', '--out', out);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('a report across replications', () => {
  const input = replicationsInput(
    10,
    [
      ['runs.a.costUsageShareUsd', stats(100, 5)],
      ['runs.a.costFullyLoadedUsd', stats(300, 9)],
      ['cluster.utilization', stats(0.4, 0.01)],
    ],
    { replications: 10, metrics: [['cluster.utilization', { values: { exact: [[0.39, 4], [0.41, 6]] } }], ['cluster.goodput', { values: { sketch: {} } }]] },
  );
  const merged = withReplications(data, input);

  it('gives each run its mean cost with the 95% interval of the mean, for the runs the statistics cover', () => {
    expect(merged.runCosts).toEqual([
      { run: 'a', option: 'lease, usage share', costUsd: 100, lowUsd: 95, highUsd: 105 },
      { run: 'a', option: 'lease, fully loaded', costUsd: 300, lowUsd: 291, highUsd: 309 },
    ]);
  });

  it('draws a histogram for a metric known exactly, every replication counted, and none for a sketched one', () => {
    expect(merged.replications?.samples).toEqual([{ metric: 'utilization', unit: 'fraction', values: [0.39, 0.39, 0.39, 0.39, 0.41, 0.41, 0.41, 0.41, 0.41, 0.41] }]);
    expect(chartsFor(merged).map((c) => c.id)).toEqual(['utilization', 'timeline', 'run-costs', 'histogram-utilization']);
    expect(merged.replicationTable?.map((t) => t.metric)).toEqual(['utilization']);
  });

  it('reads the headline figures as means with their intervals, and counts the replications in which each run finished', () => {
    const withProgress = withReplications(
      data,
      replicationsInput(
        10,
        [
          ['cluster.utilization', stats(0.4, 0.01)],
          ['money.idleCostUsd', stats(123, 4)],
        ],
        { replications: 10, metrics: [['runs.a.progress', { values: { exact: [[1, 10]] } }], ['runs.b.progress', { values: { exact: [[0.5, 3], [1, 7]] } }]] },
      ),
    );
    expect(withProgress.means?.cluster.utilization).toBe(0.4);
    expect(withProgress.means?.money.idleCostUsd).toBe(123);
    // What the statistics do not cover stays replication 0's, and the tables keep replication 0.
    expect(withProgress.means?.cluster.goodput).toBe(data.summary.cluster.goodput);
    expect(withProgress.summary).toBe(data.summary);
    const [low, high] = withProgress.intervals?.get('cluster.utilization') ?? [NaN, NaN];
    expect(low).toBeCloseTo(0.39, 12);
    expect(high).toBeCloseTo(0.41, 12);
    expect([...(withProgress.completedIn ?? [])]).toEqual([
      ['a', 10],
      ['b', 7],
    ]);
  });

  it('a replicated page of a scenario with options keeps them, compared over the same replications, and shows the headline means with intervals', async () => {
    const html = await replicatedPage('scenarios/lease-vs-cloud.yaml', 3);
    expect(html).toContain('data-chart="options"');
    expect(html).toContain('the mean over the same 3 replications');
    expect(html).toMatch(/<div class="interval">95% interval [^<]+ to [^<]+<\/div>/);
    expect(html).toMatch(/training runs completed in the term in all 3 replications/);
  }, 120_000);

  it('capsim run --replications --format html writes the page with whiskers, histograms and the statistics table', async () => {
    const html = await replicatedPage('scenarios/small.yaml', 12);
    expect(html).toContain('Across 12 replications');
    expect(html).toContain('whiskers_marks');
    expect(html.match(/data-chart="histogram-/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('95% interval of the mean');
  }, 60_000);

  it('--format html is refused with --shard: a shard writes a partial result for merging', async () => {
    const result = await runCli('run', 'scenarios/small.yaml', '--replications', '4', '--shard', '1/2', '--format', 'html', '--out', join(tempDir(), 'x.html'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/html without --shard/);
  });
});
