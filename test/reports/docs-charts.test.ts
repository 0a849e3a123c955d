import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { chartsFor } from '../../src/reports/html/charts.js';
import { reportData } from '../../src/reports/html/report-data.js';
import { renderSvg } from '../../src/reports/html/render-svg.js';

// The README shows three charts of the default scenario, committed under docs/. To redraw them
// after the model or the scenario changes: CAPSIM_DOCS=1 npx vitest run test/reports/docs-charts.test.ts
const shown = ['utilization', 'timeline', 'run-costs'];
const path = (id: string) => `docs/${id}.svg`;

describe('the README charts (docs/*.svg)', () => {
  it.runIf(process.env['CAPSIM_DOCS'])('are redrawn from the default scenario', async () => {
    const loaded = await loadScenario('scenarios/colossus-2-reflection.yaml');
    const record = simulateScenario(loaded.scenario);
    const summary = summarize(record, { version: 'docs', scenarioHash: 'docs' });
    for (const chart of chartsFor(reportData(summary, record)).filter((c) => shown.includes(c.id))) {
      writeFileSync(path(chart.id), await renderSvg(chart.spec));
    }
  });

  it('exist, are SVG charts with marks, and show the default scenario runs', async () => {
    const loaded = await loadScenario('scenarios/colossus-2-reflection.yaml');
    for (const id of shown) {
      expect(existsSync(path(id)), path(id)).toBe(true);
      const svg = readFileSync(path(id), 'utf8');
      expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
      expect(svg).toContain('role-mark');
      if (id !== 'utilization') for (const run of loaded.scenario.runs) expect(svg, `${id} shows ${run.name}`).toContain(run.name);
    }
  });
});
