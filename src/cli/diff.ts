import { quietOption } from './montecarlo-options.js';
import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import { forceOption } from './work-budget.js';
import { seedOption, strictOption } from './common.js';
import { parseReplications } from './compare.js';
import { examples } from './examples.js';
import type { DiffOptions } from './diff-action.js';

export function registerDiff(program: Command, io: Io): void {
  program
    .command('diff')
    .description('the same replications of two scenarios (one usually extends the other): every metric side by side, with the paired difference b - a and its 95% interval')
    .argument('<a>', 'the first scenario (YAML or JSON)')
    .argument('<b>', 'the second scenario: usually the first with one thing changed (extends: a.yaml)')
    .addOption(seedOption())
    .addOption(new Option('-r, --replications <n>', 'paired replications').argParser(parseReplications).default(20))
    .addOption(new Option('-m, --metric <paths...>', 'only these metrics: key paths or prefixes (cluster, runs.frontier-pretrain, money.idleCostUsd)'))
    .option('--all', 'list every metric, not only those that differ in some replication')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout (- is stdout); a .json file name sets --format json')
    .addOption(quietOption())
    .addOption(strictOption())
    .addOption(forceOption())
    .addHelpText('after', examples(['capsim diff scenarios/colossus-2-150mw.yaml scenarios/memphis-heat-wave.yaml --metric facility money', 'capsim diff base.yaml with-more-spares.yaml --replications 50 --out diff.json']))
    // The comparison's modules (the scenario loader, the computing thread, the writer) load only when it runs.
    .action(async (fileA: string, fileB: string, opts: DiffOptions, command: Command) => (await import('./diff-action.js')).diffAction(fileA, fileB, opts, io, command));
}
