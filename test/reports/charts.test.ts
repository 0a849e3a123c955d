import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize, type Summary } from '../../src/reports/summary.js';
import { chartsFor } from '../../src/reports/html/charts.js';
import { keyFindings } from '../../src/reports/html/findings.js';
import { formatUsd } from '../../src/reports/format.js';
import { reportData } from '../../src/reports/html/report-data.js';
import { renderSvg } from '../../src/reports/html/render-svg.js';
import { aRun, aScenario, provenance } from '../builders.js';

const record = simulateScenario(aScenario({ runs: [aRun({ name: 'a' }), aRun({ name: 'b', submit: '2026-07-03' })] }));
const summary = summarize(record, provenance);
const ids = (s: Summary, withRecord = true) => chartsFor(reportData(s, withRecord ? record : null)).map((c) => c.id);
/** A summary with extra sections, as other parts of capsim add them. */
const withSections = (extra: Record<string, unknown>) => ({ ...summary, ...extra }) as Summary;

const facility = {
  series: [
    { start: '2026-07-01T00:00', facilityMw: 120, supplyMw: 150, capped: false, outdoorC: 24, pue: 1.12 },
    { start: '2026-07-01T01:00', facilityMw: 150, supplyMw: 150, capped: true, outdoorC: 31, pue: 1.19 },
  ],
};
const options = [
  { name: 'lease', kind: 'lease', rank: 2, totalCostUsd: 1e6, deliveredShare: 1, deliveredAllShare: 1, runs: [] },
  { name: 'cloud on-demand', kind: 'on-demand', rank: 1, totalCostUsd: 7e6, deliveredShare: 1, deliveredAllShare: 1, priceUsdPerGpuHour: 6.5, runs: [{ name: 'a', costUsd: 4e6, ci95: [3.6e6, 4.4e6] }, { name: 'b', costUsd: 3e6 }] },
];

describe('which charts a report has', () => {
  it('a plain run has utilization, the timeline and cost per run, and nothing it has no data for', () => {
    expect(ids(summary)).toEqual(['utilization', 'timeline', 'run-costs']);
  });

  it('a summary without its simulation record has no time series and no timeline', () => {
    expect(ids(summary, false)).toEqual(['run-costs']);
  });

  it('a facility section adds power against supply and temperature with PUE', () => {
    expect(ids(withSections({ facility }))).toEqual(['utilization', 'timeline', 'facility-power', 'weather-pue', 'run-costs']);
  });

  it('a facility series without weather draws power but not temperature', () => {
    const series = facility.series.map(({ outdoorC: _o, pue: _p, ...rest }) => rest);
    expect(ids(withSections({ facility: { series } }))).toContain('facility-power');
    expect(ids(withSections({ facility: { series } }))).not.toContain('weather-pue');
  });

  it("a simulation's hourly facility record (typed arrays) draws both facility charts, capped or shed hours marked", () => {
    const hours = 30 * 24;
    const series = (f: (h: number) => number) => Float64Array.from({ length: hours }, (_, h) => f(h));
    const facility = {
      ticksPerHour: 3600,
      facilityMw: series((h) => 100 + (h % 24)),
      supplyMw: series(() => 150),
      cappedTicks: series((h) => (h === 5 ? 12 : 0)),
      withheldRackTicks: series((h) => (h === 9 ? 1 : 0)),
      dryBulbC: series((h) => 20 + (h % 24) / 2),
      pue: series(() => 1.15),
    };
    const data = reportData(summary, { ...record, facility } as typeof record);
    expect(chartsFor(data).map((c) => c.id)).toEqual(['utilization', 'timeline', 'facility-power', 'weather-pue', 'run-costs']);
    expect(data.facility).toHaveLength(hours);
    expect(data.facility?.filter((p) => p.capped).map((p) => p.start)).toEqual(['2026-07-01T05:00', '2026-07-01T09:00']);
  });

  it('the facility section\'s headline numbers are listed, those present only', () => {
    const data = reportData(withSections({ facility: { peakFacilityMw: 142.6, pue: 1.2194, cappedHours: 17 } }), record);
    expect(data.facilityFigures).toEqual([['peak facility power', '142.6 MW'], ['PUE over the term', '1.219'], ['hours capped', '17']]);
  });

  it('the grid figures follow: violations left, the power bill, CO2 and water', () => {
    const data = reportData(withSections({ facility: { rampViolations: 2393, energyCostUsd: 18_952_464.54, carbonT: 77_263.7, waterM3: 621_315.5 } }), record);
    expect(data.facilityFigures).toEqual([
      ['ramp-rate violations left', '2,393'],
      ['power bill (if not in the lease)', '$19.0M'],
      ['CO2', '77,264 t'],
      ['cooling-tower water', '621,316 m³'],
    ]);
  });

  it('a malformed facility section draws no facility chart rather than a wrong one', () => {
    expect(ids(withSections({ facility: { series: [{ start: '2026-07-01T00:00', facilityMw: 'lots' }] } }))).not.toContain('facility-power');
  });

  it('options add their costs per run, with whiskers where an interval exists, and their totals in rank order', () => {
    const data = reportData(withSections({ options }), record);
    expect(chartsFor(data).map((c) => c.id)).toContain('options');
    expect(data.optionCosts.map((o) => o.option)).toEqual(['cloud on-demand', 'lease']);
    expect(keyFindings(data.summary, data.optionCosts).at(-2)).toBe('Bought the cheapest other way that does all the work, cloud on-demand, the same runs cost $7.0M over the term against $1.0M for the lease (this seed; capsim compare --format html ranks every option with its intervals).');
    // A lease its lessor ended bills its fallback too: the finding says so beside the figure.
    const ended = options.map((o) => (o.kind === 'lease' ? { ...o, lease: { terminationRisk: { terminatedShare: 0.4 } } } : o));
    expect(keyFindings(reportData(withSections({ options: ended }), record).summary, reportData(withSections({ options: ended }), record).optionCosts, 50).at(-2)).toContain(
      'against $1.0M for the lease (mean of 50 replications, the lessor ending it in 40% of them, its fallback\'s bill included;',
    );
    expect(data.runCosts.filter((c) => c.option === 'cloud on-demand')).toEqual([
      { run: 'a', option: 'cloud on-demand', costUsd: 4e6, lowUsd: 3.6e6, highUsd: 4.4e6 },
      { run: 'b', option: 'cloud on-demand', costUsd: 3e6, lowUsd: null, highUsd: null },
    ]);
  });

  it('replications add one histogram per metric, and a single replication adds none', () => {
    const replications = { count: 3, samples: { utilization: [0.4, 0.5, 0.45], lostGpuHours: [10, 20, 15] }, units: { lostGpuHours: 'GPU-hours' } };
    expect(ids(withSections({ replications }))).toEqual(['utilization', 'timeline', 'run-costs', 'histogram-utilization', 'histogram-lostGpuHours']);
    expect(ids(withSections({ replications: { ...replications, count: 1 } }))).toEqual(['utilization', 'timeline', 'run-costs']);
  });
});

