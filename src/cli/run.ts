import type { Command } from 'commander';
import type { Io } from './io.js';
import { seedOption, strictOption } from './common.js';
import { formatOption, resolutionOption, seriesOption } from './report-options.js';
import { metricOption, quietOption, replicationsOption, shardOption, workersOption } from './montecarlo-options.js';
import { examples } from './examples.js';
import { scenarioArgHelp } from './scenario-arg.js';
import { forceOption } from './work-budget.js';
import type { RunOptions } from './run-action.js';

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
    // The run's modules (the scenario loader, Monte Carlo, the reports) load only when it runs.
    .action(async (file: string, opts: RunOptions, command: Command) => (await import('./run-action.js')).runAction(file, opts, io, command));
}
