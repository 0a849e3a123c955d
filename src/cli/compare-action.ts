import type { Command } from 'commander';
import type { Io } from './io.js';
import { emit } from './emit.js';
import { outTarget } from './out-target.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { createProgress } from './progress.js';
import { loadScenarioArg } from './scenario-arg.js';
import type { Comparison } from '../procurement/compare.js';
import { budgetedRunner } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';
import { runInterruptibly } from './run-interruptibly.js';
import type { CompareFormat } from './compare.js';

export interface CompareOptions {
  seed?: number;
  replications: number;
  format: CompareFormat;
  out?: string;
  strict?: boolean;
  force?: boolean;
  workers?: number;
  quiet?: boolean;
}

/** The comparison in the asked format; the page and the Markdown load their modules only when asked. */
async function renderCompareFormat(comparison: Comparison, format: CompareFormat, table: (c: Comparison) => string): Promise<string> {
  if (format === 'json') return JSON.stringify(comparison, null, 2) + '\n';
  if (format === 'md') return (await import('../procurement/render-decision-md.js')).renderDecisionMarkdown(comparison);
  if (format === 'html') return (await import('../procurement/html/decision-page.js')).renderDecisionHtml(comparison);
  return table(comparison);
}

/** `capsim compare`, its format chosen: every option on the same replications, ranked. */
export async function compareAction(file: string, opts: CompareOptions, io: Io, command: Command): Promise<void> {
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
}
