import type { RunRecord } from '../../simulation/record.js';
import type { Summary } from '../summary.js';
import { tickToIso } from '../../model/time.js';
import { facilityFigures } from '../facility-figures.js';
import type { OptionCost } from './option-cost-chart.js';

/** One hour (or interval) of the facility: power drawn against power available. */
export interface FacilityPoint {
  start: string;
  facilityMw: number;
  supplyMw: number;
  capped: boolean;
  outdoorC: number | null;
  pue: number | null;
}

/** A run's cost under one procurement option; low/high bound the 95% interval with replications. */
export interface RunCost {
  run: string;
  option: string;
  costUsd: number;
  lowUsd: number | null;
  highUsd: number | null;
}

/** One metric's value in every replication, for a histogram. */
export interface MetricSamples {
  metric: string;
  unit: string;
  values: number[];
}

/**
 * Everything the pictures need. The Summary and, when the simulation is at hand, its RunRecord
 * (for the timeline and the pool series) are always there; the rest exists only when the run
 * produced it: a facility section, procurement options, replications.
 */
export interface ReportData {
  summary: Summary;
  record: RunRecord | null;
  facility: FacilityPoint[] | null;
  /** The facility section's headline numbers, label to formatted value. */
  facilityFigures: Array<[string, string]>;
  runCosts: RunCost[];
  /** Each procurement option's cost of the scenario's work as billed, by rank (as `capsim compare` ranks them). */
  optionCosts: OptionCost[];
  replications: { count: number; samples: MetricSamples[] } | null;
  /** Across replications: the summary with each of its numbers the mean over the replications. */
  means?: Summary;
  /** Across replications: the 95% interval of a headline metric's mean, by its path (`cluster.utilization`). */
  intervals?: ReadonlyMap<string, readonly [number, number]>;
  /** Across replications: in how many replications every named run finished, by run name. */
  completedIn?: ReadonlyMap<string, number>;
  /** Statistics of the key metrics across replications, when there are replications. */
  replicationTable?: Array<{ metric: string; unit: string; n: number; mean: number; sd: number | null; p5: number; p50: number; p95: number; ci95Low: number | null; ci95High: number | null }>;
}

type Loose = Record<string, unknown>;
const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/**
 * Gather what a report can show from a summary (and its record). The optional sections are read
 * by name and shape, so a section that is absent, or shaped otherwise, simply draws no chart.
 */
export function reportData(summary: Summary, record: RunRecord | null = null, sections: Record<string, unknown> = {}): ReportData {
  const loose = { ...(summary as unknown as Loose), ...sections };
  return {
    summary,
    record,
    facility: recordFacilityPoints(record) ?? facilityPoints(loose['facility']),
    facilityFigures: facilityFigures(loose['facility']),
    runCosts: [...leaseRunCosts(summary), ...optionRunCosts(loose['options'])],
    optionCosts: optionCosts(loose['options']),
    replications: replicationSamples(loose['replications']),
  };
}

function leaseRunCosts(summary: Summary): RunCost[] {
  return summary.runs.flatMap((r) => [
    { run: r.name, option: 'lease, usage share', costUsd: r.costUsageShareUsd, lowUsd: null, highUsd: null },
    { run: r.name, option: 'lease, fully loaded', costUsd: r.costFullyLoadedUsd, lowUsd: null, highUsd: null },
  ]);
}

const isSeries = (x: unknown): x is ArrayLike<number> => Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));

/**
 * The hourly facility series of a simulation (`record.facility`: typed arrays, hour h covering
 * ticks [h x ticksPerHour, (h + 1) x ticksPerHour)). An hour is marked when training was capped
 * or shed in any of its ticks.
 */
