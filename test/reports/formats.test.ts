import { describe, expect, it } from 'vitest';
import { read } from 'vega';
import { loadScenario } from '../../src/scenario/load.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { renderMarkdown } from '../../src/reports/markdown.js';
import { renderCsvTables, toCsv } from '../../src/reports/csv.js';
import { renderTable } from '../../src/reports/table.js';
import { poolSeries } from '../../src/reports/series.js';

const loaded = await loadScenario('scenarios/small.yaml');
const record = simulateScenario(loaded.scenario);
const summary = summarize(record, { version: 'snapshot', scenarioHash: scenarioHash(loaded.written) });

/** CSV back to rows of strings, by vega's reader (d3-dsv), not by capsim's own code. */
const parse = (text: string) => read(text, { type: 'csv' }) as Array<Record<string, string>>;
const asNumber = (x: string | undefined) => (x === '' || x === undefined ? null : Number(x));

describe('Markdown and CSV of scenarios/small.yaml', () => {
  it('Markdown matches its snapshot', async () => {
    await expect(renderMarkdown(summary)).toMatchFileSnapshot('../__snapshots__/reports/small.md');
  });

  it('CSV tables match their snapshots, one file per table', async () => {
    const tables = renderCsvTables(summary, record, 'day');
    expect(Object.keys(tables)).toEqual(['runs', 'months', 'series-day']);
    for (const [name, text] of Object.entries(tables)) await expect(text).toMatchFileSnapshot(`../__snapshots__/reports/small-${name}.csv`);
  });

  it('the runs CSV parses back to the JSON report numbers, field by field', () => {
    const rows = parse(renderCsvTables(summary, record, 'day').runs ?? '');
    expect(rows).toHaveLength(summary.runs.length);
    summary.runs.forEach((run, i) => {
      const row = rows[i] ?? {};
      for (const [key, value] of Object.entries(run)) {
        if (typeof value === 'number') expect(asNumber(row[key]), key).toBe(value);
        else if (typeof value === 'string') expect(row[key], key).toBe(value);
        else if (value === null) expect(row[key], key).toBe('');
      }
      for (const [cause, n] of Object.entries(run.interruptionsByCause)) expect(asNumber(row[`interruptions.${cause}`])).toBe(n);
    });
  });

  it('the months CSV parses back to the JSON report numbers', () => {
    const rows = parse(renderCsvTables(summary, record, 'day').months ?? '');
    summary.months.forEach((month, i) => {
      for (const [key, value] of Object.entries(month)) {
        expect(typeof value === 'number' ? asNumber(rows[i]?.[key]) : rows[i]?.[key], key).toBe(value);
      }
    });
  });

  it('the hourly series sums back to the cluster totals of the JSON report', () => {
    const rows = parse(renderCsvTables(summary, record, 'hour')['series-hour'] ?? '');
    expect(rows).toHaveLength(14 * 24);
    const total = (key: string) => rows.reduce((a, r) => a + (asNumber(r[key]) ?? 0), 0);
    const c = summary.cluster;
    for (const key of ['availableGpuHours', 'allocatedGpuHours', 'productiveGpuHours', 'lostGpuHours', 'checkpointGpuHours', 'restartGpuHours', 'idleGpuHours', 'downGpuHours'] as const) {
      expect(total(key), key).toBeCloseTo(c[key], 6);
    }
    expect(rows.map((r) => r['start'])).toEqual(poolSeries(record, 'hour').map((p) => p.start));
  });

  it('quotes fields holding commas, quotes and line breaks, and leaves null empty', () => {
    const text = toCsv([{ a: 'x, "y"', b: null, c: 'line\nbreak', d: 1.5e-7 }]);
    expect(text).toBe('a,b,c,d\r\n"x, ""y""",,"line\nbreak",1.5e-7\r\n');
    expect(parse(text)[0]).toEqual({ a: 'x, "y"', b: '', c: 'line\nbreak', d: '1.5e-7' });
  });
});

describe('terminal table', () => {
  it('has no escape codes unless colour is asked for, and the same text either way', () => {
    const plain = renderTable(summary);
    const coloured = renderTable(summary, { colour: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[1m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('groups large numbers and scales money', () => {
    expect(renderTable(summary)).toMatch(/\$903\.2K/);
    expect(renderTable(summary)).toMatch(/193,536/);
  });
});

describe('Markdown of a run with a facility', () => {
  it('adds the facility: its headline figures, then the section the terminal prints, deepest held-back episodes included; none without a facility', async () => {
    const loaded = await loadScenario('scenarios/memphis-heat-wave.yaml');
    const heat = summarize(simulateScenario(loaded.scenario), { version: 'test', scenarioHash: 'test' });
    const f = heat.facility;
    if (!f) throw new Error('expected a facility');
    const md = renderMarkdown(heat);
    expect(md).toContain(`## Facility\n\n| measure | value |\n| :--- | ---: |\n| peak facility power | ${f.peakFacilityMw?.toFixed(1)} MW |`);
    expect(f.heldBackEpisodes.length).toBeGreaterThan(0);
    expect(md).toContain('| held back (UTC) | until | hours | lowest cap | shed |');
    expect(f.heldBackEpisodes.filter((e) => md.includes(`| ${e.from} |`)).length).toBe(Math.min(12, f.heldBackEpisodes.length));
    expect(renderMarkdown(summary)).not.toContain('## Facility');
  }, 60_000);
});

describe('reports of a run with phases', () => {
  it('give one row per phase in the terminal table, Markdown and CSV, and no phases table without phases', async () => {
    const { aRun, aScenario, provenance } = await import('../builders.js');
    const phased = aScenario({ runs: [aRun({ racks: 4, totalFlop: 1e22, phases: [{ name: 'warm-up', untilShare: 0.1, speedShare: 0.5 }, { name: 'main' }] })] });
    const phasedRecord = simulateScenario(phased);
    const s = summarize(phasedRecord, provenance);
    const rowsOf = (text: string, marker: string) => text.split('\n').filter((l) => l.includes(marker));
    expect(rowsOf(renderTable(s), 'warm-up')).toHaveLength(1);
    expect(renderMarkdown(s)).toContain('## Phases');
    expect(rowsOf(renderMarkdown(s), '| main |')).toHaveLength(1);
    const csv = parse(renderCsvTables(s, phasedRecord, 'day')['phases'] ?? '');
    expect(csv.map((r) => [r['run'], r['name'], asNumber(r['gpuHoursHeld'])])).toEqual(s.runs[0]!.phases!.map((p) => [s.runs[0]!.name, p.name, p.gpuHoursHeld]));
    expect(renderMarkdown(summary)).not.toContain('## Phases');
    expect(renderTable(summary)).not.toContain('Phases');
    expect(renderCsvTables(summary, record, 'day')).not.toHaveProperty('phases');
  });
});
