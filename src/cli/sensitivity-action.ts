import type { Command } from 'commander';
import type { Io } from './io.js';
import { emit } from './emit.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { loadScenarioArg } from './scenario-arg.js';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import type { Sensitivity } from '../procurement/sensitivity.js';
import { outTarget } from './out-target.js';
import { budgetedRunner } from './work-budget.js';
import { optionEstimates } from './option-estimates.js';
import { runInterruptibly } from './run-interruptibly.js';
import { cloudKinds } from '../scenario/option-schema.js';
import type { SensitivityFormat } from './sensitivity.js';

export interface SensitivityOptions {
  seed?: number;
  replications: number;
  low: number;
  high: number;
  lease?: string;
  against?: string;
  parameters: string[];
  gpuTypes: [string, string];
  workers?: number;
  format: SensitivityFormat;
  out?: string;
  strict?: boolean;
  force?: boolean;
}

async function renderSensitivityFormat(result: Sensitivity, format: SensitivityFormat, table: (s: Sensitivity) => string): Promise<string> {
  if (format === 'json') return JSON.stringify(result, null, 2) + '\n';
  if (format === 'md') return (await import('../procurement/render-sensitivity-md.js')).renderSensitivityMarkdown(result);
  if (format === 'html') return (await import('../procurement/html/sensitivity-page.js')).renderSensitivityHtml(result);
  return table(result);
}

/** `capsim sensitivity`, its format chosen: each parameter low and high, ranked by effect. */
export async function sensitivityAction(file: string, opts: SensitivityOptions, io: Io, command: Command): Promise<void> {
  const out = outTarget(opts.out);
  if (opts.format === 'html' && out.kind === 'stdout' && io.isTty) command.error('error: --format html writes a page: give --out FILE.html', { exitCode: 2 });
  const [{ resolveOptions }, { sensitivity }, { renderSensitivity }, { loadedHash }] = await Promise.all([
    import('../procurement/resolve-options.js'),
    import('../procurement/sensitivity.js'),
    import('../procurement/render-sensitivity.js'),
    import('../scenario/hash.js'),
  ]);
  const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
  reportWarnings(io, loaded.warnings);
  const options = resolveOptions(loaded.written, loaded.scenario);
  const lease = opts.lease ?? options.find((o) => o.kind === 'lease')?.name;
  const against = opts.against ?? options.find((o) => o.kind !== 'lease' && o.kind !== 'hybrid' && o.kind !== 'own')?.name;
  const known = (name: string | undefined, kinds: string[]) => options.some((o) => o.name === name && kinds.includes(o.kind));
  const problems = [
    ...(known(lease, ['lease', 'hybrid']) ? [] : [error('sensitivity-lease', ['options'], `expected --lease to name a lease or hybrid option (${options.filter((o) => o.kind === 'lease' || o.kind === 'hybrid').map((o) => o.name).join(', ') || 'none'}), found ${lease ?? 'none'}`)]),
    ...(known(against, [...cloudKinds, 'own']) ? [] : [error('sensitivity-against', ['options'], `expected --against to name a cloud or own option (${options.filter((o) => o.kind !== 'lease' && o.kind !== 'hybrid').map((o) => o.name).join(', ') || 'none'}), found ${against ?? 'none'}`)]),
  ];
  if (problems.length > 0) throw new ScenarioError(problems.map((p) => ({ ...p, file })));
  // Each point (the base, then each parameter low and high) evaluates the lease and the other option, R times.
  const points = 1 + 2 * opts.parameters.length;
  const pair = optionEstimates(loaded.scenario, options.filter((o) => o.name === lease || o.name === against));
  const simulations = pair.map((s) => ({ count: s.count * points * opts.replications, estimate: s.estimate }));
  const runner = await budgetedRunner(io, { what: `${points} sensitivity points of ${opts.replications} replications`, simulations, asked: opts.workers, blocks: opts.replications }, file, opts.force ?? false);
  const result = await runInterruptibly(runner, () =>
    sensitivity(
      { scenario: loaded.scenario, written: loaded.written, uncertainty: loaded.uncertainty, files: loaded.files, options },
      { seed: opts.seed ?? loaded.scenario.seed, replications: opts.replications, low: opts.low, high: opts.high, lease: lease as string, against: against as string, parameters: opts.parameters, gpuTypes: opts.gpuTypes },
      { version: capsimVersion(), scenarioHash: loadedHash(loaded) },
      runner,
    ),
  ).finally(() => runner.close());
  emit(io, await renderSensitivityFormat(result, opts.format, renderSensitivity), out);
}
