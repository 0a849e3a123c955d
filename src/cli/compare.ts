import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { parseWholeNumber, seedOption, strictOption } from './common.js';
import { examples } from './examples.js';
import { scenarioArgHelp } from './scenario-arg.js';
import { quietOption, workersOption } from './montecarlo-options.js';
import { forceOption } from './work-budget.js';
import { limits } from '../scenario/limits.js';
import { outputFormat } from './out-format.js';
import type { CompareOptions } from './compare-action.js';

export function parseReplications(value: string): number {
  const n = parseWholeNumber(value);
  if (n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, found "${value}"`);
  if (n > limits.maxReplications) throw new InvalidArgumentError(`expected at most ${limits.maxReplications.toLocaleString('en-US')} replications, found ${value}`);
  return n;
}

export const compareFormats = ['table', 'json', 'md', 'html'] as const;
export type CompareFormat = (typeof compareFormats)[number];

export function registerCompare(program: Command, io: Io): void {
  program
    .command('compare')
    .description('run the workload under every procurement option (lease, cloud, own) on its own hardware and the same random streams, and rank them by the cost of the same work')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(new Option('-r, --replications <n>', 'paired replications: 95% intervals of the differences and P(cheapest) need 2 or more').argParser(parseReplications).default(20))
    .addOption(new Option('-f, --format <format>', 'report format: a table, JSON, Markdown, or the decision page (html)').choices(['table', 'json', 'md', 'html']).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout (- is stdout); a .json file name sets --format json')
    .addOption(strictOption())
    .addOption(forceOption())
    .addOption(workersOption())
    .addOption(quietOption())
    .addHelpText(
      'after',
      examples([
        'capsim compare scenarios/lease-vs-cloud.yaml --replications 20',
        'capsim compare scenarios/lease-tenant-share.yaml --replications 40',
        'capsim compare scenarios/lease-vs-cloud.yaml --replications 50 --out decision.html',
        'capsim compare scenarios/lease-vs-cloud.yaml --out compare.json',
      ]),
    )
    .action(async (file: string, opts: CompareOptions, command: Command) => {
      opts.format = outputFormat(command, compareFormats) as CompareFormat;
      // The comparison's modules (procurement, the pool, the reports) load only when it runs.
      return (await import('./compare-action.js')).compareAction(file, opts, io, command);
    });
}
