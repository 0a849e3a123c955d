import { Command } from 'commander';
import type { Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { formatOption, reportFormats, reportTarget, resolutionOption, seriesOption, writeRendered, type ReportFormat, type ReportOptions } from './report-output.js';
import { metricOption, quietOption, replicationsOption, shardOption, workersOption } from './montecarlo-options.js';
import { runReplications, type MonteCarloRunOptions } from './replications.js';
import { monteCarloFormats } from '../montecarlo/render-statistics.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp } from './scenario-arg.js';
import { computeOffThread } from './off-thread.js';
import { checkWork, forceOption } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('simulate a scenario over its whole term and report utilization and cost per run')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(formatOption())
    .addOption(resolutionOption())
    .addOption(seriesOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout (- is stdout); its extension (.json, .md, .csv, .html) sets the format when --format is absent; for csv a directory or a file prefix')
    .addOption(strictOption())
    .addOption(forceOption())
    .addOption(replicationsOption())
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(quietOption())
    .addOption(metricOption())
    .addHelpText(
      'after',
      examples([
        'capsim run scenarios/small.yaml',
        'capsim run scenarios/colossus-2-reflection.yaml --out report.html',
        'cat scenarios/small.yaml | capsim run - --format json',
        'capsim run scenarios/colossus-2-reflection.yaml --replications 1000 --metric cluster money',
      ]),
    )
    .action(async (file: string, opts: ReportOptions & { seed?: number; strict?: boolean; force?: boolean } & MonteCarloRunOptions, command: Command) => {
      const monteCarlo = opts.replications !== undefined || opts.shard || opts.workers;
      const available = monteCarlo ? [...monteCarloFormats, 'html'] : reportFormats;
      opts.format = outputFormat(command, available, monteCarlo ? 'capsim run --replications' : 'capsim run') as ReportFormat;
      if (monteCarlo) return runReplications(file, opts, io, command);
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
    });
}
