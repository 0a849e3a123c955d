import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Io } from './io.js';
import { limits } from '../scenario/limits.js';
import { seedOption, strictOption } from './common.js';
import { examples } from './examples.js';
import { scenarioArgHelp } from './scenario-arg.js';
import type { SizeOptions } from './size-action.js';

/**
 * A percentile of hours as a percentage: 99 is the hour warmer than 99% of hours. Sizing asks about
 * hot hours, so the range is [50, 100); a fraction such as 0.999 is refused with the percentage it
 * probably meant, rather than read as the 0.999th percentile (a winter night).
 */
function parsePercentile(value: string): number {
  const p = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(p >= 50 && p < 100)) {
    const meant = p > 0 && p < 1 ? `; did you mean ${Number((p * 100).toFixed(3))} (a percentage)?` : '';
    throw new InvalidArgumentError(`expected a percentile of hours as a percentage in [50, 100), such as 99 or 99.6, found "${value}"${meant}`);
  }
  return p;
}

function parseYears(value: string): number {
  const years = Number(value);
  if (!/^\d+$/.test(value) || years < 1 || years > limits.maxSizingYears) throw new InvalidArgumentError(`expected a whole number of years in 1..${limits.maxSizingYears}, found "${value}"`);
  return years;
}

function parseMw(value: string): number {
  const mw = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(mw > 0)) throw new InvalidArgumentError(`expected megawatts > 0, found "${value}"`);
  return mw;
}

/**
 * `capsim size`: how many racks of the scenario's type its power envelope runs at full power on
 * the site's design day, and at a chosen percentile hour of its weather, with every assumption
 * printed beside the answer.
 */
export function registerSize(program: Command, io: Io): void {
  program
    .command('size')
    .description("how many racks the facility's envelope runs at full power on the design day (and at a percentile hour)")
    .argument('<scenario>', `${scenarioArgHelp}, with a facility section`)
    .option('--envelope-mw <mw>', 'supply to size for (default: grid + all turbines, and with the largest turbine out; battery excluded)', parseMw)
    .addOption(new Option('--envelope-basis <basis>', 'whether the envelope is facility MW at the meter or IT (critical) MW').choices(['facility', 'it']).default('facility'))
    .addOption(new Option('--percentile <p>', 'also size at the hour warmer than p% of hours in the weather (a percentage, 50 to under 100)').argParser(parsePercentile).default(99))
    .option('--years <n>', `years of synthetic weather for the percentile (default 30, at most ${limits.maxSizingYears})`, parseYears)
    .addOption(seedOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-o, --out <file>', 'write the answer to a file (atomically) instead of stdout (- is stdout); a .json file name sets --format json')
    .addOption(strictOption())
    .addHelpText('after', examples(['capsim size scenarios/colossus-2-150mw.yaml', 'capsim size scenarios/colossus-2-150mw.yaml --envelope-mw 200 --percentile 99.9 --out sizing.json', 'capsim size scenarios/colossus-2-150mw.yaml --envelope-mw 150 --envelope-basis it']))
    // The sizing's modules (the scenario loader, the computing thread, the writer) load only when it runs.
    .action(async (file: string, opts: SizeOptions, command: Command) => (await import('./size-action.js')).sizeAction(file, opts, io, command));
}
