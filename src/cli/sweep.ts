import { Option, type Command } from 'commander';
import type { Io } from './io.js';
import { seedOption, strictOption } from './common.js';
import { metricOption, parsePositive, quietOption, replicationsOption, shardOption, workersOption } from './montecarlo-options.js';
import { forceOption } from './work-budget.js';
import { limits } from '../scenario/limits.js';
import { sweepFormats } from '../montecarlo/output-formats.js';
import { examples } from './examples.js';
import { scenarioArgHelp } from './scenario-arg.js';
import type { SweepOptions } from './sweep-action.js';

export function registerSweep(program: Command, io: Io): void {
  program
    .command('sweep')
    .description('run a scenario over a grid (and/or a Latin hypercube) of settings, with replications at each point')
    .argument('<scenario>', scenarioArgHelp)
    .option('--set <path=v1,v2,...>', 'a key and the values it takes (repeatable; the grid is every combination)', collect, [])
    .option('--range <path=min:max>', 'a key and its range for the Latin hypercube (repeatable; whole bounds give whole values)', collect, [])
    .addOption(new Option('--lhs <n>', `points of the Latin hypercube over the --range keys (at most ${grouped(limits.maxSweepPoints)})`).argParser(parsePositive))
    .addOption(replicationsOption('replications at each point').default(100))
    .addOption(seedOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(sweepFormats).default('csv'))
    .option('-o, --out <file>', 'write the result to a file (atomically; - is stdout; a .json or .csv file name sets the format when --format is absent); completed points are kept beside it, in <file>.points/, so that an interrupted sweep resumes')
    .addOption(strictOption())
    .addOption(forceOption())
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(quietOption())
    .addOption(metricOption())
    .option('--compare', "at every point, compare the scenario's procurement options: each option's NPV and cost statistics, P(cheapest) and the paired NPV difference from the first")
    .addHelpText(
      'after',
      examples([
        'capsim sweep scenarios/colossus-2-150mw.yaml --set facility.supply.gridMw=120,150,200 --set cluster.racks=919,1000 --replications 200 --out sweep.csv',
        'capsim sweep scenarios/colossus-2-reflection.yaml --range runs[1].mfu=0.25:0.45 --lhs 16 --out sweep.json',
        'capsim sweep s.yaml --set cluster.racks=200,278 --shard 1/2 --out part-1.json   # then capsim merge part-*.json',
        'capsim sweep scenarios/lease-tenant-share.yaml --compare --set cluster.racks=278,600,919 --set options[1].priceUsdPerGpuHour=6,10.5 --replications 10 --out map.csv',
      ]),
    )
    // The sweep's modules (the loader, Monte Carlo, the pool) load only when it runs.
    .action(async (file: string, opts: SweepOptions, command: Command) => (await import('./sweep-action.js')).sweep(file, opts, io, command));
}

/**
 * A whole number with its thousands grouped, as toLocaleString('en-US') writes it (10,000), without
 * loading the locale's number formats at every start (about 25 ms of CPU).
 */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
