import { z } from 'zod';
import { isDeepStrictEqual } from 'node:util';
import { canonicalJson } from '../scenario/hash.js';
import { limits } from '../scenario/limits.js';
import { exactDistinctLimit } from './quantile-store.js';
import { itemsOf, verifies, type Partial } from './partial.js';
import type { SummaryAccumulatorData } from './summary-accumulator.js';
import type { MetricAccumulatorData } from './metric-accumulator.js';
import type { ReplicationsBody, SweepBody } from './merge.js';
import type { SweepPointResult } from './sweep-report.js';

/**
 * The shape of a partial result and of a sweep point, checked before anything is merged or
 * reused: a truncated, edited or hand-made file is refused with a reason, never a crash or an
 * absurd allocation. Counts are whole and bounded; numbers finite; lists no longer than capsim
 * writes them.
 */
const finite = z.number().refine(Number.isFinite);
const count = (max: number) => z.number().int().min(0).max(max);
const name = z.string().max(1_000);
// A DDSketch at 0.5% accuracy indexes every double in about ±75,000 bins (ln(1.8e308) / ln(1.01005)).
const sketchBins = z.array(z.tuple([z.number().int().min(-100_000).max(100_000), count(limits.maxReplications).min(1)])).max(200_000);

const metricData = z.strictObject({
  date: z.literal(true).optional(),
  listed: z.literal(true).optional(),
  n: count(limits.maxReplications).min(1),
  // An exact sum of doubles needs at most ~40 non-overlapping partials (2,098 bits / 53).
  sum: z.array(finite).max(100),
  sumSquares: z.array(finite).max(100),
  min: finite,
  max: finite,
  values: z.union([
    z.strictObject({ exact: z.array(z.tuple([finite, count(limits.maxReplications).min(1)])).max(exactDistinctLimit) }),
    z.strictObject({ sketch: z.strictObject({ positive: sketchBins, negative: sketchBins, zeros: count(limits.maxReplications) }) }),
  ]),
});

const accumulatorData = z.strictObject({
  replications: count(limits.maxReplications),
  metrics: z.array(z.tuple([name, metricData])).max(1_000_000),
});

// An uncertain input as reports list it (see describeInputs): its distribution's parameters are numbers.
const inputDescription = z.strictObject({
  path: name,
  distribution: z.looseObject({ distribution: name }).refine((d) => Object.entries(d).every(([k, v]) => k === 'distribution' || typeof v === 'number' || (Array.isArray(v) && v.length <= 100_000))),
  whole: z.boolean(),
  low: finite,
  high: finite,
});
const uncertainInputs = z.array(inputDescription).max(10_000).optional();

const header = z.strictObject({ version: name, scenarioHash: name, seed: count(Number.MAX_SAFE_INTEGER), scenarioName: z.string(), uncertainInputs });

const replicationsBody = z.strictObject({ header, include: z.array(name).max(10_000), accumulator: accumulatorData });

const numberStatistics = z.strictObject({
  n: count(limits.maxReplications),
  mean: finite,
  sd: finite.nullable(),
  min: finite,
  p5: finite,
  p50: finite,
  p95: finite,
  max: finite,
  ci95Low: finite.nullable(),
  ci95High: finite.nullable(),
});
// A date metric's statistics (DateStatistics): ISO dates (to the minute, the time left out at midnight), sd in days.
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
const dateStatistics = z.strictObject({
  n: count(limits.maxReplications),
  unit: z.literal('date'),
  mean: date,
  sd: finite.nullable(),
  min: date,
  p5: date,
  p50: date,
  p95: date,
  max: date,
  ci95Low: date.nullable(),
  ci95High: date.nullable(),
});
const statistics = z.union([numberStatistics, dateStatistics]);

const setting = z.strictObject({ path: name, value: z.unknown() });

export const sweepPointSchema = z.strictObject({
  point: count(limits.maxSweepPoints),
  settings: z.array(setting).max(1_000),
  replications: count(limits.maxReplications).min(1),
  statistics: z.record(name, statistics),
});

const sweepBody = z.strictObject({
  report: z.strictObject({
    capsim: z.strictObject({ version: name, scenarioHash: name, seed: count(Number.MAX_SAFE_INTEGER), replications: count(limits.maxReplications).min(1) }),
    scenario: z.strictObject({ name: z.string() }),
    uncertainInputs,
    parameters: z.array(name).max(1_000),
  }),
  points: z.array(sweepPointSchema).max(limits.maxSweepPoints),
  include: z.array(name).max(10_000).optional(),
});

