import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { emit } from './io.js';
import { capsimVersion } from './version.js';
import { parseWholeNumber, reportWarnings, seedOption, strictOption } from './common.js';
import { createProgress } from './progress.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp } from './scenario-arg.js';

export function parseReplications(value: string): number {
  const n = parseWholeNumber(value);
  if (n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, found "${value}"`);
  return n;
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command('compare')
    .description('run the workload under every procurement option (lease, cloud, own) on its own hardware and the same random streams, and rank them by the cost of the same work')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(new Option('-r, --replications <n>', 'paired replications: 95% intervals of the differences and P(cheapest) need 2 or more').argParser(parseReplications).default(20))
    .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout; a .json file name sets --format json')
    .addOption(strictOption())
    .addHelpText('after', examples(['capsim compare scenarios/lease-vs-cloud.yaml --replications 20', 'capsim compare scenarios/lease-vs-cloud.yaml --out compare.json']))
    .action(async (file: string, opts: { seed?: number; replications: number; format: 'table' | 'json'; out?: string; strict?: boolean }, command: Command) => {
      opts.format = outputFormat(command, ['table', 'json']) as 'table' | 'json';
      const [{ resolveOptions }, { compareOptions }, { renderComparison }, { scenarioHash }] = await Promise.all([
        import('../procurement/resolve-options.js'),
        import('../procurement/compare.js'),
        import('../procurement/render-comparison.js'),
        import('../scenario/hash.js'),
      ]);
      const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const ctx = { scenario: loaded.scenario, written: loaded.written };
      const progress = createProgress(io, false, 'compare');
      const comparison = compareOptions(
        ctx,
        resolveOptions(loaded.written, loaded.scenario),
        { seed: opts.seed ?? loaded.scenario.seed, replications: opts.replications, onProgress: (done, total) => progress.update(done, total) },
        { version: capsimVersion(), scenarioHash: scenarioHash(loaded.written) },
      );
      progress.stop();
      await emit(io, opts.format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : renderComparison(comparison), opts.out);
    });
}
