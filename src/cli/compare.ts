import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { emit } from './io.js';
import { capsimVersion } from './version.js';
import { parseWholeNumber, reportWarnings, seedOption, strictOption } from './common.js';
import { createProgress } from './progress.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp } from './scenario-arg.js';
import type { Comparison } from '../procurement/compare.js';
import { defaultWorkers, quietOption, workersOption } from './montecarlo-options.js';

export function parseReplications(value: string): number {
  const n = parseWholeNumber(value);
  if (n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, found "${value}"`);
  return n;
}

const compareFormats = ['table', 'json', 'md', 'html'] as const;
type CompareFormat = (typeof compareFormats)[number];

/** The comparison in the asked format; the page and the Markdown load their modules only when asked. */
async function renderCompareFormat(comparison: Comparison, format: CompareFormat, table: (c: Comparison) => string): Promise<string> {
  if (format === 'json') return JSON.stringify(comparison, null, 2) + '\n';
  if (format === 'md') return (await import('../procurement/render-decision-md.js')).renderDecisionMarkdown(comparison);
  if (format === 'html') return (await import('../procurement/html/decision-page.js')).renderDecisionHtml(comparison);
  return table(comparison);
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command('compare')
    .description('run the workload under every procurement option (lease, cloud, own) on its own hardware and the same random streams, and rank them by the cost of the same work')
    .argument('<scenario>', scenarioArgHelp)
    .addOption(seedOption())
    .addOption(new Option('-r, --replications <n>', 'paired replications: 95% intervals of the differences and P(cheapest) need 2 or more').argParser(parseReplications).default(20))
    .addOption(new Option('-f, --format <format>', 'report format: a table, JSON, Markdown, or the decision page (html)').choices(['table', 'json', 'md', 'html']).default('table'))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of stdout; a .json file name sets --format json')
    .addOption(strictOption())
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
    .action(async (file: string, opts: { seed?: number; replications: number; format: CompareFormat; out?: string; strict?: boolean; workers?: number; quiet?: boolean }, command: Command) => {
      opts.format = outputFormat(command, compareFormats) as CompareFormat;
      if (opts.format === 'html' && opts.out === undefined && io.isTty) command.error('error: --format html writes a page: give --out FILE.html', { exitCode: 2 });
      const [{ resolveOptions }, { compareOptionsOn }, { renderComparison }, { loadedHash }, { createRunner }] = await Promise.all([
        import('../procurement/resolve-options.js'),
        import('../procurement/compare.js'),
        import('../procurement/render-comparison.js'),
        import('../scenario/hash.js'),
        import('../montecarlo/pool.js'),
      ]);
      const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const progress = createProgress(io, opts.quiet ?? false, 'compare');
      const runner = createRunner(opts.workers ?? defaultWorkers());
      try {
        const comparison = await compareOptionsOn(
          runner,
          loaded,
          resolveOptions(loaded.written, loaded.scenario),
          { seed: opts.seed ?? loaded.scenario.seed, replications: opts.replications, onProgress: (done, total) => progress.update(done, total) },
          { version: capsimVersion(), scenarioHash: loadedHash(loaded) },
        );
        progress.stop();
        await emit(io, await renderCompareFormat(comparison, opts.format, renderComparison), opts.out);
      } finally {
        progress.stop();
        await runner.close();
      }
    });
}
