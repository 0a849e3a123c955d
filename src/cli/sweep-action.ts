import { lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Io } from './io.js';
import { emit } from './emit.js';
import { outTarget } from './out-target.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { createProgress } from './progress.js';
import { checkWork, workerThreads } from './work-budget.js';
import { computeHeapMb } from './off-thread.js';
import { runInterruptibly } from './run-interruptibly.js';
import { optionEstimates } from './option-estimates.js';
import { stopFlag } from './interrupt.js';
import { readPoint, writePoint } from './sweep-point-file.js';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { limits } from '../scenario/limits.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { loadedHash } from '../scenario/hash.js';
import { estimateWork } from '../scenario/work-estimate.js';
import { applySettings } from '../montecarlo/apply-settings.js';
import { parseRangeOption, parseSetOption, type Range, type Setting } from '../montecarlo/setting.js';
import { gridSize, sweepPoints } from '../montecarlo/sweep-points.js';
import { loadSweepPoints } from '../montecarlo/load-sweep-points.js';
import { runSweepPoint } from '../montecarlo/run-sweep-point.js';
import { createRunner } from '../montecarlo/pool.js';
import { shardRange, type Shard } from '../montecarlo/shard.js';
import { jobKey, renderPartial, sealPartial } from '../montecarlo/partial.js';
import type { SweepBody } from '../montecarlo/merge.js';
import { renderSweep, sweepFormats, sweepHeader, sweepResult, type SweepFormat, type SweepPointResult } from '../montecarlo/sweep-report.js';
import { outputFormat } from './out-format.js';
import { resolveOptions } from '../procurement/resolve-options.js';
import { describeInputs } from '../scenario/uncertainty.js';
import { checkSweepMetrics, runComparePoint } from '../procurement/compare-point.js';
import { scenarioArg } from './scenario-arg.js';

export interface SweepOptions {
  set?: string[];
  range?: string[];
  lhs?: number;
  replications: number;
  seed?: number;
  format: SweepFormat;
  out?: string;
  strict?: boolean;
  force?: boolean;
  workers?: number;
  shard?: Shard;
  quiet?: boolean;
  metric?: string[];
  compare?: boolean;
}

/** `capsim sweep`: every point of the grid or hypercube, each with its replications. */
export async function sweep(file: string, opts: SweepOptions, io: Io, command: Command): Promise<void> {
  opts.format = outputFormat(command, sweepFormats) as SweepFormat;
  const grid = (opts.set ?? []).map((text) => parseSetOption(text) ?? command.error(`error: --set ${text}: expected <path>=<v1,v2,...>, e.g. cluster.racks=100,200`, { exitCode: 2 }));
  const ranges: Range[] = (opts.range ?? []).map((text) => parseRangeOption(text) ?? command.error(`error: --range ${text}: expected <path>=<min>:<max> with min < max, e.g. runs[0].mfu=0.3:0.5`, { exitCode: 2 }));
  if ((ranges.length > 0) !== (opts.lhs !== undefined)) command.error('error: --range and --lhs go together: --lhs N points over the --range keys', { exitCode: 2 });
  if (grid.length === 0 && ranges.length === 0) command.error('error: nothing to sweep: give --set <path>=<v1,v2,...> or --range with --lhs', { exitCode: 2 });
  const size = gridSize(grid) * (opts.lhs ?? 1);
  if (size > limits.maxSweepPoints) {
    throw new ScenarioError([error('too-many-points', [opts.lhs === undefined ? '--set' : '--lhs'], `expected at most ${limits.maxSweepPoints.toLocaleString('en-US')} sweep points (each is loaded and checked before any runs), found ${size.toLocaleString('en-US')}`)]);
  }
  const out = outTarget(opts.out);
  const pointsDir = out.kind === 'file' ? `${out.real}.points` : null;
  if (pointsDir) checkPointsFolder(pointsDir, out.kind === 'file' ? out.path : '');

  const arg = await scenarioArg(file, io);
  const load = (editText?: (text: string) => string) => loadScenario(arg.path, { strict: opts.strict ?? false, text: arg.text, editText });
  const base = await load();
  reportWarnings(io, base.warnings);
  const seed = opts.seed ?? base.scenario.seed;
  const settings = sweepPoints(grid, ranges, opts.lhs ?? 0, seed);
  const range = opts.shard ? shardRange(settings.length, opts.shard) : { from: 0, to: settings.length };
  // Every point of the shard loaded like the file (extends, traces and weather files included),
  // its keys set in the text, and checked before any runs; each point's work is estimated.
  const pointAt = (s: readonly Setting[]) => load((text) => applySettings(text, s));
  // With --compare a replication simulates each option (see optionEstimates).
  const perReplication = (loaded: LoadedScenario) => (opts.compare ? optionEstimates(loaded.scenario, resolveOptions(loaded.written, loaded.scenario)) : [{ count: 1, estimate: estimateWork(loaded.scenario) }]);
  const estimates = (await loadSweepPoints(settings, pointAt, perReplication, range)).flat();
  const include = opts.metric ?? [];
  // A --metric is checked on one replication of the first point before the sweep (see checkSweepMetrics).
  const check = include.length > 0 && !opts.compare && estimates[0] ? [{ count: 1, estimate: estimates[0].estimate }] : [];
  const threads = workerThreads(io, opts.workers, opts.replications, opts.force ?? false);
  checkWork(
    {
      what: `${range.to - range.from} sweep points of ${opts.replications} replications${opts.compare ? ' of every option' : ''}`,
      simulations: [...estimates.map((s) => ({ count: s.count * opts.replications, estimate: s.estimate })), ...check],
      threads,
    },
    file,
    opts.force ?? false,
  );
  const report = sweepHeader({ version: capsimVersion(), scenarioHash: loadedHash(base), seed, replications: opts.replications }, base.scenario.name, [...grid, ...ranges], describeInputs(base.uncertainty));
  const job = { kind: 'sweep', version: report.capsim.version, items: settings.length, report, include, settings, ...(opts.compare ? { compare: true } : {}) };
  if (pointsDir) makeFolder(pointsDir);

  const { points, reused } = await runPoints(pointAt, range, settings, { key: jobKey(job), seed, include, pointsDir, compare: opts.compare ?? false }, { ...opts, threads }, io).catch((cause: unknown) => {
    // Completed points stay for a resume; a folder with none is not left behind.
    if (pointsDir && readdirSync(pointsDir).length === 0) rmSync(pointsDir, { recursive: true, force: true });
    throw cause;
  });
  if (reused > 0 && !opts.quiet) io.stderr(`sweep: reused ${reused} completed point(s) from ${pointsDir}\n`);
  if (opts.shard) {
    const body: SweepBody = { report, points, include };
    emit(io, renderPartial(sealPartial({ kind: 'sweep', job, shard: opts.shard, format: opts.format, body })), out);
  } else {
    emit(io, renderSweep(sweepResult(report, points, include), opts.format), out);
  }
  if (pointsDir) rmSync(pointsDir, { recursive: true, force: true });
}

