import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { haveChromium, launchChromium, visit as visitPage } from './headless-chromium.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { renderHtml } from '../../src/reports/html/page.js';
import { reportData } from '../../src/reports/html/report-data.js';
import { timelineMarks } from '../../src/reports/html/timeline-chart.js';
import { runCli, tempDir } from '../cli/helpers.js';
import { aRun, aScenario, provenance } from '../builders.js';

describe.skipIf(!haveChromium)('the HTML report in headless Chromium', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  const visit = (file: string) => visitPage(context, file);

  const chartSizes = (page: Page) =>
    page.$$eval('figure[data-chart] > svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { id: svg.parentElement?.getAttribute('data-chart') ?? '', width: box.width, height: box.height };
      }),
    );

  it('the default scenario opens offline, with no console errors and no network requests, and draws its campus and its alternatives', async () => {
    const out = join(tempDir(), 'report.html');
    const result = await runCli('run', 'scenarios/colossus-2-reflection.yaml', '--format', 'html', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { page, consoleErrors, requests } = await visit(out);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const charts = await chartSizes(page);
    // The seed case whole: the lease's runs, the options beside it, and its share of the campus.
    expect(charts.map((c) => c.id)).toEqual(['utilization', 'timeline', 'run-costs', 'options', 'facility-power', 'weather-pue']);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.height, c.id).toBeGreaterThan(50);
    }
    expect(await page.title()).toContain('Colossus 2');
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/report-colossus-2-reflection.png', fullPage: true });
    await page.close();
  }, 60_000);

  it('each chart of a known small scenario draws one mark per item: bars per hold, ticks per interruption, areas per pool', async () => {
    const scenario = aScenario({
      cluster: { racks: 10, spareRacks: 1 },
      failures: { ratePerGpuHour: 3e-4, restartMinutes: 15 },
      runs: [
        aRun({ name: 'a', racks: 5, totalFlop: 4e24, checkpoint: { intervalMinutes: 60, writeMinutes: 2 } }),
        aRun({ name: 'b', racks: 4, submit: '2026-07-04', totalFlop: 2e24, checkpoint: { intervalMinutes: 'auto', writeMinutes: 1 } }),
        aRun({ name: 'c', racks: 6, submit: '2026-07-06', totalFlop: 1e24 }),
      ],
    });
    const record = simulateScenario(scenario, { seed: 3 });
    const summary = summarize(record, provenance);
    const file = join(tempDir(), 'small.html');
    writeFileSync(file, await renderHtml(reportData(summary, record)));

    // The expectation is counted from the record here, not taken from the chart builder.
    const interruptions = record.runs.reduce((a, r) => a + r.interruptions, 0);
    let bars = 0;
    for (const run of record.runs) {
      let lastStop: number | null = null;
      for (const hold of run.holds ?? []) {
        if (hold.startTick !== lastStop) bars += 1;
        lastStop = hold.stopTick;
      }
    }
    const waits = record.runs.filter((r) => (r.firstStartTick ?? scenario.horizonTicks) > r.submitTick).length;
    expect(interruptions).toBeGreaterThan(3);
    expect(waits).toBeGreaterThan(0);
    expect(timelineMarks(record).bars).toHaveLength(bars);

    const { page, consoleErrors, requests } = await visit(file);
    const count = (chart: string, mark: string) => page.locator(`figure[data-chart="${chart}"] g.${mark}_marks > path`).count();
    expect(await count('timeline', 'holds')).toBe(bars);
    expect(await count('timeline', 'interruptions')).toBe(interruptions);
    expect(await count('timeline', 'waits')).toBe(waits);
    expect(await page.locator('figure[data-chart="utilization"] g.utilization_marks').count()).toBe(6);
    expect(await count('run-costs', 'costs')).toBe(2 * record.runs.length);
    for (const c of await chartSizes(page)) expect(c.width * c.height, c.id).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
