import { Command, Option } from 'commander';
import type { Io } from './io.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { formatOption, resolutionOption, writeReport, type ReportOptions } from './report-output.js';
import { metricOption, quietOption, replicationsOption, shardOption, workersOption } from './montecarlo-options.js';
import { runReplications, type MonteCarloRunOptions } from './replications.js';

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('simulate a scenario over its whole term and report utilization and cost per run')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(seedOption())
    .addOption(formatOption())
    .addOption(resolutionOption())
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout; for csv a directory or a file prefix')
    .addOption(strictOption())
    .addOption(replicationsOption())
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(quietOption())
    .addOption(metricOption())
    .action(async (file: string, opts: ReportOptions & { seed?: number; strict?: boolean } & MonteCarloRunOptions, command: Command) => {
      if (opts.replications !== undefined || opts.shard || opts.workers) return runReplications(file, opts, io, command);
      const [{ loadScenario }, { simulate }, { summarize }, { scenarioHash }] = await Promise.all([
        import('../scenario/load.js'),
        import('../engine/simulate.js'),
        import('../reports/summary.js'),
        import('../scenario/hash.js'),
      ]);
      const loaded = await loadScenario(file, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const record = simulate(loaded.scenario, opts.seed === undefined ? {} : { seed: opts.seed });
      const summary = summarize(record, { version: capsimVersion(), scenarioHash: scenarioHash(loaded.written) });
      await writeReport(io, opts, summary, record, loaded);
    });
}
