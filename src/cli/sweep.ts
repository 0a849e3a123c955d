import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { emit, writeFileAtomic, type Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { createProgress } from './progress.js';
import { defaultWorkers, metricOption, quietOption, shardOption, workersOption } from './montecarlo-options.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { loadedHash } from '../scenario/hash.js';
import { applySettings } from '../montecarlo/apply-settings.js';
import { parseRangeOption, parseSetOption, type Range, type Setting } from '../montecarlo/setting.js';
import { sweepPoints } from '../montecarlo/sweep-points.js';
import { loadSweepPoints } from '../montecarlo/load-sweep-points.js';
import { runSweepPoint } from '../montecarlo/run-sweep-point.js';
import { createRunner } from '../montecarlo/pool.js';
import { shardRange, type Shard } from '../montecarlo/shard.js';
import { jobKey, renderPartial, type Partial } from '../montecarlo/partial.js';
import type { SweepBody } from '../montecarlo/merge.js';
import { renderSweep, sweepFormats, sweepHeader, sweepResult, type SweepFormat, type SweepPointResult } from '../montecarlo/sweep-report.js';
import { outputFormat } from './out-format.js';
import { describeInputs } from '../scenario/uncertainty.js';
import { checkSweepMetrics, runComparePoint } from '../procurement/compare-point.js';
import { examples } from './examples.js';
import { scenarioArg, scenarioArgHelp } from './scenario-arg.js';

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
  compare?: boolean;
}

export function registerSweep(program: Command, io: Io): void {
  program
    .command('sweep')
    .description('run a scenario over a grid (and/or a Latin hypercube) of settings, with replications at each point')
    .argument('<scenario>', scenarioArgHelp)
    .option('--set <path=v1,v2,...>', 'a key and the values it takes (repeatable; the grid is every combination)', collect, [])
    .option('--range <path=min:max>', 'a key and its range for the Latin hypercube (repeatable; whole bounds give whole values)', collect, [])
    .addOption(new Option('--lhs <n>', 'points of the Latin hypercube over the --range keys').argParser(positive))
    .addOption(new Option('-r, --replications <n>', 'replications at each point').argParser(positive).default(100))
    .addOption(seedOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(sweepFormats).default('csv'))
    .option('-o, --out <file>', 'write the result to a file (atomically; a .json or .csv file name sets the format when --format is absent); completed points are kept beside it, in <file>.points/, so that an interrupted sweep resumes')
    .addOption(strictOption())
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(quietOption())
    .addOption(metricOption())
    .option('--compare', "at every point, compare the scenario's procurement options: each option's NPV and cost statistics, P(cheapest) and the paired NPV difference from the first")
    .addHelpText(
      'after',
      examples([
        'capsim sweep scenarios/colossus-2-150mw.yaml --set facility.supply.gridMw=120,150,200 --set cluster.racks=919,1000 --replications 200 --out sweep.csv',
        'capsim sweep scenarios/colossus-2-reflection.yaml --range runs[1].mfu=0.25:0.45 --lhs 16 --out sweep.json',
        'capsim sweep s.yaml --set cluster.racks=200,278 --shard 1/2 --out part-1.json   # then capsim merge part-*.json',
        'capsim sweep scenarios/lease-tenant-share.yaml --compare --set cluster.racks=278,600,919 --set options[1].priceUsdPerGpuHour=6,10.5 --replications 10 --out map.csv',
      ]),
    )
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
  opts.format = outputFormat(command, sweepFormats) as SweepFormat;
  const grid = (opts.set ?? []).map((text) => parseSetOption(text) ?? command.error(`error: --set ${text}: expected <path>=<v1,v2,...>, e.g. cluster.racks=100,200`, { exitCode: 2 }));
  const ranges: Range[] = (opts.range ?? []).map((text) => parseRangeOption(text) ?? command.error(`error: --range ${text}: expected <path>=<min>:<max> with min < max, e.g. runs[0].mfu=0.3:0.5`, { exitCode: 2 }));
  if ((ranges.length > 0) !== (opts.lhs !== undefined)) command.error('error: --range and --lhs go together: --lhs N points over the --range keys', { exitCode: 2 });
  if (grid.length === 0 && ranges.length === 0) command.error('error: nothing to sweep: give --set <path>=<v1,v2,...> or --range with --lhs', { exitCode: 2 });

  const arg = await scenarioArg(file, io);
  const load = (editText?: (text: string) => string) => loadScenario(arg.path, { strict: opts.strict ?? false, text: arg.text, editText });
  const base = await load();
  reportWarnings(io, base.warnings);
  const seed = opts.seed ?? base.scenario.seed;
  const settings = sweepPoints(grid, ranges, opts.lhs ?? 0, seed);
  // Every point loaded like the file (extends, traces and weather files included), its keys set in the text.
  const scenarios = await loadSweepPoints(settings, (s) => load((text) => applySettings(text, s)));
  const include = opts.metric ?? [];
  const first = scenarios[0] as LoadedScenario;
  checkSweepMetrics(include, first, { seed, compare: opts.compare ?? false, provenance: { version: capsimVersion(), scenarioHash: loadedHash(first) } });
  const report = sweepHeader({ version: capsimVersion(), scenarioHash: loadedHash(base), seed, replications: opts.replications }, base.scenario.name, [...grid, ...ranges], describeInputs(base.uncertainty));
  const key = jobKey({ kind: 'sweep', report, include, settings, ...(opts.compare ? { compare: true } : {}) });
  const range = opts.shard ? shardRange(settings.length, opts.shard) : { from: 0, to: settings.length };
  const pointsDir = opts.out ? `${opts.out}.points` : null;
  if (pointsDir) await mkdir(pointsDir, { recursive: true });

  const { points, reused } = await runPoints(range, settings, scenarios, { key, seed, include, pointsDir }, opts, io);
  if (reused > 0 && !opts.quiet) io.stderr(`sweep: reused ${reused} completed point(s) from ${pointsDir}\n`);
  if (opts.shard) {
    const partial: Partial<'sweep', SweepBody> = { capsimPartial: 1, kind: 'sweep', key, shard: opts.shard, format: opts.format, body: { report, points, include } };
    await emit(io, renderPartial(partial), opts.out);
  } else {
    await emit(io, renderSweep(sweepResult(report, points, include), opts.format), opts.out);
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
      const loaded = scenarios[i] as LoadedScenario;
      const at = { point: i, settings: settings[i] as Setting[], scenario: loaded.scenario, provenance: { version: capsimVersion(), scenarioHash: loadedHash(loaded) }, uncertainty: loaded.uncertainty };
      const run = { seed: job.seed, replications: opts.replications, include: job.include };
      const onProgress = (n: number) => progress.update(before + n, total);
      const result =
        done ?? (opts.compare ? await runComparePoint({ point: i, settings: settings[i] as Setting[], loaded }, run, runner, onProgress) : await runSweepPoint(at, run, runner, onProgress));
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

/** A completed point written by an earlier, interrupted sweep of the same job; null if none. */
async function readPoint(file: string, key: string): Promise<SweepPointResult | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { key?: string; result?: SweepPointResult };
    return saved.key === key && saved.result ? saved.result : null;
  } catch {
    return null;
  }
}

