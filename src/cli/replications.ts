import type { Command } from 'commander';
import type { Io } from './io.js';
import { emit } from './emit.js';
import { outTarget } from './out-target.js';
import { budgetedRunner } from './work-budget.js';
import { computeOffThread } from './off-thread.js';
import { runInterruptibly } from './run-interruptibly.js';
import { stopFlag } from './interrupt.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { createProgress } from './progress.js';
import { loadScenarioArg } from './scenario-arg.js';
import { loadedHash } from '../scenario/hash.js';
import { estimateWork } from '../scenario/work-estimate.js';
import { replicate } from '../montecarlo/replicate.js';
import { shardRange, type Shard } from '../montecarlo/shard.js';
import { renderPartial, sealPartial } from '../montecarlo/partial.js';
import { monteCarloReport, type ReportHeader } from '../montecarlo/report.js';
import { monteCarloFormats, renderMonteCarlo, type MonteCarloFormat } from '../montecarlo/render-statistics.js';
import type { ReplicationsBody } from '../montecarlo/merge.js';
import { numericStatistics } from '../montecarlo/metric-accumulator.js';
import { checkMetrics } from '../montecarlo/check-metrics.js';
import { describeInputs, scenarioAt } from '../scenario/uncertainty.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { BlockRunner } from '../montecarlo/pool.js';
import { resolveOptions } from '../procurement/resolve-options.js';
import { optionEstimates } from './option-estimates.js';

/** The options `capsim run` gains for Monte Carlo. */
export interface MonteCarloRunOptions {
  replications?: number;
  workers?: number;
  shard?: Shard;
  quiet?: boolean;
  metric?: string[];
}

export interface ReplicationsOptions extends MonteCarloRunOptions {
  seed?: number;
  format: string;
  out?: string;
  strict?: boolean;
  force?: boolean;
}

/** `capsim run --replications R`: all of them, or one shard's partial result. */
export async function runReplications(file: string, opts: ReplicationsOptions, io: Io, command: Command): Promise<void> {
  const replications = opts.replications;
  if (replications === undefined) {
    return command.error('error: --workers and --shard need --replications', { exitCode: 2 });
  }
  if (!(monteCarloFormats as readonly string[]).includes(opts.format) && !(opts.format === 'html' && !opts.shard)) {
    command.error(`error: --format ${opts.format} is not available with --replications; use ${monteCarloFormats.join(', ')}, or html without --shard`, { exitCode: 2 });
  }
  const out = outTarget(opts.out);
  const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
  reportWarnings(io, loaded.warnings);
  const seed = opts.seed ?? loaded.scenario.seed;
  const hash = loadedHash(loaded);
  const inputs = describeInputs(loaded.uncertainty);
  const header: ReportHeader = { version: capsimVersion(), scenarioHash: hash, seed, scenarioName: loaded.scenario.name, ...(inputs.length > 0 ? { uncertainInputs: inputs } : {}) };
  const include = opts.metric ?? [];
  const range = opts.shard ? shardRange(replications, opts.shard) : { from: 0, to: replications };

  const count = range.to - range.from;
  // The HTML page simulates replication 0 again; a --metric is checked on one replication first.
  const extra = (opts.format === 'html' ? 1 : 0) + (include.length > 0 ? 1 : 0);
  // The page also compares the scenario's options over the same replications.
  const options = opts.format === 'html' && Array.isArray((loaded.written as { options?: unknown }).options) ? resolveOptions(loaded.written, loaded.scenario) : [];
  const simulations = [{ count: count + extra, estimate: estimateWork(loaded.scenario) }, ...optionEstimates(loaded.scenario, options).map((s) => ({ count: s.count * count, estimate: s.estimate }))];
  const runner = await budgetedRunner(io, { what: `${count} replications`, simulations, asked: opts.workers, blocks: count }, file, opts.force ?? false);
  const progress = createProgress(io, opts.quiet ?? false, 'replications');
  const provenance = { version: header.version, scenarioHash: hash };
  try {
    const task = { scenario: loaded.scenario, seed, provenance, uncertainty: loaded.uncertainty, stop: stopFlag };
    const result = await runInterruptibly(runner, async () => {
      // A mistyped --metric is refused on one replication, before the others run.
      await checkMetrics(include, task, runner);
      return replicate({ ...task, ...range }, runner, (done, total) => progress.update(done, total));
    });
    progress.stop();
    if (opts.shard) {
      const job = { kind: 'replications', version: header.version, items: replications, header, include };
      const body: ReplicationsBody = { header, include, accumulator: result.accumulator.toData() };
      emit(io, renderPartial(sealPartial({ kind: 'replications', job, shard: opts.shard, format: opts.format, body })), out);
    } else if (opts.format === 'html') {
      const { replicationsInput } = await import('../reports/html/replications.js');
      const input = replicationsInput(result.accumulator.replications, numericStatistics(result.accumulator.statistics()), result.accumulator.toData());
      // The options over the same replications (the same draws), so the page keeps its comparison.
      const optionsProgress = createProgress(io, opts.quiet ?? false, 'options');
      const sections = await runInterruptibly(runner, () => replicatedOptions(loaded, seed, replications, runner, (done, total) => optionsProgress.update(done, total))).finally(() => optionsProgress.stop());
      const rendered = await computeOffThread({ kind: 'replications-html', scenario: scenarioAt(loaded, seed, 0).scenario, seed, provenance, input, sections }, io.offThread ?? false);
      emit(io, 'text' in rendered ? rendered.text : '', out);
    } else {
      emit(io, renderMonteCarlo(monteCarloReport(header, result.accumulator, include), opts.format as MonteCarloFormat), out);
    }
  } finally {
    progress.stop();
    await runner.close();
  }
}

/** A scenario's procurement options compared over the run's replications, for its HTML page; none without options. */
async function replicatedOptions(loaded: LoadedScenario, seed: number, replications: number, runner: BlockRunner, onProgress: (done: number, total: number) => void): Promise<Record<string, unknown>> {
  const options = (loaded.written as { options?: unknown }).options;
  if (!Array.isArray(options) || options.length === 0) return {};
  const [{ compareOptionsOn }, { optionSections }] = await Promise.all([import('../procurement/compare.js'), import('./option-sections.js')]);
  const c = await compareOptionsOn(runner, loaded, resolveOptions(loaded.written, loaded.scenario), { seed, replications, onProgress }, { version: '', scenarioHash: '' });
  return optionSections(c);
}