/** `<out>.points` may already exist (a sweep to resume), as a folder; anything else there is refused. */
function checkPointsFolder(pointsDir: string, out: string): void {
  let isFolder: boolean;
  try {
    isFolder = lstatSync(pointsDir).isDirectory();
  } catch {
    return;
  }
  if (!isFolder) throw new ScenarioError([{ ...error('unwritable', ['--out'], `cannot keep the sweep's completed points in ${pointsDir}: it exists and is not a folder`), file: out }]);
}

/** The points folder, made if missing: not recursively, its parent is --out's folder, checked to exist. */
function makeFolder(path: string): void {
  try {
    mkdirSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
  }
}

interface PointJob {
  key: string;
  seed: number;
  include: string[];
  pointsDir: string | null;
  compare: boolean;
}

/**
 * The points [from, to), in order: each reused from an earlier, interrupted sweep when its file is
 * there and verifies, else loaded, run and written atomically before the next starts.
 */
async function runPoints(
  pointAt: (settings: readonly Setting[]) => Promise<LoadedScenario>,
  range: { from: number; to: number },
  settings: Setting[][],
  job: PointJob,
  opts: SweepOptions & { threads: number },
  io: Io,
): Promise<{ points: SweepPointResult[]; reused: number }> {
  const runner = createRunner(opts.threads, { offThread: io.offThread ?? false, heapMb: computeHeapMb });
  const progress = createProgress(io, opts.quiet ?? false, 'sweep');
  const total = (range.to - range.from) * opts.replications;
  const points: SweepPointResult[] = [];
  let reused = 0;
  try {
    await runInterruptibly(runner, async () => {
      if (job.include.length > 0) {
        // A mistyped --metric is refused before the sweep, on the first point (on the runner: Ctrl-C stays live).
        const first = await pointAt(settings[range.from] as Setting[]);
        await checkSweepMetrics(job.include, first, { seed: job.seed, compare: job.compare, provenance: { version: capsimVersion(), scenarioHash: loadedHash(first) } }, runner);
      }
      for (let i = range.from; i < range.to; i += 1) {
        const pointFile = job.pointsDir ? join(job.pointsDir, `point-${i}.json`) : null;
        const pointKey = jobKey({ key: job.key, point: i });
        const done = pointFile ? await readPoint(pointFile, pointKey, i, settings[i] as Setting[], opts.replications) : null;
        if (done) reused += 1;
        const before = (i - range.from) * opts.replications;
        let result = done;
        if (!result) {
          const loaded = await pointAt(settings[i] as Setting[]);
          const at = { point: i, settings: settings[i] as Setting[], scenario: loaded.scenario, provenance: { version: capsimVersion(), scenarioHash: loadedHash(loaded) }, uncertainty: loaded.uncertainty };
          const run = { seed: job.seed, replications: opts.replications, include: job.include, stop: stopFlag };
          const onProgress = (n: number) => progress.update(before + n, total);
          result = job.compare ? await runComparePoint({ point: i, settings: at.settings, loaded }, run, runner, onProgress) : await runSweepPoint(at, run, runner, onProgress);
          if (pointFile) writePoint(pointFile, pointKey, result);
        }
        points.push(result);
        progress.update(before + opts.replications, total);
      }
    });
  } finally {
    progress.stop();
    await runner.close();
  }
  return { points, reused };
}
