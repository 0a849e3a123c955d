import type { Command } from 'commander';
import { emit, type Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { createProgress } from './progress.js';
import { defaultWorkers } from './montecarlo-options.js';
import { loadScenarioArg } from './scenario-arg.js';
import { loadedHash } from '../scenario/hash.js';
import { createRunner } from '../montecarlo/pool.js';
import { replicate } from '../montecarlo/replicate.js';
import { shardRange, type Shard } from '../montecarlo/shard.js';
import { jobKey, renderPartial, type Partial } from '../montecarlo/partial.js';
import { monteCarloReport, type ReportHeader } from '../montecarlo/report.js';
import { monteCarloFormats, renderMonteCarlo, type MonteCarloFormat } from '../montecarlo/render-statistics.js';
import type { ReplicationsBody } from '../montecarlo/merge.js';
import { numericStatistics } from '../montecarlo/metric-accumulator.js';
import { checkMetrics } from '../montecarlo/check-metrics.js';
import { describeInputs, scenarioAt } from '../scenario/uncertainty.js';

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
  const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
  reportWarnings(io, loaded.warnings);
  const seed = opts.seed ?? loaded.scenario.seed;
  const hash = loadedHash(loaded);
  const inputs = describeInputs(loaded.uncertainty);
  const header: ReportHeader = { version: capsimVersion(), scenarioHash: hash, seed, scenarioName: loaded.scenario.name, ...(inputs.length > 0 ? { uncertainInputs: inputs } : {}) };
  const include = opts.metric ?? [];
  const range = opts.shard ? shardRange(replications, opts.shard) : { from: 0, to: replications };

  checkMetrics(include, { scenario: loaded.scenario, seed, provenance: { version: header.version, scenarioHash: hash }, uncertainty: loaded.uncertainty });
  const runner = createRunner(opts.workers ?? defaultWorkers());
  const progress = createProgress(io, opts.quiet ?? false, 'replications');
  try {
    const result = await replicate(
      { scenario: loaded.scenario, seed, ...range, provenance: { version: header.version, scenarioHash: hash }, uncertainty: loaded.uncertainty },
      runner,
      (done, total) => progress.update(done, total),
    );
    progress.stop();
    if (opts.shard) {
      const partial: Partial<'replications', ReplicationsBody> = {
        capsimPartial: 1,
        kind: 'replications',
        key: jobKey({ kind: 'replications', header, replications: replications, include }),
        shard: opts.shard,
        format: opts.format,
        body: { header, include, accumulator: result.accumulator.toData() },
      };
      await emit(io, renderPartial(partial), opts.out);
    } else if (opts.format === 'html') {
      const [{ renderReplicationsHtml }, { replicationsInput }] = await Promise.all([import('../reports/html/replications-page.js'), import('../reports/html/replications.js')]);
      const input = replicationsInput(result.accumulator.replications, numericStatistics(result.accumulator.statistics()), result.accumulator.toData());
      await emit(io, await renderReplicationsHtml(scenarioAt(loaded, seed, 0).scenario, seed, { version: header.version, scenarioHash: hash }, input), opts.out);
    } else {
      await emit(io, renderMonteCarlo(monteCarloReport(header, result.accumulator, include), opts.format as MonteCarloFormat), opts.out);
    }
  } finally {
    progress.stop();
    await runner.close();
  }
}