const envelope = z.strictObject({
  capsimPartial: z.literal(2),
  kind: z.enum(['replications', 'sweep']),
  job: z.looseObject({ kind: z.string(), version: name, items: count(limits.maxReplications).min(1) }),
  shard: z.strictObject({ index: count(1_000_000).min(1), count: count(1_000_000).min(1) }).refine((s) => s.index <= s.count),
  format: name,
  body: z.unknown(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A partial read from a file, or why it cannot be merged. */
export function readPartial(value: unknown): { partial: Partial } | { refusal: string } {
  const shape = envelope.safeParse(value);
  if (!shape.success) {
    const old = (value as { capsimPartial?: unknown } | null)?.capsimPartial === 1;
    return { refusal: old ? 'a partial result of an older capsim, without a digest: run its shard again' : 'not a partial result of capsim (expected the --out of a run with --shard k/n)' };
  }
  const partial = shape.data as Partial;
  if (!verifies(partial)) return { refusal: 'the partial does not verify: its digest does not match its content (edited or damaged since capsim wrote it)' };
  const body = (partial.kind === 'replications' ? replicationsBody : sweepBody).safeParse(partial.body);
  if (!body.success) return { refusal: `the partial's ${partial.kind} body is malformed at ${body.error.issues[0]?.path.join('.') || 'its top'}` };
  const inconsistency = partial.kind === 'replications' ? replicationsInconsistency(partial, body.data as ReplicationsBody) : sweepInconsistency(partial, body.data as SweepBody);
  return inconsistency ? { refusal: `the partial is inconsistent: ${inconsistency}` } : { partial };
}

function replicationsInconsistency(partial: Partial, body: ReplicationsBody): string | null {
  const { from, to } = itemsOf(partial);
  if (!isDeepStrictEqual(partial.job['header'], body.header) || !isDeepStrictEqual(partial.job['include'], body.include)) return "its body's header is not its job's";
  const data = body.accumulator as SummaryAccumulatorData;
  if (data.replications !== to - from) return `it holds ${data.replications} replications, but shard ${partial.shard.index}/${partial.shard.count} of ${partial.job.items} has ${to - from}`;
  const names = new Set<string>();
  for (const [path, m] of data.metrics) {
    if (names.has(path)) return `metric ${path} appears twice`;
    names.add(path);
    const problem = metricInconsistency(m, data.replications);
    if (problem) return `metric ${path}: ${problem}`;
  }
  return null;
}

function metricInconsistency(m: MetricAccumulatorData, replications: number): string | null {
  if (m.n > replications) return `n = ${m.n} values in ${replications} replications`;
  if (m.min > m.max) return `min ${m.min} above max ${m.max}`;
  const counted = m.values.exact
    ? m.values.exact.reduce((a, [, c]) => a + c, 0)
    : (m.values.sketch?.positive.reduce((a, [, c]) => a + c, 0) ?? 0) + (m.values.sketch?.negative.reduce((a, [, c]) => a + c, 0) ?? 0) + (m.values.sketch?.zeros ?? 0);
  return counted === m.n ? null : `its quantile counts add to ${counted}, not n = ${m.n}`;
}

function sweepInconsistency(partial: Partial, body: SweepBody): string | null {
  const { from, to } = itemsOf(partial);
  if (!isDeepStrictEqual(partial.job['report'], body.report)) return "its body's report header is not its job's";
  if (body.points.length !== to - from) return `it holds ${body.points.length} points, but shard ${partial.shard.index}/${partial.shard.count} of ${partial.job.items} has ${to - from}`;
  const settings = partial.job['settings'] as unknown[] | undefined;
  for (const [j, p] of body.points.entries()) {
    const problem = pointInconsistency(p, from + j, settings?.[from + j], body.report.capsim.replications);
    if (problem) return problem;
  }
  return null;
}

/** Why a sweep point is not point `index` of its job (settings, replications); null when it is. */
export function pointInconsistency(p: SweepPointResult, index: number, settings: unknown, replications: number): string | null {
  if (p.point !== index) return `point ${p.point} where point ${index} belongs`;
  if (canonicalJson(p.settings) !== canonicalJson(settings)) return `point ${index} has other settings than the job's`;
  if (p.replications !== replications) return `point ${index} has ${p.replications} replications, the job ${replications}`;
  for (const [path, s] of Object.entries(p.statistics)) if (s.n > replications) return `point ${index}, metric ${path}: n = ${s.n} values in ${replications} replications`;
  return null;
}
