import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { simulateScenario } from '../src/simulation/simulate-scenario.js';
import { leaseScenario } from '../src/procurement/lease-scenario.js';
import { summarize } from '../src/reports/summary.js';
import { renderJson, renderTable } from '../src/reports/table.js';
import { scenarioHash } from '../src/scenario/hash.js';

// Examples are tests: every scenario runs, and its report is kept as a snapshot. The version is
// pinned so that a release does not rewrite every snapshot.
const files = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

describe('scenarios/', () => {
  for (const file of files) {
    it(`${file} runs and matches its snapshot`, async () => {
      const loaded = await loadScenario(`scenarios/${file}`);
      const record = simulateScenario(leaseScenario(loaded.scenario, loaded.scenario.lease));
      const summary = summarize(record, { version: 'snapshot', scenarioHash: scenarioHash(loaded.written) });
      expect(summary.runs.length).toBeGreaterThan(0);
      await expect(renderTable(summary)).toMatchFileSnapshot(`__snapshots__/scenarios/${file}.txt`);
      await expect(renderJson(summary)).toMatchFileSnapshot(`__snapshots__/scenarios/${file}.json`);
    });
  }

  it('each names the JSON Schema for editors, then says what question it answers', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of files.filter((f) => !f.endsWith('.json'))) {
      const [first, second] = (await readFile(`scenarios/${file}`, 'utf8')).split('\n');
      expect(first, file).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
      expect(second?.startsWith('# Question:'), file).toBe(true);
    }
  });
});
