import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { emit } from './io.js';
import { outTarget } from './out-target.js';
import { capsimVersion } from './version.js';
import { parseWholeNumber, reportWarnings, seedOption, strictOption } from './common.js';
import { createProgress } from './progress.js';
import { outputFormat } from './out-format.js';
import { examples } from './examples.js';
import { loadScenarioArg, scenarioArgHelp } from './scenario-arg.js';
import type { Comparison } from '../procurement/compare.js';
import { quietOption, workersOption } from './montecarlo-options.js';
import { budgetedRunner, forceOption } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';
import { runInterruptibly } from './run-interruptibly.js';
import { limits } from '../scenario/limits.js';

export function parseReplications(value: string): number {
  const n = parseWholeNumber(value);
  if (n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, found "${value}"`);
  if (n > limits.maxReplications) throw new InvalidArgumentError(`expected at most ${limits.maxReplications.toLocaleString('en-US')} replications, found ${value}`);
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
    .action(async (file: string, opts: { seed?: number; replications: number; format: CompareFormat; out?: string; strict?: boolean; force?: boolean; workers?: number; quiet?: boolean }, command: Command) => {
      opts.format = outputFormat(command, compareFormats) as CompareFormat;
      const out = outTarget(opts.out);
      if (opts.format === 'html' && out.kind === 'stdout' && io.isTty) command.error('error: --format html writes a page: give --out FILE.html', { exitCode: 2 });
      const [{ resolveOptions }, { compareOptionsOn }, { renderComparison }, { loadedHash }] = await Promise.all([
        import('../procurement/resolve-options.js'),
        import('../procurement/compare.js'),
        import('../procurement/render-comparison.js'),
        import('../scenario/hash.js'),
      ]);
      const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
      reportWarnings(io, loaded.warnings);
      const options = resolveOptions(loaded.written, loaded.scenario);
      const perReplication = optionEstimates(loaded.scenario, options);
      const simulations = perReplication.map((s) => ({ count: s.count * opts.replications, estimate: s.estimate }));
      const runner = await budgetedRunner(io, { what: `${opts.replications} replications of ${options.length} options`, simulations, asked: opts.workers, blocks: opts.replications }, file, opts.force ?? false);
      const progress = createProgress(io, opts.quiet ?? false, 'compare');
      try {
        const comparison = await runInterruptibly(runner, () =>
          compareOptionsOn(
            runner,
            loaded,
            options,
            { seed: opts.seed ?? loaded.scenario.seed, replications: opts.replications, onProgress: (done, total) => progress.update(done, total) },
            { version: capsimVersion(), scenarioHash: loadedHash(loaded) },
          ),
        );
        progress.stop();
        emit(io, await renderCompareFormat(comparison, opts.format, renderComparison), out);
      } finally {
        progress.stop();
        await runner.close();
      }
    });
}