function recordFacilityPoints(record: RunRecord | null): FacilityPoint[] | null {
  const f = (record as unknown as Loose | null)?.['facility'];
  if (!record || !isObject(f)) return null;
  const ticksPerHour = num(f['ticksPerHour']);
  const [facilityMw, supplyMw, cappedTicks, withheld, dryBulbC, pue] = ['facilityMw', 'supplyMw', 'cappedTicks', 'withheldRackTicks', 'dryBulbC', 'pue'].map((k) => f[k]);
  if (ticksPerHour === null || !isSeries(facilityMw) || !isSeries(supplyMw) || facilityMw.length === 0) return null;
  const s = record.scenario;
  const at = (series: unknown, i: number) => (isSeries(series) ? num(series[i]) : null);
  return Array.from({ length: facilityMw.length }, (_, i) => ({
    start: tickToIso(s.startMinutes, s.tickSeconds, i * ticksPerHour),
    facilityMw: at(facilityMw, i) ?? 0,
    supplyMw: at(supplyMw, i) ?? 0,
    capped: (at(cappedTicks, i) ?? 0) > 0 || (at(withheld, i) ?? 0) > 0,
    outdoorC: at(dryBulbC, i),
    pue: at(pue, i),
  }));
}

/** `facility.series: [{start, facilityMw, supplyMw, capped?, outdoorC?, pue?}]`. */
function facilityPoints(section: unknown): FacilityPoint[] | null {
  const series = isObject(section) ? section['series'] : null;
  if (!Array.isArray(series) || series.length === 0) return null;
  const points: FacilityPoint[] = [];
  for (const p of series) {
    if (!isObject(p)) return null;
    const start = str(p['start']);
    const facilityMw = num(p['facilityMw']);
    const supplyMw = num(p['supplyMw']);
    if (start === null || facilityMw === null || supplyMw === null) return null;
    points.push({ start, facilityMw, supplyMw, capped: p['capped'] === true, outdoorC: num(p['outdoorC']), pue: num(p['pue']) });
  }
  return points;
}

/** `options: [{name, kind, priceUsdPerGpuHour?, runs: [{name, costUsd, ci95?: [low, high]}]}]` (as `capsim compare` reports them). */
function optionRunCosts(section: unknown): RunCost[] {
  if (!Array.isArray(section)) return [];
  // A lease option is the lease the summary already costs, by both definitions.
  return section.filter((o) => isObject(o) && o['kind'] !== 'lease').flatMap((o: Loose) => {
    const option = str(o['name']);
    const runs = o['runs'];
    if (option === null || !Array.isArray(runs)) return [];
    return runs.filter(isObject).flatMap((r): RunCost[] => {
      const run = str(r['name']);
      const costUsd = num(r['costUsd']);
      if (run === null || costUsd === null) return [];
      const ci = Array.isArray(r['ci95']) ? r['ci95'] : [];
      return [{ run, option, costUsd, lowUsd: num(ci[0]), highUsd: num(ci[1]) }];
    });
  });
}

/** `options: [{name, rank, totalCostUsd, deliveredShare, deliveredAllShare}]`, in rank order. */
function optionCosts(section: unknown): OptionCost[] {
  if (!Array.isArray(section)) return [];
  return section
    .filter(isObject)
    .flatMap((o) => {
      const option = str(o['name']);
      const usd = num(o['totalCostUsd']);
      const lease = isObject(o['lease']) ? o['lease'] : {};
      const terminatedShare = num(isObject(lease['terminationRisk']) ? lease['terminationRisk']['terminatedShare'] : null) ?? 0;
      return option === null || usd === null ? [] : [{ rank: num(o['rank']) ?? Infinity, cost: { option, kind: str(o['kind']) ?? '', usd, deliveredShare: num(o['deliveredShare']) ?? 1, deliveredAll: (num(o['deliveredAllShare']) ?? 1) >= 1, terminatedShare } }];
    })
    .sort((a, b) => a.rank - b.rank)
    .map((o) => o.cost);
}

/** `replications: {count, samples: {metricName: number[]}, units?: {metricName: unit}}`. */
function replicationSamples(section: unknown): ReportData['replications'] {
  if (!isObject(section)) return null;
  const count = num(section['count']);
  const samples = section['samples'];
  const units = isObject(section['units']) ? section['units'] : {};
  if (count === null || count < 2 || !isObject(samples)) return null;
  const metrics = Object.entries(samples).flatMap(([metric, values]): MetricSamples[] =>
    Array.isArray(values) && values.every((v) => num(v) !== null) ? [{ metric, unit: str(units[metric]) ?? '', values: values as number[] }] : [],
  );
  return { count, samples: metrics };
}
