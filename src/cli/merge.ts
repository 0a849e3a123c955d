import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import { monteCarloFormats, sweepFormats } from '../montecarlo/output-formats.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';

const mergeFormats = [...new Set([...monteCarloFormats, ...sweepFormats])];

export function registerMerge(program: Command, io: Io): void {
  program
    .command('merge')
    .description('combine the partial results of every shard (--shard k/n) into the result of the unsharded run, byte for byte')
    .argument('<partials...>', 'partial result files, one per shard, in any order')
    .addOption(new Option('-f, --format <format>', "output format (default: --out's extension, .json or .csv, else the one the shards were run with)").choices(mergeFormats))
    .option('-o, --out <file>', 'write the result to a file (atomically) instead of stdout (- is stdout)')
    .addHelpText('after', examples(['capsim merge part-1.json part-2.json --out sweep.csv', 'capsim merge results/part-*.json --format json']))
    .action(async (files: string[], opts: { format?: string; out?: string }, command: Command) => {
      const format = outputFormat(command, mergeFormats);
      // The partials' schema and the statistics load only when there is something to merge.
      return (await import('./merge-action.js')).merge(files, { ...opts, format }, io);
    });
}
