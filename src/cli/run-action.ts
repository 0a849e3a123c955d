import type { Command } from 'commander';
import type { Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { reportTarget, writeRendered } from './report-output.js';
import { reportFormats, type ReportFormat, type ReportOptions } from './report-options.js';
import type { MonteCarloRunOptions } from './replications.js';
import { monteCarloFormats } from '../montecarlo/output-formats.js';
import { outputFormat } from './out-format.js';
import { loadScenarioArg } from './scenario-arg.js';
import { computeOffThread } from './off-thread.js';
import { checkWork } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';

export type RunOptions = ReportOptions & { seed?: number; strict?: boolean; force?: boolean } & MonteCarloRunOptions;

/** `capsim run`: one run's report, or with --replications (--workers, --shard) Monte Carlo. */
export async function runAction(file: string, opts: RunOptions, io: Io, command: Command): Promise<void> {
  const monteCarlo = opts.replications !== undefined || opts.shard || opts.workers;
  const available = monteCarlo ? [...monteCarloFormats, 'html'] : reportFormats;
  opts.format = outputFormat(command, available, monteCarlo ? 'capsim run --replications' : 'capsim run') as ReportFormat;
  if (monteCarlo) return (await import('./replications.js')).runReplications(file, opts, io, command);
  // --out is checked once before the scenario is read, and its tables (which depend on it) after.
  reportTarget(io, opts, null);
  const [{ loadedHash }, { estimateWork }, { resolveOptions }, { scenarioAt }] = await Promise.all([
    import('../scenario/hash.js'),
    import('../scenario/work-estimate.js'),
    import('../procurement/resolve-options.js'),
    import('../scenario/uncertainty.js'),
  ]);
  const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
  reportWarnings(io, loaded.warnings);
  const target = reportTarget(io, opts, loaded.scenario);
  // One run is replication 0: uncertain inputs take the values drawn for it; the comparison of
  // options in the table, Markdown and HTML reports is on the same draws as the run.
  const at = scenarioAt(loaded, opts.seed ?? loaded.scenario.seed, 0);
  // The table, Markdown and HTML reports of a scenario with options also compare them, one replication each.
  const compared = opts.format !== 'json' && opts.format !== 'csv' && at.written.options ? optionEstimates(at.scenario, resolveOptions(at.written, at.scenario)) : [];
  checkWork({ what: 'the run', simulations: [{ count: 1, estimate: estimateWork(at.scenario) }, ...compared], threads: 1 }, file, opts.force ?? false);
  const rendered = await computeOffThread(
    {
      kind: 'run',
      scenario: at.scenario,
      written: at.written,
      inputs: at.inputs,
      seed: opts.seed,
      provenance: { version: capsimVersion(), scenarioHash: loadedHash(loaded) },
      format: opts.format,
      resolution: opts.resolution ?? 'day',
      series: opts.series ?? false,
      colour: io.isTty && target.kind === 'one' && target.out.kind === 'stdout' && !process.env['NO_COLOR'],
    },
    io.offThread ?? false,
  );
  writeRendered(io, rendered, target);
}