describe('chart rendering', () => {
  it('renders every chart of a full report to SVG with its marks, the same bytes twice', async () => {
    const data = reportData(withSections({ facility, options, replications: { count: 3, samples: { utilization: [0.4, 0.5, 0.45] } } }), record);
    for (const chart of chartsFor(data)) {
      const svg = await renderSvg(chart.spec);
      expect(svg, chart.id).toMatch(/^<svg[^>]+width="\d+"/);
      expect(svg, chart.id).toContain('role-mark');
      expect(await renderSvg(chart.spec), chart.id).toBe(svg);
    }
  });
});

describe('the utilization chart over a long term', () => {
  it('shows weekly means, a last partial week included: an empty cluster is all idle to the end', () => {
    const long = simulateScenario(aScenario({ end: '2027-08-12', runs: [aRun({ name: 'a' })] }));
    const chart = chartsFor(reportData(summarize(long, provenance), long)).find((c) => c.id === 'utilization');
    const values = (chart?.spec as { data: { values: Array<{ start: number; pool: string; gpus: number }> } }).data.values;
    const idle = values.filter((v) => v.pool === 'idle');
    expect(idle.length).toBe(Math.ceil(408 / 7));
    expect(idle.at(-1)?.gpus).toBeCloseTo(8 * 72, 9);
    expect(idle.at(-2)?.gpus).toBeCloseTo(8 * 72, 9);
  });
});

describe('timeline bars', () => {
  it('join intervals that overlap or touch, and keep apart those with a gap', async () => {
    const { union } = await import('../../src/reports/html/timeline-chart.js');
    expect(union([[10, 20], [0, 5], [5, 8], [15, 30], [31, 40]])).toEqual([[0, 8], [10, 30], [31, 40]]);
    expect(union([])).toEqual([]);
  });
});

describe('the run page with procurement options', () => {
  it('draws a reserved option as its bill, commitment included, not as the GPU-hours it used times its price', async () => {
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { compareOptions } = await import('../../src/procurement/compare.js');
    const { resolveOptions } = await import('../../src/procurement/resolve-options.js');
    const loaded = await loadScenario('scenarios/lease-vs-cloud.yaml');
    const comparison = compareOptions({ scenario: loaded.scenario, written: loaded.written }, resolveOptions(loaded.written, loaded.scenario), { seed: loaded.scenario.seed, replications: 1 }, provenance);
    const reserved = comparison.options.find((o) => o.kind === 'reserved');
    if (!reserved || reserved.priceUsdPerGpuHour === null) throw new Error('expected a reserved option with a price');
    const chart = chartsFor(reportData(summary, null, { options: comparison.options })).find((c) => c.id === 'options');
    const drawn = (chart?.spec as unknown as { data: { values: Array<{ option: string; label: string }> } }).data.values.find((v) => v.option === reserved.name);
    expect(drawn?.label).toBe(formatUsd(reserved.totalCostUsd));
    // Pay-per-use would have been the GPU-hours held at the price: less than the commitment billed.
    expect(reserved.heldGpuHours * reserved.priceUsdPerGpuHour).toBeLessThan(reserved.totalCostUsd);
  }, 60_000);
});
