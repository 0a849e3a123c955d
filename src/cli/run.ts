import { Command, Option } from 'commander';
import type { Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { formatOption, reportFormats, resolutionOption, seriesOption, writeReport, type ReportFormat, type ReportOptions } from './report-output.js';
import { metricOption, quietOption, replicationsOption, shardOption, workersOption } from './montecarlo-options.js';
import { runReplications, type MonteCarloRunOptions } from './replications.js';
import { monteCarloFormats } from '../montecarlo/render-statistics.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp } from './scenario-arg.js';

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('simulate a scenario over its whole term and report utilization and cost per run')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(formatOption())
    .addOption(resolutionOption())
    .addOption(seriesOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout; its extension (.json, .md, .csv, .html) sets the format when --format is absent; for csv a directory or a file prefix')
    .addOption(strictOption())
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
    .action(async (file: string, opts: ReportOptions & { seed?: number; strict?: boolean } & MonteCarloRunOptions, command: Command) => {
      const monteCarlo = opts.replications !== undefined || opts.shard || opts.workers;
      const available = monteCarlo ? [...monteCarloFormats, 'html'] : reportFormats;
      opts.format = outputFormat(command, available, monteCarlo ? 'capsim run --replications' : 'capsim run') as ReportFormat;
      if (monteCarlo) return runReplications(file, opts, io, command);
      const [{ simulateScenario }, { leaseScenario }, { summarize }, { loadedHash }, { scenarioAt }] = await Promise.all([
        import('../simulation/simulate-scenario.js'),
        import('../procurement/lease-scenario.js'),
        import('../reports/summary.js'),
        import('../scenario/hash.js'),
        import('../scenario/uncertainty.js'),
      ]);
      const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      // One run is replication 0: uncertain inputs take the values drawn for it.
      const at = scenarioAt(loaded, opts.seed ?? loaded.scenario.seed, 0);
      // The cluster as the lease delivers it: its ramp-in, and its end if notice is given.
      const record = simulateScenario(leaseScenario(at.scenario, at.scenario.lease), opts.seed === undefined ? {} : { seed: opts.seed });
      const summary = summarize(record, { version: capsimVersion(), scenarioHash: loadedHash(loaded) }, at.inputs);
      // Replication 0's scenario: the page's comparison of options is on the same draws as the run.
      await writeReport(io, opts, summary, record, at);
    });
}
