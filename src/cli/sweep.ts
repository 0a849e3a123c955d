import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { emit, writeFileAtomic, type Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { createProgress } from './progress.js';
import { defaultWorkers, metricOption, quietOption, shardOption, workersOption } from './montecarlo-options.js';
import { ScenarioError } from '../errors.js';
import type { Problem } from '../scenario/problems.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { scenarioHash } from '../scenario/hash.js';
import { applySettings } from '../montecarlo/apply-settings.js';
import { parseRangeOption, parseSetOption, type Range, type Setting } from '../montecarlo/setting.js';
import { sweepPoints } from '../montecarlo/sweep-points.js';
import { createRunner, type BlockRunner } from '../montecarlo/pool.js';
import { replicate } from '../montecarlo/replicate.js';
import { selected } from '../montecarlo/report.js';
import { shardRange, type Shard } from '../montecarlo/shard.js';
import { jobKey, renderPartial, type Partial } from '../montecarlo/partial.js';
import type { SweepBody } from '../montecarlo/merge.js';
import { renderSweep, sweepFormats, type SweepFormat, type SweepPointResult, type SweepReport } from '../montecarlo/sweep-report.js';

interface SweepOptions {
  set?: string[];
  range?: string[];
  lhs?: number;
  replications: number;
  seed?: number;
  format: SweepFormat;
  out?: string;
  strict?: boolean;
  workers?: number;
  shard?: Shard;
  quiet?: boolean;
  metric?: string[];
}

export function registerSweep(program: Command, io: Io): void {
  program
    .command('sweep')
    .description('run a scenario over a grid (and/or a Latin hypercube) of settings, with replications at each point')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--set <path=v1,v2,...>', 'a key and the values it takes (repeatable; the grid is every combination)', collect, [])
    .option('--range <path=min:max>', 'a key and its range for the Latin hypercube (repeatable; whole bounds give whole values)', collect, [])
    .addOption(new Option('--lhs <n>', 'points of the Latin hypercube over the --range keys').argParser(positive))
    .addOption(new Option('-r, --replications <n>', 'replications at each point').argParser(positive).default(100))
    .addOption(seedOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(sweepFormats).default('csv'))
    .option('-o, --out <file>', 'write the result to a file (atomically); completed points are kept beside it, in <file>.points/, so that an interrupted sweep resumes')
    .addOption(strictOption())
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(quietOption())
    .addOption(metricOption())
    .action((file: string, opts: SweepOptions, command: Command) => sweep(file, opts, io, command));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positive(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, found "${value}"`);
  return n;
}

async function sweep(file: string, opts: SweepOptions, io: Io, command: Command): Promise<void> {
  const grid = (opts.set ?? []).map((text) => parseSetOption(text) ?? command.error(`error: --set ${text}: expected <path>=<v1,v2,...>, e.g. cluster.racks=100,200`, { exitCode: 2 }));
  const ranges: Range[] = (opts.range ?? []).map((text) => parseRangeOption(text) ?? command.error(`error: --range ${text}: expected <path>=<min>:<max> with min < max, e.g. runs[0].mfu=0.3:0.5`, { exitCode: 2 }));
  if ((ranges.length > 0) !== (opts.lhs !== undefined)) command.error('error: --range and --lhs go together: --lhs N points over the --range keys', { exitCode: 2 });
  if (grid.length === 0 && ranges.length === 0) command.error('error: nothing to sweep: give --set <path>=<v1,v2,...> or --range with --lhs', { exitCode: 2 });

  const base = await loadScenario(file, { strict: opts.strict ?? false });
  reportWarnings(io, base.warnings);
  const seed = opts.seed ?? base.scenario.seed;
  const settings = sweepPoints(grid, ranges, opts.lhs ?? 0, seed);
  const scenarios = await loadPoints(file, settings, opts.strict ?? false);
  const include = opts.metric ?? [];
  const report: Omit<SweepReport, 'points'> = {
    capsim: { version: capsimVersion(), scenarioHash: scenarioHash(base.written), seed, replications: opts.replications },
    scenario: { name: base.scenario.name },
    parameters: [...new Set([...grid.map((g) => g.path), ...ranges.map((r) => r.path)])],
  };
  const key = jobKey({ kind: 'sweep', report, include, settings });
  const range = opts.shard ? shardRange(settings.length, opts.shard) : { from: 0, to: settings.length };
  const pointsDir = opts.out ? `${opts.out}.points` : null;
  if (pointsDir) await mkdir(pointsDir, { recursive: true });

  const { points, reused } = await runPoints(range, settings, scenarios, { key, seed, include, pointsDir }, opts, io);
  if (reused > 0 && !opts.quiet) io.stderr(`sweep: reused ${reused} completed point(s) from ${pointsDir}\n`);
  if (opts.shard) {
    const partial: Partial<'sweep', SweepBody> = { capsimPartial: 1, kind: 'sweep', key, shard: opts.shard, format: opts.format, body: { report, points } };
    await emit(io, renderPartial(partial), opts.out);
  } else {
    await emit(io, renderSweep({ ...report, points }, opts.format), opts.out);
  }
  if (pointsDir) await rm(pointsDir, { recursive: true, force: true });
}

interface PointJob {
  key: string;
  seed: number;
  include: string[];
  pointsDir: string | null;
}

/**
 * The points [from, to), in order: each reused from an earlier, interrupted sweep when its file is
 * there, else run and written atomically before the next starts.
 */
async function runPoints(
  range: { from: number; to: number },
  settings: Setting[][],
  scenarios: LoadedScenario[],
  job: PointJob,
  opts: SweepOptions,
  io: Io,
): Promise<{ points: SweepPointResult[]; reused: number }> {
  const runner = createRunner(opts.workers ?? defaultWorkers());
  const progress = createProgress(io, opts.quiet ?? false, 'sweep');
  const total = (range.to - range.from) * opts.replications;
  const points: SweepPointResult[] = [];
  let reused = 0;
  try {
    for (let i = range.from; i < range.to; i += 1) {
      const pointFile = job.pointsDir ? join(job.pointsDir, `point-${i}.json`) : null;
      const pointKey = jobKey({ key: job.key, point: i });
      const done = pointFile ? await readPoint(pointFile, pointKey) : null;
      if (done) reused += 1;
      const before = (i - range.from) * opts.replications;
      const result =
        done ??
        (await runPoint(i, settings[i] as Setting[], scenarios[i] as LoadedScenario, job.seed, opts.replications, job.include, runner, (n) => progress.update(before + n, total)));
      if (pointFile && !done) await writeFileAtomic(pointFile, `${JSON.stringify({ key: pointKey, result })}\n`);
      points.push(result);
      progress.update(before + opts.replications, total);
    }
  } finally {
    progress.stop();
    await runner.close();
  }
  return { points, reused };
}

/**
 * Every point's scenario, loaded as the file would be (extends, traces and weather files
 * included) with the point's keys set in its text, and validated before anything runs: all
 * problems of all points at once.
 */
async function loadPoints(file: string, settings: Setting[][], strict: boolean): Promise<LoadedScenario[]> {
  const problems: Problem[] = [];
  const loaded: LoadedScenario[] = [];
  for (const [i, s] of settings.entries()) {
    try {
      loaded.push(await loadScenario(file, { strict, editText: (text) => applySettings(text, s) }));
    } catch (cause) {
      if (!(cause instanceof ScenarioError)) throw cause;
      const where = s.map((x) => `${x.path}=${JSON.stringify(x.value)}`).join(' ');
      problems.push(...cause.problems.map((p) => ({ ...p, message: `${p.message} (sweep point ${i}: ${where})` })));
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return loaded;
}

async function runPoint(
  point: number,
  settings: Setting[],
  loaded: LoadedScenario,
  seed: number,
  replications: number,
  include: string[],
  runner: BlockRunner,
  onProgress: (done: number) => void,
): Promise<SweepPointResult> {
  const provenance = { version: capsimVersion(), scenarioHash: scenarioHash(loaded.written) };
  const { accumulator } = await replicate({ scenario: loaded.scenario, seed, from: 0, to: replications, provenance }, runner, onProgress);
  // A sweep's rows default to the scalar metrics (no per-run or per-month entries): one row stays readable.
  const keep = (path: string) => (include.length > 0 ? selected(path, include) : !path.includes('['));
  return { point, settings, replications, statistics: Object.fromEntries(accumulator.statistics().filter(([path]) => keep(path))) };
}

/** A completed point written by an earlier, interrupted sweep of the same job; null if none. */
async function readPoint(file: string, key: string): Promise<SweepPointResult | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { key?: string; result?: SweepPointResult };
    return saved.key === key && saved.result ? saved.result : null;
  } catch {
    return null;
  }
}

