import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { haveChromium, launchChromium, visit, type Visit } from '../reports/headless-chromium.js';
import { loadScenario } from '../../src/scenario/load.js';
import { compareOptions } from '../../src/procurement/compare.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { sensitivity } from '../../src/procurement/sensitivity.js';
import { createRunner } from '../../src/montecarlo/pool.js';
import { renderDecisionHtml } from '../../src/procurement/html/decision-page.js';
import { renderSensitivityHtml } from '../../src/procurement/html/sensitivity-page.js';
import { renderDecisionMarkdown } from '../../src/procurement/render-decision-md.js';
import { verdictOf } from '../../src/procurement/verdict.js';
import { tempDir } from '../cli/helpers.js';
import { provenance } from '../builders.js';

async function leaseVsCloud() {
  const loaded = await loadScenario('scenarios/lease-vs-cloud.yaml');
  const options = resolveOptions(loaded.written, loaded.scenario);
  const ctx = { scenario: loaded.scenario, written: loaded.written };
  return { ctx, options, comparison: compareOptions(ctx, options, { seed: loaded.scenario.seed, replications: 3 }, provenance) };
}

describe('the decision report as Markdown', () => {
  it('opens with the verdict, then ranks every option and states the assumptions with their sources', async () => {
    const { comparison } = await leaseVsCloud();
    const md = renderDecisionMarkdown(comparison);
    const lines = md.split('\n');
    expect(lines[4]).toBe(`**${verdictOf(comparison).answer}**`);
    const ranked = lines.filter((l) => /^\| \d+ \|/.test(l));
    expect(ranked).toHaveLength(comparison.options.length);
    expect(md).toContain('[A*] coreweave.com/pricing');
    expect(md).toContain('| frontier-pretrain | 18,432 | fp8 | 30% |');
  }, 120_000);
});

describe.skipIf(!haveChromium)('the decision pages in headless Chromium', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  /** Write a page and open it. */
  async function open(html: string, name: string): Promise<Visit> {
    const file = join(tempDir(), name);
    writeFileSync(file, html);
    return visit(context, file);
  }

  it('compare: the first screen answers which option, by how much and how sure; every chart is drawn; nothing is fetched', async () => {
    const { comparison } = await leaseVsCloud();
    const { page, consoleErrors, requests } = await open(await renderDecisionHtml(comparison), 'decision.html');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const answer = page.locator('.verdict .answer');
    const winner = [...comparison.options].sort((a, b) => a.rank - b.rank)[0]?.name ?? '';
    expect(await answer.textContent()).toContain(`${winner} is the cheapest way to deliver the work`);
    expect(await answer.textContent()).toContain('95% interval');
    // Above the fold of a 900-pixel window, and the ranked table begins there too.
    const box = await answer.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThan(900);
    expect((await page.locator('table').first().boundingBox())?.y ?? Infinity).toBeLessThan(900);
    const charts = await page.$$eval('figure[data-chart] > svg', (svgs) => svgs.map((s) => ({ id: s.parentElement?.getAttribute('data-chart'), w: s.getBoundingClientRect().width, h: s.getBoundingClientRect().height })));
    expect(charts.map((c) => c.id)).toEqual(['npv', 'difference', 'cash-flow', 'run-costs', 'time-to-train', 'exit']);
    for (const c of charts) expect(c.w * c.h, String(c.id)).toBeGreaterThan(300 * 100);
    // One bar per option in the NPV chart; one line per option in the cash flow.
    expect(await page.locator('figure[data-chart="npv"] g.mark-rect path').count()).toBe(comparison.options.length);
    expect(await page.locator('figure[data-chart="cash-flow"] g.mark-line path').count()).toBe(comparison.options.length);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/decision-lease-vs-cloud.png', fullPage: true });
    await page.close();
  }, 180_000);

  it('sensitivity: the tornado draws two bars per parameter and the verdict names the widest swing', async () => {
    const { ctx, options } = await leaseVsCloud();
    const runner = createRunner(1);
    const s = await sensitivity({ ...ctx, options }, { seed: 1, replications: 1, low: 0.8, high: 1.2, lease: 'reflection-lease', against: 'coreweave-gb200', parameters: ['cloud-price', 'lease-fee', 'mfu'] }, provenance, runner).finally(() => runner.close());
    const { page, consoleErrors, requests } = await open(await renderSensitivityHtml(s), 'tornado.html');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('figure[data-chart="tornado"] g.mark-rect path').count()).toBe(2 * s.parameters.length);
    expect(await page.locator('.verdict .answer').textContent()).toContain(`${s.parameters[0]?.name} moves the difference most`);
    await page.screenshot({ path: 'test-artifacts/sensitivity-lease-vs-cloud.png', fullPage: true });
    await page.close();
  }, 180_000);
});
