import { quietOption } from './montecarlo-options.js';
import { Option, type Command } from 'commander';
import { emit, type Io } from './io.js';
import { outTarget } from './out-target.js';
import { computeOffThread } from './off-thread.js';
import { checkWork, forceOption } from './work-budget.js';
import { capsimVersion } from './version.js';
import { reportWarnings, seedOption, strictOption } from './common.js';
import { parseReplications } from './compare.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg } from './scenario-arg.js';

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
    .action(async (fileA: string, fileB: string, opts: { seed?: number; replications: number; metric?: string[]; all?: boolean; format: 'table' | 'json'; out?: string; quiet?: boolean; strict?: boolean; force?: boolean }, command: Command) => {
      opts.format = outputFormat(command, ['table', 'json']) as 'table' | 'json';
      const out = outTarget(opts.out);
      const [{ scenarioHash }, { estimateWork }, { createProgress }] = await Promise.all([import('../scenario/hash.js'), import('../scenario/work-estimate.js'), import('./progress.js')]);
      const a = await loadScenarioArg(fileA, io, { strict: opts.strict ?? false });
      const b = await loadScenarioArg(fileB, io, { strict: opts.strict ?? false });
      reportWarnings(io, [...a.warnings, ...b.warnings]);
      const sides = [estimateWork(a.scenario), estimateWork(b.scenario)].map((estimate) => ({ count: opts.replications, estimate }));
      // A --metric is checked on one replication of a first (see compute.ts).
      const check = opts.metric && sides[0] ? [{ count: 1, estimate: sides[0].estimate }] : [];
      checkWork({ what: `${opts.replications} replications of two scenarios`, simulations: [...sides, ...check], threads: 1 }, fileB, opts.force ?? false);
      const progress = createProgress(io, opts.quiet ?? false, 'diff');
      const version = capsimVersion();
      const rendered = await computeOffThread(
        {
          kind: 'diff',
          a: a.scenario,
          b: b.scenario,
          settings: { seed: opts.seed ?? a.scenario.seed, replications: opts.replications, metrics: opts.metric ?? [] },
          sides: { a: { version, scenarioHash: scenarioHash(a.written) }, b: { version, scenarioHash: scenarioHash(b.written) } },
          format: opts.format,
          all: opts.all ?? false,
        },
        io.offThread ?? false,
        (done, total) => progress.update(done, total),
      ).finally(() => progress.stop());
      emit(io, 'text' in rendered ? rendered.text : '', out);
    });
}
