import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { seedOption, strictOption } from './common.js';
import { parseReplications } from './compare.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { scenarioArgHelp } from './scenario-arg.js';
import { workersOption } from './montecarlo-options.js';
import { forceOption } from './work-budget.js';
import type { BreakEvenOptions } from './breakeven-action.js';

function parseBetween(value: string): [string, string] {
  const names = value.split(',').map((v) => v.trim());
  if (names.length !== 2 || names.some((n) => n === '') || names[0] === names[1]) throw new InvalidArgumentError(`expected two option names as A,B, found "${value}"`);
  return names as [string, string];
}

function parseRange(value: string): [number, number] {
  const m = /^\s*(-?[\d.eE+-]+)\s*:\s*(-?[\d.eE+-]+)\s*$/.exec(value);
  const [low, high] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) throw new InvalidArgumentError(`expected MIN:MAX with MIN < MAX, found "${value}"`);
  return [low, high];
}

function parseTolerance(value: string): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new InvalidArgumentError(`expected a positive number, found "${value}"`);
  return n;
}

export function registerBreakEven(program: Command, io: Io): void {
  program
    .command('breakeven')
    .description('the value of one input (a scenario key, or a named factor such as utilization) at which two options cost the same, by bisection on simulated costs')
    .argument('<scenario>', scenarioArgHelp)
    .requiredOption('--vary <path|parameter>', 'a numeric key path (cluster.racks, options[1].priceUsdPerGpuHour) or a factor: cloud-price, lease-fee, failure-rate, mfu, utilization, pue, power-price, racks, restart-time, checkpoint-write')
    .addOption(new Option('--between <a,b>', 'the two options compared').argParser(parseBetween).makeOptionMandatory())
    .addOption(new Option('--range <min:max>', 'where to look (default: a key from a quarter to four times its value, within its bounds; a factor 0.25:4)').argParser(parseRange))
    .addOption(new Option('-r, --replications <n>', 'paired replications at every value').argParser(parseReplications).default(20))
    .addOption(new Option('--tolerance <t>', 'bisection stops when the bracket is this narrow (default: a thousandth of the range; whole-number keys: 1)').argParser(parseTolerance))
    .addOption(seedOption())
    .addOption(workersOption())
    .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout (- is stdout); a .json file name sets --format json')
    .addOption(strictOption())
    .addOption(forceOption())
    .addHelpText(
      'after',
      examples([
        'capsim breakeven scenarios/lease-vs-cloud.yaml --vary options[1].priceUsdPerGpuHour --between reflection-lease,coreweave-gb200 --range 5:30',
        'capsim breakeven scenarios/lease-vs-cloud.yaml --vary utilization --between reflection-lease,hyperscaler-b200 --range 0.2:2',
        'capsim breakeven scenarios/lease-tenant-share.yaml --vary cluster.racks --between tenant-lease,coreweave-gb200 --range 100:1000',
      ]),
    )
    .action(async (file: string, opts: BreakEvenOptions, command: Command) => {
      opts.format = outputFormat(command, ['table', 'json']) as 'table' | 'json';
      // The search's modules (the loader, procurement, the pool) load only when it runs.
      await (await import('./breakeven-action.js')).breakEven(file, opts, io);
    });
}
