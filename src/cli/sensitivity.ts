import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { seedOption, strictOption } from './common.js';
import { parseReplications } from './compare.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { scenarioArgHelp } from './scenario-arg.js';
import { rackCatalog } from '../catalog/racks.js';
import { sensitivityParameterNames } from '../procurement/sensitivity-parameter-names.js';
import { workersOption } from './montecarlo-options.js';
import { forceOption } from './work-budget.js';
import type { SensitivityOptions } from './sensitivity-action.js';

const parameterNames = [...sensitivityParameterNames];

function parseGpuTypes(value: string): [string, string] {
  const ids = value.split(',').map((v) => v.trim());
  const known = Object.keys(rackCatalog);
  if (ids.length !== 2 || ids.some((id) => !known.includes(id))) throw new InvalidArgumentError(`expected two catalog racks as low,high (${known.join(', ')}), found "${value}"`);
  return ids as [string, string];
}

function parseFactor(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new InvalidArgumentError(`expected a positive factor such as 0.8, found "${value}"`);
  return n;
}

export const sensitivityFormats = ['table', 'json', 'md', 'html'] as const;
export type SensitivityFormat = (typeof sensitivityFormats)[number];

export function registerSensitivity(program: Command, io: Io): void {
  program
    .command('sensitivity')
    .description('vary named parameters one at a time and rank their effect on the lease-vs-cloud difference (a tornado)')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(new Option('-r, --replications <n>', 'paired replications per point').argParser(parseReplications).default(1))
    .addOption(new Option('--low <factor>', 'low multiplier of each parameter').argParser(parseFactor).default(0.8))
    .addOption(new Option('--high <factor>', 'high multiplier of each parameter').argParser(parseFactor).default(1.2))
    .option('--lease <option>', 'the lease (or hybrid) option (default: the first lease)')
    .option('--against <option>', 'the cloud option (default: the first cloud option)')
    .addOption(new Option('-p, --parameters <names...>', 'parameters to vary').choices(parameterNames).default(parameterNames))
    .addOption(new Option('--gpu-types <low,high>', 'the GPU type\'s low and high: two catalog rack ids').argParser(parseGpuTypes).default(['gb200-nvl72', 'gb300-nvl72']))
    .addOption(workersOption())
    .addOption(new Option('-f, --format <format>', 'report format: a table, JSON, Markdown, or a page with the tornado (html)').choices([...sensitivityFormats]).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout (- is stdout); a .json file name sets --format json')
    .addOption(strictOption())
    .addOption(forceOption())
    .addHelpText('after', examples(['capsim sensitivity scenarios/lease-vs-cloud.yaml', 'capsim sensitivity scenarios/lease-vs-cloud.yaml --out tornado.html', 'capsim sensitivity scenarios/lease-vs-cloud.yaml --low 0.8 --high 1.2 --against coreweave-gb200 --out tornado.json']))
    .action(async (file: string, opts: SensitivityOptions, command: Command) => {
      opts.format = outputFormat(command, sensitivityFormats) as SensitivityFormat;
      // The sensitivity's modules (procurement, the pool, the reports) load only when it runs.
      return (await import('./sensitivity-action.js')).sensitivityAction(file, opts, io, command);
    });
}
