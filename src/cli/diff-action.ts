import type { Command } from 'commander';
import type { Io } from './io.js';
import { emit } from './emit.js';
import { outTarget } from './out-target.js';
import { computeOffThread } from './off-thread.js';
import { checkWork } from './work-budget.js';
import { capsimVersion } from './version.js';
import { reportWarnings } from './common.js';
import { outputFormat } from './out-format.js';
import { loadScenarioArg } from './scenario-arg.js';

export type DiffOptions = { seed?: number; replications: number; metric?: string[]; all?: boolean; format: 'table' | 'json'; out?: string; quiet?: boolean; strict?: boolean; force?: boolean };

/** `capsim diff` (see diff.ts): the same replications of two scenarios, side by side. */
export async function diffAction(fileA: string, fileB: string, opts: DiffOptions, io: Io, command: Command): Promise<void> {
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
}
